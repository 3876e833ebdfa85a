// helpdesk_email.cpp: POST /helpdesk/email — the 諮詢專員 resets an account's e-mail address,
// with a typed reason that goes to the audit log, after a fresh second factor. The new address
// does not count until it is verified: a one-time link goes to it (flows/account_link.h), and
// only when the holder opens it and sets a new password does it become the account's verified
// e-mail.
#include "core/account_policy.h"
#include "core/email_address.h"
#include "core/staff_fields.h"
#include "core/utf8.h"
#include "fcgi/audit.h"
#include "fcgi/form.h"
#include "fcgi/handler.h"
#include "flows/account_link.h"
#include "flows/helpdesk_page.h"

xueji::http::Response handle_helpdesk_email(const xueji::http::Request& req, xueji::Context& ctx) {
  using namespace xueji;
  admin::ConsoleGate gate = admin::enter_console(req, ctx);
  if (!gate.console) return gate.redirect;
  admin::Console& console = *gate.console;
  admin::require_helpdesk(console);
  require_csrf(req, console.login.session);
  admin::HelpdeskView view;
  view.account = form_value(req, "account", 64);
  view.email = form_value(req, "email", 254);
  view.reason = form_value(req, "reason", 400);
  auto account = store::find_account_by_key(ctx.db, account_login_key(view.account));
  if (!account) {
    view.searched = true;
    return admin::helpdesk_page(ctx, console, view);
  }
  view.found = account->id;
  TimePoint now = ctx.clock.now();
  if (!admin::stepped_up(console, now)) return admin::stepup_redirect("/helpdesk");
  EmailProblem problem = email_problem(view.email);
  if (problem != EmailProblem::kNone) {
    view.email_error = std::string(email_problem_message(problem));
    return admin::helpdesk_page(ctx, console, view);
  }
  std::string reason = trimmed(view.reason);
  bool one_line = is_valid_utf8(reason) && reason.find_first_of("\r\n\t") == std::string::npos;
  if (reason.empty() || !one_line || utf8_length(reason) > 100) {
    view.email_error = "請填寫重設原因（一行文字，最多 100 個字）。";
    return admin::helpdesk_page(ctx, console, view);
  }
  std::string address = normalize_email(view.email);
  ctx.db.transaction([&] {
    issue_account_link(ctx, *account, store::kTokenEmail, address, now);
    audit_request(ctx, req, console.actor(), "helpdesk.email_reset",
                  "account:" + std::to_string(account->id) + " reason:" + reason);
  });
  admin::set_flash(console, ctx,
                   "已寄送確認連結至新的 E-Mail；帳號持有者開啟連結並設定新密碼後，新 E-Mail "
                   "才會生效。");
  return http::Response::redirect("/helpdesk");
}
