// session.h: the visitor's server-side session. The cookie holds 256 random bits; the database
// holds only their SHA-256. Idle sessions expire after 30 minutes.
#pragma once
#include <optional>
#include <string>

#include "fcgi/context.h"
#include "fcgi/http.h"

namespace xueji {

inline constexpr const char* kSessionCookie = "xueji_session";
inline constexpr Seconds kSessionIdle{30 * 60};

struct Session {
  std::string id_hash;  // raw SHA-256 of the cookie value
  std::string csrf;     // the token every form of this session carries
  bool is_new = false;
};

// The visitor's live session, or none (absent, unknown or expired cookie). Refreshes its expiry.
std::optional<Session> find_session(const http::Request& req, Context& ctx);
// The visitor's live session, creating one (and queuing its cookie) when there is none.
Session current_session(const http::Request& req, Context& ctx);
// Replaces the session id (login, privilege change): same row, new cookie value.
void rotate_session(Session& session, Context& ctx);
// Ends the session server-side and clears the cookie.
void end_session(const Session& session, Context& ctx);

// Throws http::forbidden unless the POST carries the session's CSRF token in `csrf`.
void require_csrf(const http::Request& req, const std::optional<Session>& session);

}  // namespace xueji
