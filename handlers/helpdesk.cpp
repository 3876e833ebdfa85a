// helpdesk.cpp: GET/POST /helpdesk — the 諮詢專員 finds an account across schools by its account
// name, or by ID number and birth date (the ID number is used only as its HMAC and never shown
// back), to help someone whose e-mail no longer receives mail (manual 三 ★小提醒 4).
#include "core/account_policy.h"
#include "core/national_id.h"
#include "core/personal_data.h"
#include "core/staff_fields.h"
#include "fcgi/audit.h"
#include "fcgi/form.h"
#include "fcgi/handler.h"
#include "flows/helpdesk_page.h"
#include "sql/forgot_store.h"

xueji::http::Response handle_helpdesk(const xueji::http::Request& req, xueji::Context& ctx) {
  using namespace xueji;
  admin::ConsoleGate gate = admin::enter_console(req, ctx);
  if (!gate.console) return gate.redirect;
  admin::Console& console = *gate.console;
  admin::require_helpdesk(console);
  admin::HelpdeskView view;
  if (req.method == "GET") return admin::helpdesk_page(ctx, console, view);

  require_csrf(req, console.login.session);
  view.searched = true;
  view.account = form_value(req, "account", 64);
  std::string typed_id = form_value(req, "national_id", 64);
  view.birth_date = form_value(req, "birth_date", 64);
  std::string target;
  if (!view.account.empty()) {
    if (auto a = store::find_account_by_key(ctx.db, account_login_key(view.account))) {
      view.found = a->id;
    }
    target = "account-name";
  } else {
    std::string id;
    CivilDate birth;
    std::string problem = national_id_problem(typed_id, id);
    if (problem.empty()) problem = birth_date_problem(view.birth_date, ctx.clock.now(), birth);
    if (!problem.empty()) {
      view.search_error = "請輸入個人業務帳號，或正確的身分證/外籍人士統一證號及出生年月日：" + problem;
      return admin::helpdesk_page(ctx, console, view);
    }
    if (auto a = store::match_forgot_by_id(ctx.db, national_id_hmac(ctx.config.secret, id), birth)) {
      view.found = a->id;
    }
    target = "person:" + mask_national_id(id);
  }
  if (view.found) target = "account:" + std::to_string(*view.found);
  audit_request(ctx, req, console.actor(), view.found ? "helpdesk.find" : "helpdesk.find.none",
                target);
  return admin::helpdesk_page(ctx, console, view);
}
