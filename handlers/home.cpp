// home.cpp: GET /home — the page after every required step: name, school(s), duties of the
// active school year, 修改帳號 / 修改密碼 / 登出; or, with no duty this year, the manual's
// sentence that there is nothing to use. A login headed elsewhere (rd=, OIDC) goes on there.
#include "fcgi/handler.h"
#include "fcgi/templates.h"
#include "flows/login_flow.h"

namespace {

using namespace xueji;

std::string person_name(const LoginState& state) {
  if (!state.duties.schools.empty()) return state.duties.schools.front().staff_name;
  return state.account.display_name;
}

void fill_schools(ctemplate::TemplateDictionary& body, const store::PersonDuties& duties) {
  for (const auto& school : duties.schools) {
    auto* s = body.AddSectionDictionary("SCHOOL");
    s->SetValue("SCHOOL_NAME", school.school_name);
    s->SetValue("SCHOOL_CODE", school.school_code);
    for (const auto& duty : school.duties) s->AddSectionDictionary("DUTY")->SetValue("DUTY", duty);
    if (school.duties.empty()) s->ShowSection("NO_DUTY");
  }
}

}  // namespace

xueji::http::Response handle_home(const xueji::http::Request& req, xueji::Context& ctx) {
  LoginGate gate = enter_login_page(req, ctx, RequiredAction::kHome);
  if (!gate.state) return gate.redirect;
  LoginState& state = *gate.state;
  bool no_duty = state.next == RequiredAction::kNoDuty;
  // The complete login goes on where it was headed (/login?rd=, a waiting OIDC client); a person
  // with no duty stays on the no-duty page.
  if (!no_duty) {
    if (std::string to = take_return_path(state.session, ctx); !to.empty()) {
      return http::Response::redirect(to);
    }
  }
  Page page(no_duty ? "無可使用之功能" : "首頁", no_duty ? "no_duty.tpl" : "home.tpl");
  auto& body = page.body();
  body.SetValue("CSRF", state.session.csrf);
  body.SetValue("ACCOUNT", state.account.login_name);
  body.SetIntValue("SCHOOL_YEAR", state.duties.school_year);
  if (!no_duty) {
    body.SetValue("NAME", person_name(state));
    fill_schools(body, state.duties);
  }
  http::Response r;
  r.body = page.render(ctx);
  return r;
}
