// session.h: the visitor's server-side session. The cookie holds 256 random bits; the database
// holds only their SHA-256. Idle sessions expire after 30 minutes, and every session 8 hours
// after it began, however busy.
#pragma once
#include <optional>
#include <string>

#include "fcgi/context.h"
#include "fcgi/http.h"
#include "sql/session_store.h"

namespace xueji {

inline constexpr Seconds kSessionIdle{30 * 60};
inline constexpr Seconds kSessionLifetime{8 * 60 * 60};

// "xueji_session"; over TLS (XUEJI_COOKIE_SECURE=1) "__Host-xueji_session", which browsers
// accept only with Secure, Path=/ and no Domain, so no other host of the domain can plant one.
const char* session_cookie_name(const Config& config);
// The Set-Cookie value of one of our cookies: HttpOnly, SameSite=Lax, Path=/, Secure over TLS.
// `name` is the plain name ("xueji_session"); the __Host- prefix is added over TLS.
// max_age_seconds < 0: a browser-session cookie; 0: deletes it.
std::string our_cookie_header(const Config& config, std::string_view name, std::string_view value,
                              long long max_age_seconds = -1);
// The value of one of our cookies by its plain name, first sent first (see our_cookie_header()).
std::vector<std::string_view> our_cookie_values(const http::Request& req, const Config& config,
                                                std::string_view name);
// Whether the request carried a session cookie at all (a stale one means an idle logout).
bool sent_session_cookie(const http::Request& req, const Context& ctx);

// The session as handlers see it: the stored row (flow state included) plus whether it was
// made by this request. Change the row's fields, then save_session() them.
struct Session : store::SessionRow {
  bool is_new = false;

  // Small flow values kept in the row's url-encoded `data` column.
  std::string value(std::string_view key) const;
  void set_value(std::string_view key, std::string_view value);
  void clear_values() { data.clear(); }
};

// The visitor's live session, or none (absent, unknown or expired cookie). Refreshes its expiry.
std::optional<Session> find_session(const http::Request& req, Context& ctx);
// The two halves of find_session(), for a page that reads the session in a larger query
// (sql/login_page_store.h): the hash to look up (nullopt when the cookie cannot be a session id),
// then the Session of the live row found, its expiry extended when due.
// A repeated session cookie is resolved: the first value naming a live session wins.
std::optional<std::string> cookie_session_hash(const http::Request& req, Context& ctx);
Session adopt_live_session(const store::SessionRow& row, Context& ctx);
// The visitor's live session, creating one (and queuing its cookie) when there is none.
Session current_session(const http::Request& req, Context& ctx);
// A new anonymous session, its cookie queued on ctx (what current_session() makes when the
// request has none).
Session start_session(Context& ctx);
// Stores the session's state under a new id and CSRF token (login, privilege change): same row,
// new cookie value. Change the state first; this saves it too.
void rotate_and_save_session(Session& session, Context& ctx);
// Stores kind, person, account, wizard step, auth stage, values and failed tries.
void save_session(const Session& session, Context& ctx);
// A one-time value (a notice for the next page): returns it and, when there was one, clears and
// saves it, so a reload or the back button does not show it again.
std::string take_session_value(Session& session, std::string_view key, Context& ctx);
// Ends the session server-side and clears the cookie.
void end_session(const Session& session, Context& ctx);

// Throws http::forbidden unless the POST carries the session's CSRF token in `csrf`.
void require_csrf(const http::Request& req, const std::optional<Session>& session);

}  // namespace xueji
