// captcha.cpp: GET /captcha?form=NAME — a new captcha image for that form of the session.
#include "core/captcha_answer.h"
#include "fcgi/handler.h"
#include "flows/captcha.h"

xueji::http::Response handle_captcha(const xueji::http::Request& req, xueji::Context& ctx) {
  using namespace xueji;
  std::string_view form = req.param("form");
  if (!valid_captcha_form(form)) throw http::bad_request("unknown captcha form");
  Session session = current_session(req, ctx);
  http::Response r;
  r.content_type = "image/png";
  r.body = issue_captcha(session, form, ctx);
  r.add_header("Cache-Control", "no-store");
  return r;
}
