// apply_email.cpp: wizard step 2, E-Mail驗證 (manual 四 ⑦–⑩) — GET /apply/email greets the
// person and asks for the address (also the page of 變更E-Mail); POST checks it and sends the
// verification code, then goes to the code page with the manual's 「請前往您的 E-Mail…」 message.
#include "core/email_address.h"
#include "fcgi/audit.h"
#include "fcgi/form.h"
#include "fcgi/handler.h"
#include "flows/captcha.h"
#include "flows/wizard.h"
#include "flows/wizard_code.h"

namespace {

using namespace xueji;
using wizard::Step;

// Longer than any address so an over-long one gets its message rather than a 400.
constexpr std::size_t kMaxEmailField = 1024;

http::Response email_page(Context& ctx, const Session& session, const store::Applicant& applicant,
                          const std::string& email,
                          const std::function<void(ctemplate::TemplateDictionary&)>& messages) {
  Page page("E-Mail驗證", "apply_email.tpl");
  auto& body = page.body();
  wizard::add_step_bar(body, Step::kEmail);
  wizard::fill_applicant(body, applicant, session);
  body.SetValue("CSRF", session.csrf);
  body.SetValue("EMAIL", email);
  if (wizard::current_step(session) == Step::kVerify) body.ShowSection("CHANGING");
  if (messages) messages(body);
  http::Response r;
  r.body = page.render(ctx);
  return r;
}

http::Response submit(const http::Request& req, Context& ctx, Session& session,
                      const store::Applicant& applicant) {
  require_csrf(req, session);
  std::string typed = form_value(req, "email", kMaxEmailField);
  CaptchaCheck captcha = check_captcha(session, "apply_email", form_value(req, "captcha", 32), ctx);
  if (captcha != CaptchaCheck::kPassed) {
    return email_page(ctx, session, applicant, typed, [&](ctemplate::TemplateDictionary& d) {
      show_message(d, "CAPTCHA_ERROR", captcha_message(captcha));
    });
  }
  EmailProblem problem = email_problem(typed);
  if (problem != EmailProblem::kNone) {
    return email_page(ctx, session, applicant, typed, [&](ctemplate::TemplateDictionary& d) {
      show_message(d, "EMAIL_ERROR", email_problem_message(problem));
    });
  }
  std::string address = normalize_email(typed);
  // The same address again from 變更E-Mail is a resend, and waits like one.
  bool is_resend =
      wizard::current_step(session) == Step::kVerify && address == session.value(wizard::kEmailKey);
  wizard::SendResult sent = wizard::send_code(req, ctx, session, address, is_resend, "sent");
  if (!sent.sent) {
    return email_page(ctx, session, applicant, typed, [&](ctemplate::TemplateDictionary& d) {
      show_message(d, "EMAIL_ERROR", wizard::send_refusal_message(sent.refusal));
    });
  }
  return http::Response::redirect(wizard::path_of(Step::kVerify));
}

}  // namespace

xueji::http::Response handle_apply_email(const xueji::http::Request& req, xueji::Context& ctx) {
  // 變更E-Mail comes back here from the code page, so both steps may use this page.
  wizard::Entry entry = wizard::enter(req, ctx, {Step::kEmail, Step::kVerify});
  if (!entry.session) return entry.response;
  Session& session = *entry.session;
  auto applicant = wizard::shown_applicant(session, ctx);
  if (!applicant) return wizard::expired_page(ctx);
  if (req.method == "POST") return submit(req, ctx, session, *applicant);
  return email_page(ctx, session, *applicant, session.value(wizard::kEmailKey), nullptr);
}
