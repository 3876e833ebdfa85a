// oidc_authorize.cpp: GET /oidc/authorize — the authorization endpoint (code flow, PKCE S256).
// An unknown client or unregistered redirect URI gets an error page, never a redirect; other bad
// requests go back to the client with an error. Without a complete login the request waits
// (sql oidc_pending, its handle in the session) while the usual login runs, then comes back here
// as /oidc/authorize?pending=1 and the code goes to the client with state and iss (RFC 9207).
#include "core/oidc.h"
#include "fcgi/audit.h"
#include "fcgi/handler.h"
#include "flows/oidc.h"

namespace {

using namespace xueji;

constexpr std::size_t kMaxState = 512;
constexpr std::size_t kMaxScope = 255;
constexpr const char* kResumePath = "/oidc/authorize?pending=1";

http::Error unknown_client() {
  return http::Error(400, "E400-OIDC-CLIENT",
                     "要求登入的應用系統未登記，或其返回網址（redirect_uri）與登記的不符；"
                     "請洽該系統的管理者。",
                     "oidc authorize: unknown client or redirect_uri");
}

http::Error lost_request() {
  return http::Error(400, "E400-OIDC-PENDING",
                     "這次登入要求已逾時或已完成，請回到原應用系統重新登入。",
                     "oidc authorize: no pending request");
}

// Back to the client with an error (the redirect URI was checked first).
http::Response client_error(Context& ctx, const store::OidcRequest& r, const std::string& code,
                            const std::string& description) {
  std::string url = oidc::add_query(r.redirect_uri, "error", code);
  url = oidc::add_query(url, "error_description", description);
  if (!r.state.empty()) url = oidc::add_query(url, "state", r.state);
  return redirect_to_client(oidc::add_query(url, "iss", ctx.config.issuer));
}

bool client_accepts(Context& ctx, const std::string& client_id, const std::string& redirect_uri) {
  if (client_id.empty() || client_id.size() > 64) return false;
  auto client = store::find_oidc_client(ctx.db, client_id);
  return client && oidc::redirect_uri_registered(client->redirect_uris, redirect_uri);
}

http::Response issue_code(const http::Request& req, Context& ctx, const LoginState& login,
                          const store::OidcRequest& r) {
  TimePoint now = ctx.clock.now();
  std::string code = ctx.random.token(32);
  store::OidcCode row{r.client_id, r.redirect_uri, login.account.id, r.scope, r.nonce,
                      r.code_challenge, login_auth_time(login.session), now + oidc::kCodeLifetime,
                      std::nullopt};
  store::insert_oidc_code(ctx.db, oidc::token_hash(code), row);
  audit_request(ctx, req, account_actor(login.account), "oidc.code", "client:" + r.client_id);
  std::string url = oidc::add_query(r.redirect_uri, "code", code);
  if (!r.state.empty()) url = oidc::add_query(url, "state", r.state);
  return redirect_to_client(oidc::add_query(url, "iss", ctx.config.issuer));
}

// No complete (or fresh enough) login yet: the request waits for it in this browser's session.
http::Response wait_for_login(const http::Request& req, Context& ctx, const store::OidcRequest& r) {
  Session session = current_session(req, ctx);
  std::string handle = ctx.random.token(32);
  store::insert_oidc_pending(ctx.db, oidc::token_hash(handle), r,
                             ctx.clock.now() + oidc::kPendingLifetime);
  session.set_value(kOidcPendingKey, handle);
  save_session(session, ctx);
  remember_return_path(session, kResumePath, ctx);
  return http::Response::redirect("/login");
}

// The request this browser left waiting, after the login.
http::Response resume(const http::Request& req, Context& ctx) {
  auto login = find_complete_login(req, ctx);
  std::optional<Session> session;
  if (login) session = login->session; else session = find_session(req, ctx);
  if (!session) throw lost_request();
  std::string handle = session->value(kOidcPendingKey);
  if (handle.empty()) throw lost_request();
  std::string handle_hash = oidc::token_hash(handle);
  auto r = store::find_oidc_pending(ctx.db, handle_hash, ctx.clock.now());
  if (!r) throw lost_request();
  bool fresh = login && (!r->fresh_after || login_auth_time(login->session) >= *r->fresh_after);
  if (!fresh) {
    remember_return_path(*session, kResumePath, ctx);
    return http::Response::redirect("/login");
  }
  if (login->next == RequiredAction::kNoDuty) return http::Response::redirect("/home");
  store::delete_oidc_pending(ctx.db, handle_hash);
  session->set_value(kOidcPendingKey, "");
  save_session(*session, ctx);
  if (!client_accepts(ctx, r->client_id, r->redirect_uri)) throw unknown_client();
  return issue_code(req, ctx, *login, *r);
}

}  // namespace

xueji::http::Response handle_oidc_authorize(const xueji::http::Request& req,
                                            xueji::Context& ctx) {
  if (req.param("pending") == "1") return resume(req, ctx);
  store::OidcRequest r;
  r.client_id = std::string(req.param("client_id"));
  r.redirect_uri = std::string(req.param("redirect_uri"));
  if (!client_accepts(ctx, r.client_id, r.redirect_uri)) throw unknown_client();
  r.state = std::string(req.param("state"));
  r.scope = std::string(req.param("scope"));
  r.nonce = std::string(req.param("nonce"));
  r.code_challenge = std::string(req.param("code_challenge"));
  if (r.state.size() > kMaxState) r.state.clear();
  if (req.param("response_type") != "code") {
    return client_error(ctx, r, "unsupported_response_type", "only response_type=code");
  }
  if (!req.param("request").empty() || !req.param("request_uri").empty()) {
    return client_error(ctx, r, "request_not_supported", "request objects are not supported");
  }
  if (r.scope.size() > kMaxScope || !oidc::has_scope(r.scope, "openid")) {
    return client_error(ctx, r, "invalid_scope", "scope must include openid");
  }
  if (req.param("code_challenge_method") != "S256" || !oidc::valid_code_challenge(r.code_challenge)) {
    return client_error(ctx, r, "invalid_request", "PKCE with code_challenge_method=S256 is required");
  }
  if (r.nonce.size() > kMaxState) return client_error(ctx, r, "invalid_request", "nonce too long");
  std::string_view prompt = req.param("prompt");
  std::string_view max_age = req.param("max_age");
  if (!max_age.empty() && (max_age.size() > 9 ||
                           max_age.find_first_not_of("0123456789") != std::string_view::npos)) {
    return client_error(ctx, r, "invalid_request", "max_age must be a number of seconds");
  }

  // Whole seconds, as the login's own time is kept (login_auth_time).
  TimePoint now = TimePoint(std::chrono::floor<std::chrono::seconds>(ctx.clock.now()));
  auto login = find_complete_login(req, ctx);
  if (prompt == "login") r.fresh_after = now;
  if (login && !max_age.empty() &&
      now - login_auth_time(login->session) > std::chrono::seconds(std::stoll(std::string(max_age)))) {
    r.fresh_after = now;
  }
  if (prompt == "none" && (!login || r.fresh_after)) {
    return client_error(ctx, r, "login_required", "no complete login");
  }
  if (!login || r.fresh_after) return wait_for_login(req, ctx, r);
  if (login->next == RequiredAction::kNoDuty) return http::Response::redirect("/home");
  return issue_code(req, ctx, *login, r);
}
