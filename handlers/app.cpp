// app.cpp: GET /app/ — demo only: a 學籍系統 function menu standing for an application behind
// nginx's auth_request (nginx/xueji-auth.conf). It knows the person only from the X-Xueji-*
// headers nginx sets from /auth's answer, as any application on the same site would.
#include "fcgi/handler.h"
#include "fcgi/parse.h"
#include "fcgi/templates.h"

namespace {

using namespace xueji;

std::string decoded(std::string_view text) {
  try {
    return http::percent_decode(text);
  } catch (const http::Error&) {
    return "";
  }
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> out;
  while (!text.empty()) {
    std::size_t at = text.find(separator);
    out.push_back(text.substr(0, at));
    if (at == std::string_view::npos) break;
    text.remove_prefix(at + 1);
  }
  return out;
}

// "CODE:duty,duty;CODE:duty" into SCHOOL sections with DUTY sections.
void fill_duties(ctemplate::TemplateDictionary& body, std::string_view header) {
  for (std::string_view school : split(header, ';')) {
    std::size_t colon = school.find(':');
    if (colon == std::string_view::npos) continue;
    auto* s = body.AddSectionDictionary("SCHOOL");
    s->SetValue("SCHOOL_CODE", decoded(school.substr(0, colon)));
    for (std::string_view duty : split(school.substr(colon + 1), ',')) {
      s->AddSectionDictionary("DUTY")->SetValue("DUTY", decoded(duty));
    }
  }
}

}  // namespace

xueji::http::Response handle_app(const xueji::http::Request& req, xueji::Context& ctx) {
  if (req.path != "/app/") return http::Response::redirect("/app/");
  // Only nginx's auth_request sets these; without them the page was reached around it.
  if (req.header("HTTP_X_XUEJI_SUB").empty()) return http::Response::redirect("/login?rd=/app/");
  Page page("學籍系統（示範）", "app.tpl");
  auto& body = page.body();
  body.SetValue("NAME", decoded(req.header("HTTP_X_XUEJI_NAME")));
  body.SetValue("ACCOUNT", decoded(req.header("HTTP_X_XUEJI_ACCOUNT")));
  body.SetValue("SUB", std::string(req.header("HTTP_X_XUEJI_SUB")));
  fill_duties(body, req.header("HTTP_X_XUEJI_DUTIES"));
  http::Response r;
  r.body = page.render(ctx);
  return r;
}
