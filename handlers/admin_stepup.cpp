// admin_stepup.cpp: GET/POST /admin/stepup — a fresh second factor before a sensitive action of
// the console (reset password, reset 2FA, remove staff, the helpdesk's e-mail reset): a TOTP code,
// each accepted once, good for 10 minutes. Wrong codes count on the account's own code counter,
// the one /2fa uses, each reserved before it is checked; the fifth locks the account and ends
// the session, so the step-up cannot be guessed.
#include "core/lockout.h"
#include "core/oidc.h"
#include "core/secret_box.h"
#include "core/taipei_time.h"
#include "core/totp.h"
#include "fcgi/audit.h"
#include "fcgi/form.h"
#include "fcgi/handler.h"
#include "flows/admin_console.h"
#include "mail/account_notices.h"
#include "sql/attempt_store.h"

namespace {

using namespace xueji;

// Where to go back to: a console page, or the console's front page.
std::string back_path(std::string_view typed) {
  bool console = typed.rfind("/admin", 0) == 0 || typed.rfind("/helpdesk", 0) == 0;
  return console && oidc::safe_local_path(typed) ? std::string(typed) : std::string("/admin");
}

http::Response stepup_page(Context& ctx, const admin::Console& console, const std::string& back,
                           std::string_view error) {
  Page page("身分再確認", "admin_stepup.tpl");
  auto& body = page.body();
  admin::fill_console_header(body, console);
  body.SetValue("BACK", back);
  if (!error.empty()) show_message(body, "OTP_ERROR", error);
  http::Response r;
  r.status = error.empty() ? 200 : 422;
  r.body = page.render(ctx);
  return r;
}

}  // namespace

xueji::http::Response handle_admin_stepup(const xueji::http::Request& req, xueji::Context& ctx) {
  admin::ConsoleGate gate = admin::enter_console(req, ctx);
  if (!gate.console) return gate.redirect;
  admin::Console& console = *gate.console;
  const store::Account& account = console.login.account;
  std::string back = back_path(admin::request_value(req, "back", 512));
  if (req.method == "GET") return stepup_page(ctx, console, back, "");

  require_csrf(req, console.login.session);
  std::string typed = form_value(req, "otp", 32);
  if (!totp::well_formed_code(typed)) return stepup_page(ctx, console, back, kOtpFormatMessage);
  auto secret = open_secret(totp_box_key(ctx.config.secret), account.totp_secret_box,
                            account_totp_context(account));
  if (!secret) throw std::runtime_error("TOTP secret does not open for the step-up");
  TimePoint now = ctx.clock.now();
  const std::string actor = console.actor();
  auto counter = store::AttemptCounter::account_codes(account.id);
  if (!store::reserve_attempt(ctx.db, counter, now, kMaxWrongCodes, kFailureWindow)) {
    audit_request(ctx, req, actor, "admin.stepup.refused_locked", actor);
    return end_login(console.login.session, ctx, "locked");
  }
  auto step = totp::accepted_step(*secret, typed, now, account.totp_last_step);
  if (step && store::use_totp_step(ctx.db, account.id, *step)) {
    store::clear_attempts(ctx.db, counter);
    admin::mark_stepped_up(console.login.session, ctx, now);
    audit_request(ctx, req, actor, "admin.stepup.ok", actor);
    return http::Response::redirect(back);
  }
  TimePoint until = lock_end(now);
  bool locked = ctx.db.transaction([&] {
    audit_request(ctx, req, actor, "admin.stepup.failed", actor);
    if (!store::lock_if_spent(ctx.db, counter, now, kMaxWrongCodes, until)) return false;
    audit_request(ctx, req, "system", "login.locked", actor);
    queue_account_notice(ctx.db, account, AccountEvent::kLockedByCodes, now, format_taipei(until));
    return true;
  });
  if (locked) return end_login(console.login.session, ctx, "locked");
  int left = kMaxWrongCodes - store::counted_attempts(ctx.db, counter);
  if (left <= 0) return end_login(console.login.session, ctx, "locked");
  return stepup_page(ctx, console, back,
                     "驗證碼錯誤或已使用過，請輸入驗證器 App 目前顯示的 6 位數字（還可再試 " +
                         std::to_string(left) + " 次）。");
}
