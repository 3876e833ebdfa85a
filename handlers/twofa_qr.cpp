// twofa_qr.cpp: GET /2fa/qr — the QR code (PNG) of the otpauth URI being bound on /2fa/bind;
// only for a session whose next step is that binding.
#include "core/totp.h"
#include "fcgi/handler.h"
#include "flows/login_flow.h"
#include "flows/qr_image.h"

xueji::http::Response handle_twofa_qr(const xueji::http::Request& req, xueji::Context& ctx) {
  using namespace xueji;
  LoginGate gate = enter_login_page(req, ctx, RequiredAction::kBindTotp);
  // An image URL has no page to send anyone to: not available is the whole answer.
  if (!gate.state) throw http::not_found();
  LoginState& state = *gate.state;
  std::string secret = pending_totp_secret(state.session, ctx);
  http::Response r;
  r.content_type = "image/png";
  r.body = qr_png(totp::otpauth_uri(secret, state.account.login_name));
  r.add_header("Cache-Control", "no-store");
  return r;
}
