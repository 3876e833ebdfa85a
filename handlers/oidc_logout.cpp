// oidc_logout.cpp: GET /oidc/logout — RP-initiated logout. With an ID token we signed for this
// session's person (id_token_hint), the session ends at once, the person's access tokens are
// revoked, and the browser goes to the client's registered post_logout_redirect_uri (with state).
// Without one, a GET could be forged by any page, so the person confirms with our CSRF-carrying
// POST /logout form instead.
#include "core/oidc.h"
#include "fcgi/audit.h"
#include "fcgi/handler.h"
#include "fcgi/templates.h"
#include "flows/oidc.h"

namespace {

using namespace xueji;

// A string member of a payload we signed ourselves (our writer's exact form; client ids and
// subjects are base64url-safe, so no escapes occur in them).
std::string our_string_claim(const std::string& payload, const std::string& name) {
  std::string key = "\"" + name + "\":\"";
  std::size_t at = payload.find(key);
  if (at == std::string::npos) return "";
  at += key.size();
  std::size_t end = payload.find('"', at);
  if (end == std::string::npos) return "";
  std::string value = payload.substr(at, end - at);
  return value.find('\\') == std::string::npos ? value : "";
}

http::Response confirm_page(const http::Request& req, Context& ctx) {
  Session session = current_session(req, ctx);
  Page page("登出", "oidc_logout.tpl");
  page.body().SetValue("CSRF", session.csrf);
  http::Response r;
  r.body = page.render(ctx);
  return r;
}

}  // namespace

xueji::http::Response handle_oidc_logout(const xueji::http::Request& req, xueji::Context& ctx) {
  std::string hint(req.param("id_token_hint"));
  std::optional<std::string> payload;
  if (!hint.empty()) payload = verified_id_token_payload(ctx, hint);
  if (!payload) return confirm_page(req, ctx);
  std::string client_id = our_string_claim(*payload, "aud");
  std::string subject = our_string_claim(*payload, "sub");

  auto session = find_session(req, ctx);
  if (session && session->account_id) {
    if (oidc_subject(ctx, *session->account_id) != subject) return confirm_page(req, ctx);
    store::revoke_oidc_tokens_of_account(ctx.db, *session->account_id, ctx.clock.now());
    audit_request(ctx, req, "account:" + std::to_string(*session->account_id), "oidc.logout",
                  "client:" + client_id);
    end_session(*session, ctx);
  }
  std::string after(req.param("post_logout_redirect_uri"));
  auto client = store::find_oidc_client(ctx.db, client_id);
  if (!after.empty() && client &&
      oidc::redirect_uri_registered(client->post_logout_redirect_uris, after)) {
    if (!req.param("state").empty()) after = oidc::add_query(after, "state", req.param("state"));
    return redirect_to_client(after);
  }
  return http::Response::redirect("/login?notice=logged_out");
}
