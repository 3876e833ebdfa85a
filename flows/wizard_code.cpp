// wizard_code.cpp: sending the verification code and drawing the page that asks for it.
#include "flows/wizard_code.h"

#include <cstdio>

#include "fcgi/audit.h"
#include "fcgi/form.h"
#include "fcgi/templates.h"
#include "flows/typed_code.h"
#include "flows/wizard.h"
#include "mail/code_mails.h"
#include "sql/email_code_store.h"
#include "sql/outbox_store.h"

namespace xueji::wizard {
namespace {

// The flash values a send leaves for the code page, and what each shows.
const char* flash_notice(std::string_view flash) {
  if (flash == "sent") return "驗證代碼已寄出。";
  if (flash == "resent") {
    return "已重新發送驗證代碼，先前寄出的驗證代碼已失效，請輸入最新一封信件中的驗證代碼。";
  }
  return nullptr;
}

}  // namespace

SendResult send_code(const http::Request& req, Context& ctx, Session& session,
                     const std::string& address, bool is_resend, std::string_view flash) {
  TimePoint now = ctx.clock.now();
  auto previous = store::newest_email_code(ctx.db, session.id_hash, store::kApplyCodePurpose);
  EmailCode code = new_email_code(ctx.random, previous ? previous->prefix : std::string());
  TimePoint expires_at = now + kEmailCodeLifetime;
  std::string hmac = email_code_hmac(ctx.config.secret, store::kApplyCodePurpose, session.id_hash,
                                     address, code.prefix, code.digits);
  Session updated = session;
  move_to(updated, Step::kVerify);
  updated.set_value(kEmailKey, address);
  updated.set_value(kFlashKey, flash);

  SendResult result = ctx.db.transaction([&]() -> SendResult {
    store::lock_session_row(ctx.db, session.id_hash);
    SendHistory history = store::email_send_history(
        ctx.db, session.id_hash, store::kApplyCodePurpose, address, now - kEmailSendWindow);
    SendDecision decision = decide_send(history, is_resend, now);
    if (decision.limit != SendLimit::kAllowed) return {false, decision, {}};
    store::replace_email_code(ctx.db, session.id_hash, store::kApplyCodePurpose, address,
                              code.prefix, hmac, now, expires_at);
    store::queue_mail(ctx.db, mail::apply_code_mail(address, code, expires_at), now);
    save_session(updated, ctx);
    audit_request(ctx, req, actor(session), is_resend ? "apply.code.resent" : "apply.code.sent",
                  "person:" + std::to_string(session.person_id.value_or(0)));
    return {true, {}, code.prefix};
  });
  if (result.sent) {
    session = updated;
  } else {
    audit_request(ctx, req, actor(session), "apply.code.send_refused",
                  "person:" + std::to_string(session.person_id.value_or(0)));
  }
  return result;
}

std::string send_refusal_message(const SendDecision& refusal) {
  std::string wait = wait_text(refusal.wait);
  switch (refusal.limit) {
    case SendLimit::kAllowed:
      return {};
    case SendLimit::kCooldown:
      return "驗證代碼剛寄出不久，請於 " + wait + "後再重新發送。";
    case SendLimit::kSessionHourly:
      return "1 小時內寄送驗證代碼已達 5 次上限，請於 " + wait + "後再試。";
    case SendLimit::kAddressHourly:
      return "此 E-Mail 在 1 小時內收到驗證代碼已達 5 次上限，請於 " + wait +
             "後再試，或改用其他 E-Mail。";
  }
  return {};
}

http::Response verify_page(Context& ctx, Session& session, const store::Applicant& applicant,
                           const VerifyMessages& messages) {
  return verify_page(ctx, session, applicant, messages,
                     store::newest_email_code(ctx.db, session.id_hash, store::kApplyCodePurpose));
}

http::Response verify_page(Context& ctx, Session& session, const store::Applicant& applicant,
                           const VerifyMessages& messages,
                           const std::optional<store::EmailCodeRow>& code) {
  TimePoint now = ctx.clock.now();
  Page page("E-Mail驗證", "apply_verify.tpl");
  auto& body = page.body();
  add_step_bar(body, Step::kVerify);
  fill_applicant(body, applicant, session);
  body.SetValue("CSRF", session.csrf);
  body.SetValue("SERVER_NOW", std::to_string(unix_seconds(now)));
  if (code) {
    body.SetValue("EMAIL", code->address);
    body.SetValue("PREFIX", code->prefix);
    show_code_clock(body, *code, now);
  } else {
    body.SetValue("PREFIX", "--");
    body.SetValue("TIME_LEFT", "00:00");
    body.SetValue("EXPIRES_AT", std::to_string(unix_seconds(now)));
    body.SetValue("RESEND_AT", std::to_string(unix_seconds(now)));
    body.ShowSection("CODE_EXPIRED");
  }
  if (!messages.code_error.empty()) show_message(body, "CODE_ERROR", messages.code_error);
  if (!messages.resend_error.empty()) show_message(body, "RESEND_ERROR", messages.resend_error);

  if (const char* notice = flash_notice(take_session_value(session, kFlashKey, ctx))) {
    auto* section = body.AddSectionDictionary("NOTICE");
    section->SetValue("TEXT", notice);
    section->SetValue("ALERT", std::string(kCodeSentMessage));
  }
  http::Response r;
  r.body = page.render(ctx);
  return r;
}

}  // namespace xueji::wizard
