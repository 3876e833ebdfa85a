// session.cpp: finding, creating, rotating and ending the visitor's session; the CSRF check.
#include "fcgi/session.h"

#include "core/percent_encoding.h"
#include "fcgi/parse.h"
#include "sql/session_store.h"

namespace xueji {
namespace {

// Extending the expiry is a write; doing it at most once a minute keeps reads cheap.
constexpr Seconds kExtendAfter{60};
constexpr std::size_t kMaxSessionData = 2048;  // the width of sessions.data

std::string cookie_header(const Context& ctx, const std::string& value, bool clear) {
  return our_cookie_header(ctx.config, "xueji_session", value, clear ? 0 : -1);
}

Session from_row(const store::SessionRow& row) {
  Session s;
  static_cast<store::SessionRow&>(s) = row;
  return s;
}

bool plausible_cookie(std::string_view value) {
  if (value.size() != 43) return false;  // 32 bytes in unpadded base64url
  for (char c : value) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

}  // namespace

const char* session_cookie_name(const Config& config) {
  return config.cookie_secure ? "__Host-xueji_session" : "xueji_session";
}

std::string our_cookie_header(const Config& config, std::string_view name, std::string_view value,
                              long long max_age_seconds) {
  std::string c = (config.cookie_secure ? "__Host-" : "") + std::string(name) + "=" +
                  std::string(value) + "; Path=/; HttpOnly; SameSite=Lax";
  if (max_age_seconds >= 0) c += "; Max-Age=" + std::to_string(max_age_seconds);
  if (config.cookie_secure) c += "; Secure";
  return c;
}

std::vector<std::string_view> our_cookie_values(const http::Request& req, const Config& config,
                                                std::string_view name) {
  return req.cookie_values((config.cookie_secure ? "__Host-" : "") + std::string(name));
}

bool sent_session_cookie(const http::Request& req, const Context& ctx) {
  return !req.cookie(session_cookie_name(ctx.config)).empty();
}

std::optional<std::string> cookie_session_hash(const http::Request& req, Context& ctx) {
  std::vector<std::string> hashes;
  for (std::string_view value : req.cookie_values(session_cookie_name(ctx.config))) {
    if (plausible_cookie(value)) hashes.push_back(crypto::sha256(value));
  }
  if (hashes.size() <= 1) {
    if (hashes.empty()) return std::nullopt;
    return hashes.front();
  }
  // Rare, so the extra queries are affordable: the first that names a live session wins.
  for (const std::string& hash : hashes) {
    if (store::find_live_session(ctx.db, hash, ctx.clock.now())) return hash;
  }
  return hashes.front();
}

Session adopt_live_session(const store::SessionRow& row, Context& ctx) {
  TimePoint now = ctx.clock.now();
  if (now - row.last_seen_at >= kExtendAfter) {
    store::extend_session(ctx.db, row.id_hash, now, now + kSessionIdle, kSessionLifetime);
  }
  return from_row(row);
}

std::optional<Session> find_session(const http::Request& req, Context& ctx) {
  auto id_hash = cookie_session_hash(req, ctx);
  if (!id_hash) return std::nullopt;
  auto row = store::find_live_session(ctx.db, *id_hash, ctx.clock.now());
  if (!row) return std::nullopt;
  return adopt_live_session(*row, ctx);
}

Session current_session(const http::Request& req, Context& ctx) {
  if (auto existing = find_session(req, ctx)) return *existing;
  return start_session(ctx);
}

Session start_session(Context& ctx) {
  std::string value = ctx.random.token(32);
  store::SessionRow row;
  row.id_hash = crypto::sha256(value);
  row.csrf = ctx.random.token(24);
  row.last_seen_at = ctx.clock.now();
  row.expires_at = row.last_seen_at + kSessionIdle;
  store::insert_session(ctx.db, row);
  ctx.pending_cookies.push_back(cookie_header(ctx, value, false));
  Session s = from_row(row);
  s.is_new = true;
  return s;
}

void rotate_and_save_session(Session& session, Context& ctx) {
  std::string value = ctx.random.token(32);
  std::string old_hash = session.id_hash;
  session.id_hash = crypto::sha256(value);
  session.csrf = ctx.random.token(24);
  store::rekey_session(ctx.db, old_hash, session);
  ctx.pending_cookies.push_back(cookie_header(ctx, value, false));
}

void save_session(const Session& session, Context& ctx) {
  store::update_session_state(ctx.db, session);
}

std::string take_session_value(Session& session, std::string_view key, Context& ctx) {
  std::string value = session.value(key);
  if (!value.empty()) {
    session.set_value(key, "");
    save_session(session, ctx);
  }
  return value;
}

std::string Session::value(std::string_view key) const {
  http::Fields fields = http::parse_urlencoded(data);
  auto it = fields.find(key);
  return it == fields.end() ? std::string() : it->second;
}

void Session::set_value(std::string_view key, std::string_view value) {
  http::Fields fields = http::parse_urlencoded(data);
  fields[std::string(key)] = std::string(value);
  std::string encoded;
  for (const auto& [k, v] : fields) {
    if (v.empty()) continue;
    if (!encoded.empty()) encoded += '&';
    encoded += percent_encode(k) + "=" + percent_encode(v);
  }
  if (encoded.size() > kMaxSessionData) {
    throw std::length_error("session data over " + std::to_string(kMaxSessionData) + " bytes");
  }
  data = std::move(encoded);
}

void end_session(const Session& session, Context& ctx) {
  store::delete_session(ctx.db, session.id_hash);
  ctx.pending_cookies.push_back(cookie_header(ctx, "", true));
}

void require_csrf(const http::Request& req, const std::optional<Session>& session) {
  std::string_view sent = req.field("csrf");
  if (!session) throw http::forbidden("POST without a live session");
  if (sent.empty() || !crypto::constant_time_equal(sent, session->csrf)) {
    throw http::forbidden("missing or wrong CSRF token");
  }
}

}  // namespace xueji
