// auth.cpp: GET /auth — for nginx's auth_request (nginx/xueji-auth.conf): 200 with who is
// logged in (X-Xueji-Sub, -Account, -Name, -Duties, percent-encoded UTF-8) for a complete login
// of a person with duties this year; 401 for anyone else. One query, on every request of a
// protected application.
#include "core/oidc.h"
#include "core/percent_encoding.h"
#include "fcgi/handler.h"
#include "flows/oidc.h"

xueji::http::Response handle_auth(const xueji::http::Request& req, xueji::Context& ctx) {
  using namespace xueji;
  http::Response r;
  r.content_type = "text/plain; charset=utf-8";
  auto login = find_complete_login(req, ctx);
  if (!login || login->next != RequiredAction::kHome) {
    r.status = 401;
    return r;
  }
  r.add_header("X-Xueji-Sub", oidc_subject(ctx, login->account.id));
  r.add_header("X-Xueji-Account", percent_encode(login->account.login_name));
  r.add_header("X-Xueji-Name", percent_encode(person_name(login->account, login->duties)));
  r.add_header("X-Xueji-Duties", duties_header(login->duties));
  return r;
}
