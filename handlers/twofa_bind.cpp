// twofa_bind.cpp: GET/POST /2fa/bind — 雙因子綁定, forced while TOTP is not bound: the QR code
// (GET /2fa/qr) and the key in groups of 4 for an authenticator app, confirmed with one code.
#include "core/secret_box.h"
#include "core/totp.h"
#include "fcgi/audit.h"
#include "fcgi/form.h"
#include "fcgi/handler.h"
#include "fcgi/templates.h"
#include "flows/login_flow.h"
#include "mail/account_notices.h"

namespace {

using namespace xueji;

http::Response bind_page(Context& ctx, LoginState& state, std::string_view error) {
  std::string secret = pending_totp_secret(state.session, ctx);
  Page page("雙因子認證綁定", "twofa_bind.tpl");
  auto& body = page.body();
  body.SetValue("CSRF", state.session.csrf);
  body.SetValue("ACCOUNT", state.account.login_name);
  body.SetValue("ISSUER", totp::kIssuer);
  body.SetValue("KEY", totp::group_key(totp::base32_encode(secret)));
  if (!error.empty()) show_message(body, "OTP_ERROR", error);
  http::Response r;
  r.body = page.render(ctx);
  return r;
}

}  // namespace

xueji::http::Response handle_twofa_bind(const xueji::http::Request& req, xueji::Context& ctx) {
  LoginGate gate = enter_login_page(req, ctx, RequiredAction::kBindTotp);
  if (!gate.state) return gate.redirect;
  LoginState& state = *gate.state;
  if (req.method == "GET") return bind_page(ctx, state, "");

  require_csrf(req, state.session);
  std::string typed = form_value(req, "otp", 32);
  if (!totp::well_formed_code(typed)) return bind_page(ctx, state, kOtpFormatMessage);
  std::string secret = pending_totp_secret(state.session, ctx);
  TimePoint now = ctx.clock.now();
  const std::string actor = account_actor(state.account);
  auto step = totp::accepted_step(secret, typed, now, std::nullopt);
  if (!step) {
    audit_request(ctx, req, actor, "totp.bind_failed", actor);
    if (count_wrong_bind_code(state.session, ctx)) {
      return http::Response::redirect("/login?notice=totp_failed");
    }
    return bind_page(ctx, state,
                     "驗證碼錯誤，請確認已掃描本頁的 QR Code，再輸入驗證器 App 目前顯示的 6 "
                     "位數字（還可再試 " +
                         std::to_string(kMaxBindTries - state.session.failed_tries) + " 次）。");
  }
  std::string box = seal_secret(totp_box_key(ctx.config.secret), secret,
                                account_totp_context(state.account), ctx.random);
  bool bound = ctx.db.transaction([&] {
    if (!store::bind_totp(ctx.db, state.account.id, box, now, *step)) return false;
    queue_account_notice(ctx.db, state.account, AccountEvent::kTotpBound, now);
    audit_request(ctx, req, actor, "totp.bound", actor);
    return true;
  });
  // Bound in another tab a moment ago: that binding stands, this page's key does not.
  if (!bound) return http::Response::redirect("/home");
  state.account.totp_bound_at = now;
  pass_second_factor(req, state.session, state.account, ctx);
  return http::Response::redirect(next_login_path(state.session, state.account, ctx));
}
