// apply_resend.cpp: POST /apply/resend — 重新發送驗證代碼: a new code with new letters to the
// same address, the old one dead at once; held to once a minute and 5 an hour (per session and
// per address), the wait shown on the code page when refused.
#include "fcgi/handler.h"
#include "flows/wizard.h"
#include "flows/wizard_code.h"

xueji::http::Response handle_apply_resend(const xueji::http::Request& req, xueji::Context& ctx) {
  using namespace xueji;
  using wizard::Step;
  wizard::Entry entry = wizard::enter(req, ctx, {Step::kVerify});
  if (!entry.session) return entry.response;
  Session& session = *entry.session;
  require_csrf(req, session);
  auto applicant = wizard::shown_applicant(session, ctx);
  if (!applicant) return wizard::expired_page(ctx);

  std::string address = session.value(wizard::kEmailKey);
  if (address.empty()) return http::Response::redirect(wizard::path_of(Step::kEmail));
  wizard::SendResult sent = wizard::send_code(req, ctx, session, address, true, "resent");
  if (!sent.sent) {
    return wizard::verify_page(ctx, session, *applicant,
                               {{}, wizard::send_refusal_message(sent.refusal)});
  }
  return http::Response::redirect(wizard::path_of(Step::kVerify));
}
