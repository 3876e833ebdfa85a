// twofa.cpp: GET/POST /2fa — the TOTP challenge after the password of an account with two-factor
// bound: a 6-digit code, each accepted once. Wrong codes are counted per account across every
// session (a trusted device has its own count), each reserved before it is checked, and the
// fifth locks like the third wrong password (core/lockout.h, sql/attempt_store.h).
#include "core/lockout.h"
#include "core/secret_box.h"
#include "core/taipei_time.h"
#include "core/totp.h"
#include "fcgi/audit.h"
#include "fcgi/form.h"
#include "fcgi/handler.h"
#include "fcgi/templates.h"
#include "flows/device_trust.h"
#include "flows/login_flow.h"
#include "mail/account_notices.h"
#include "sql/attempt_store.h"

namespace {

using namespace xueji;

http::Response challenge_page(Context& ctx, const LoginState& state, std::string_view error) {
  Page page("雙因子認證", "twofa.tpl");
  auto& body = page.body();
  body.SetValue("CSRF", state.session.csrf);
  body.SetValue("ACCOUNT", state.account.login_name);
  if (!error.empty()) show_message(body, "OTP_ERROR", error);
  http::Response r;
  r.body = page.render(ctx);
  return r;
}

std::string wrong_code_message(int tries_left, bool replay) {
  std::string left = "（還可再試 " + std::to_string(tries_left) + " 次）";
  if (replay) return "此驗證碼已使用過，請等待驗證器 App 顯示下一組驗證碼後再輸入" + left + "。";
  return "驗證碼錯誤，請輸入驗證器 App 目前顯示的 6 位數字" + left + "。";
}

// A wrong code whose try stays counted: audited, and when it was the last allowed, the lock
// with its audit row and notice mail (not for a trusted device's own lock), in one transaction.
bool count_wrong_code(const http::Request& req, Context& ctx, const LoginState& state,
                      const ChargedCounter& charged, bool replay) {
  const std::string actor = account_actor(state.account);
  TimePoint now = ctx.clock.now();
  TimePoint until = lock_end(now);
  return ctx.db.transaction([&] {
    audit_request(ctx, req, actor, replay ? "login.totp_replayed" : "login.totp_failed", actor);
    if (!store::lock_if_spent(ctx.db, charged.counter, now, kMaxWrongCodes, until)) return false;
    audit_request(ctx, req, "system", charged.device ? "login.device_locked" : "login.locked",
                  actor);
    if (!charged.device) {
      queue_account_notice(ctx.db, state.account, AccountEvent::kLockedByCodes, now,
                           format_taipei(until));
    }
    return true;
  });
}

}  // namespace

xueji::http::Response handle_twofa(const xueji::http::Request& req, xueji::Context& ctx) {
  LoginGate gate = enter_login_page(req, ctx, RequiredAction::kTotpChallenge);
  if (!gate.state) return gate.redirect;
  LoginState& state = *gate.state;
  if (req.method == "GET") return challenge_page(ctx, state, "");

  require_csrf(req, state.session);
  std::string typed = form_value(req, "otp", 32);
  if (!totp::well_formed_code(typed)) return challenge_page(ctx, state, kOtpFormatMessage);
  auto secret = open_secret(totp_box_key(ctx.config.secret), state.account.totp_secret_box,
                            account_totp_context(state.account));
  if (!secret) {
    throw std::runtime_error("TOTP secret does not open for account " +
                             std::to_string(state.account.id));
  }
  TimePoint now = ctx.clock.now();
  ChargedCounter charged = code_counter(req, state.account, ctx);
  // Locked, or the allowed tries are all being checked right now: end the half-done login.
  if (!store::reserve_attempt(ctx.db, charged.counter, now, kMaxWrongCodes, kFailureWindow)) {
    audit_request(ctx, req, account_actor(state.account), "login.refused_locked",
                  account_actor(state.account));
    return end_login(state.session, ctx, "locked");
  }
  auto step = totp::accepted_step(*secret, typed, now, state.account.totp_last_step);
  if (step && store::use_totp_step(ctx.db, state.account.id, *step)) {
    store::clear_attempts(ctx.db, charged.counter);
    pass_second_factor(req, state.session, state.account, ctx);
    audit_request(ctx, req, account_actor(state.account), "login.totp_ok",
                  account_actor(state.account));
    return http::Response::redirect(next_login_path(state.session, state.account, ctx));
  }
  // A good code that was already used (a replay, or a second tab) is refused and counted too.
  bool replay = totp::accepted_step(*secret, typed, now, std::nullopt).has_value();
  if (count_wrong_code(req, ctx, state, charged, replay)) {
    return end_login(state.session, ctx, "locked");
  }
  int left = kMaxWrongCodes - store::counted_attempts(ctx.db, charged.counter);
  if (left <= 0) return end_login(state.session, ctx, "locked");
  return challenge_page(ctx, state, wrong_code_message(left, replay));
}
