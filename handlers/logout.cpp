// logout.cpp: POST /logout — 登出: ends the session in the database, back to the login page.
#include "fcgi/audit.h"
#include "fcgi/handler.h"
#include "flows/login_flow.h"

xueji::http::Response handle_logout(const xueji::http::Request& req, xueji::Context& ctx) {
  using namespace xueji;
  auto session = find_session(req, ctx);
  // Already gone (idle timeout, or logged out in another tab): nothing to end, and no token to
  // check it against.
  if (!session) return http::Response::redirect("/login?notice=expired");
  require_csrf(req, session);
  if (session->account_id) {
    audit_request(ctx, req, "account:" + std::to_string(*session->account_id), "logout",
                  "account:" + std::to_string(*session->account_id));
  }
  return end_login(*session, ctx, "logged_out");
}
