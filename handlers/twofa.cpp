// twofa.cpp: GET/POST /2fa — the TOTP challenge after the password of an account with two-factor
// bound: a 6-digit code, each accepted once; 5 wrong codes end the half-logged-in session.
#include "core/secret_box.h"
#include "core/totp.h"
#include "fcgi/audit.h"
#include "fcgi/form.h"
#include "fcgi/handler.h"
#include "fcgi/templates.h"
#include "flows/login_flow.h"

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

std::string wrong_code_message(const Session& session, bool replay) {
  std::string left = "（還可再試 " + std::to_string(kMaxTotpTries - session.failed_tries) + " 次）";
  if (replay) return "此驗證碼已使用過，請等待驗證器 App 顯示下一組驗證碼後再輸入" + left + "。";
  return "驗證碼錯誤，請輸入驗證器 App 目前顯示的 6 位數字" + left + "。";
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
  auto step = totp::accepted_step(*secret, typed, now, state.account.totp_last_step);
  const std::string actor = account_actor(state.account);
  if (step && store::use_totp_step(ctx.db, state.account.id, *step)) {
    pass_second_factor(state.session, ctx);
    audit_request(ctx, req, actor, "login.totp_ok", actor);
    return http::Response::redirect(next_login_path(state.session, state.account, ctx));
  }
  // A good code that was already used (a replay, or a second tab) is refused and counted too.
  bool replay = totp::accepted_step(*secret, typed, now, std::nullopt).has_value();
  audit_request(ctx, req, actor, replay ? "login.totp_replayed" : "login.totp_failed", actor);
  if (count_wrong_code(state.session, ctx)) {
    return http::Response::redirect("/login?notice=totp_failed");
  }
  return challenge_page(ctx, state, wrong_code_message(state.session, replay));
}
