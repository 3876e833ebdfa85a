// forgot.cpp: account lookup, the reset-code and account-name sends, code judging and the 重設密碼
// page of 忘記密碼 / 忘記帳號 (their mail texts are mail/code_mails.cpp).
#include "flows/forgot.h"

#include <cstdio>

#include "core/account_policy.h"
#include "core/national_id.h"
#include "core/personal_data.h"
#include "core/taipei_time.h"
#include "fcgi/audit.h"
#include "fcgi/form.h"
#include "fcgi/templates.h"
#include "flows/captcha.h"
#include "flows/rule_hints.h"
#include "flows/typed_code.h"
#include "flows/wizard.h"
#include "mail/code_mails.h"
#include "sql/outbox_store.h"

namespace xueji::forgot {
namespace {

const char* flash_notice(std::string_view flash) {
  if (flash == "sent") return "已受理您的申請。";
  if (flash == "resent") {
    return "已重新發送驗證代碼，先前寄出的驗證代碼已失效，請輸入最新一封信件中的驗證代碼。";
  }
  return nullptr;
}

bool session_limit(const SendDecision& decision) {
  return decision.limit == SendLimit::kCooldown || decision.limit == SendLimit::kSessionHourly;
}

}  // namespace

std::optional<http::Response> receive_form(const http::Request& req, Context& ctx,
                                           const std::optional<Session>& session,
                                           std::string_view captcha_form, bool with_account,
                                           ForgotEntries& entries, const FormPage& form_page) {
  require_csrf(req, session);
  constexpr std::size_t kMaxField = 64;
  entries = {with_account ? form_value(req, "account", kMaxField) : std::string(),
             normalize_national_id(form_value(req, "national_id", kMaxField)),
             form_value(req, "birth_date", kMaxField)};
  CaptchaCheck captcha =
      check_captcha(*session, captcha_form, form_value(req, "captcha", 32), ctx);
  if (captcha != CaptchaCheck::kPassed) {
    return form_page(entries, [&](ctemplate::TemplateDictionary& d) {
      show_message(d, "CAPTCHA_ERROR", captcha_message(captcha));
    });
  }
  ForgotFieldErrors errors =
      check_forgot_entries(entries, with_account, taipei_date(ctx.clock.now()));
  if (errors.any()) {
    return form_page(entries, [&](ctemplate::TemplateDictionary& d) {
      if (!errors.national_id.empty()) show_message(d, "ID_ERROR", errors.national_id);
      if (!errors.birth_date.empty()) show_message(d, "BIRTH_ERROR", errors.birth_date);
    });
  }
  return std::nullopt;
}

std::optional<store::ForgotAccount> find_account(Context& ctx, const ForgotEntries& entries) {
  auto birth = parse_iso_date(entries.birth_date).value_or(CivilDate{});
  switch (forgot_lookup(entries)) {
    case ForgotLookup::kByAccount:
      return store::match_forgot_by_name(ctx.db, account_login_key(entries.account), birth);
    case ForgotLookup::kByNationalId:
      return store::match_forgot_by_id(
          ctx.db, national_id_hmac(ctx.config.secret, entries.national_id), birth);
    case ForgotLookup::kByBoth:
      return store::match_forgot_by_both(ctx.db, account_login_key(entries.account),
                                         national_id_hmac(ctx.config.secret, entries.national_id),
                                         birth);
  }
  return std::nullopt;
}

std::string audit_target(const std::optional<store::ForgotAccount>& account,
                         const ForgotEntries& entries) {
  if (account) return "account:" + std::to_string(account->id);
  if (!entries.national_id.empty()) return mask_national_id(entries.national_id);
  return "unknown account";
}

SendResult send_reset_code(const http::Request& req, Context& ctx, Session& session,
                           const std::optional<store::ForgotAccount>& account,
                           const std::string& target, bool is_resend) {
  TimePoint now = ctx.clock.now();
  TimePoint expires_at = now + kEmailCodeLifetime;
  auto previous = store::newest_email_code(ctx.db, session.id_hash, store::kResetCodePurpose);
  EmailCode code = new_email_code(ctx.random, previous ? previous->prefix : std::string());
  bool verified = account && account->email_verified;
  // Only a verified address is ever written down or counted; everything else gets the session's
  // decoy address, whose code row carries random bytes that no typed code can match.
  std::string address = verified ? account->email : forgot_decoy_address(session.id_hash);
  std::string mailed_hmac = email_code_hmac(ctx.config.secret, store::kResetCodePurpose,
                                            session.id_hash, address, code.prefix, code.digits);
  std::string decoy_hmac = ctx.random.bytes(32);
  std::int64_t account_id = account ? account->id : 0;
  // The mail as it goes out, or a stand-in of the same shape that is queued and taken back. An
  // ID-number account gets the pointer to 申請個人業務帳號 and its code row stays a decoy: such
  // an account never logs in again, so there is no password to reset.
  bool id_number = account && is_id_number_account(account->login_name);
  mail::Recipient to{address, account ? account->login_name : "",
                     account ? account->display_name : ""};
  store::OutgoingMail out = id_number ? mail::id_number_account_reset_mail(to, now)
                                      : mail::reset_code_mail(to, code, expires_at);
  Session updated = session;
  updated.set_value(kFlashKey, is_resend ? "resent" : "sent");
  const std::string action = is_resend ? "forgot.password.resend." : "forgot.password.";

  SendResult result = ctx.db.transaction([&]() -> SendResult {
    store::lock_session_row(ctx.db, session.id_hash);
    store::lock_forgot_account(ctx.db, account_id);
    SendHistory history = store::email_send_history(
        ctx.db, session.id_hash, store::kResetCodePurpose, address, now - kEmailSendWindow);
    SendDecision decision = decide_send(history, is_resend, now);
    if (session_limit(decision)) return {false, decision};
    ForgotFacts facts;
    facts.matched = account.has_value();
    facts.email_verified = verified;
    facts.mailed_in_window = store::mailed_forgot_requests(
        ctx.db, account_id, store::kForgotResetKind, now - kForgotMailWindow);
    facts.address_limited = decision.limit == SendLimit::kAddressHourly;
    ForgotOutcome outcome = decide_forgot_mail(facts);
    bool mail = outcome == ForgotOutcome::kMail;
    std::int64_t code_id =
        store::replace_email_code(ctx.db, session.id_hash, store::kResetCodePurpose, address,
                                  code.prefix, mail && !id_number ? mailed_hmac : decoy_hmac, now,
                                  expires_at);
    store::ForgotRequest request{store::kForgotResetKind, session.id_hash, std::nullopt, code_id,
                                 mail};
    if (account) request.account_id = account->id;
    store::insert_forgot_request(ctx.db, request, now);
    std::int64_t outbox_id = store::queue_mail(ctx.db, out, now);
    if (!mail) store::withdraw_queued_mail(ctx.db, outbox_id);
    save_session(updated, ctx);
    audit_request(ctx, req, "web", action + std::string(forgot_outcome_name(outcome)), target);
    return {true, {}};
  });
  if (result.accepted) {
    session = updated;
  } else {
    audit_request(ctx, req, "web", action + "refused", target);
  }
  return result;
}

SendResult send_account_name(const http::Request& req, Context& ctx, Session& session,
                             const std::optional<store::ForgotAccount>& account,
                             const std::string& target) {
  TimePoint now = ctx.clock.now();
  bool verified = account && account->email_verified;
  std::int64_t account_id = account ? account->id : 0;
  store::OutgoingMail out = mail::account_name_mail(
      {verified ? account->email : forgot_decoy_address(session.id_hash),
       account ? account->login_name : "", account ? account->display_name : ""},
      now);
  Session updated = session;
  updated.set_value(kFlashKey, "account");

  SendResult result = ctx.db.transaction([&]() -> SendResult {
    store::lock_session_row(ctx.db, session.id_hash);
    store::lock_forgot_account(ctx.db, account_id);
    SendHistory history = store::forgot_session_history(
        ctx.db, session.id_hash, store::kForgotAccountKind, now - kEmailSendWindow);
    SendDecision decision = decide_send(history, false, now);
    if (session_limit(decision)) return {false, decision};
    ForgotFacts facts;
    facts.matched = account.has_value();
    facts.email_verified = verified;
    facts.mailed_in_window = store::mailed_forgot_requests(
        ctx.db, account_id, store::kForgotAccountKind, now - kForgotMailWindow);
    ForgotOutcome outcome = decide_forgot_mail(facts);
    bool mail = outcome == ForgotOutcome::kMail;
    store::ForgotRequest request{store::kForgotAccountKind, session.id_hash, std::nullopt,
                                 std::nullopt, mail};
    if (account) request.account_id = account->id;
    store::insert_forgot_request(ctx.db, request, now);
    std::int64_t outbox_id = store::queue_mail(ctx.db, out, now);
    if (!mail) store::withdraw_queued_mail(ctx.db, outbox_id);
    save_session(updated, ctx);
    audit_request(ctx, req, "web", "forgot.account." + std::string(forgot_outcome_name(outcome)),
                  target);
    return {true, {}};
  });
  if (result.accepted) {
    session = updated;
  } else {
    audit_request(ctx, req, "web", "forgot.account.refused", target);
  }
  return result;
}

std::string refusal_message(const SendDecision& refusal) {
  std::string wait = wait_text(refusal.wait);
  if (refusal.limit == SendLimit::kCooldown) {
    return "驗證代碼剛寄出不久，請於 " + wait + "後再重新發送。";
  }
  return "1 小時內已送出 " + std::to_string(kForgotRequestsPerHour) + " 次申請，已達上限，請於 " +
         wait + "後再試。";
}

http::Response reset_page(Context& ctx, Session& session, const store::EmailCodeRow& code,
                          const ResetMessages& messages) {
  TimePoint now = ctx.clock.now();
  Page page("重設密碼", "forgot_password_reset.tpl");
  auto& body = page.body();
  add_password_hint(body, "new-password-hint", true);
  body.SetValue("CSRF", session.csrf);
  body.SetValue("SENT_MESSAGE", std::string(kResetSentMessage));
  body.SetValue("SERVER_NOW", std::to_string(wizard::unix_seconds(now)));
  body.SetValue("PREFIX", code.prefix);
  show_code_clock(body, code, now);
  body.SetValue("CODE", messages.kept_code);
  if (!messages.message.empty()) show_message(body, "MESSAGE", messages.message);
  if (!messages.code.empty()) show_message(body, "CODE_ERROR", messages.code);
  if (!messages.new_password.empty()) {
    auto* invalid = body.AddSectionDictionary("NEW_PASSWORD_INVALID");
    for (const auto& text : messages.new_password) {
      show_message(*invalid, "NEW_PASSWORD_ERROR", text);
    }
  }
  if (!messages.confirm.empty()) show_message(body, "CONFIRM_ERROR", messages.confirm);
  if (!messages.resend.empty()) show_message(body, "RESEND_ERROR", messages.resend);

  if (const char* notice = flash_notice(take_session_value(session, kFlashKey, ctx))) {
    auto* section = body.AddSectionDictionary("NOTICE");
    section->SetValue("TEXT", notice);
    section->SetValue("ALERT", std::string(kResetSentMessage));
  }
  http::Response r;
  r.body = page.render(ctx);
  return r;
}

void queue_reset_notice(store::Db& db, const std::string& address, const std::string& login_name,
                        const std::string& display_name, TimePoint now) {
  if (address.empty()) return;
  store::queue_mail(db, mail::reset_done_mail({address, login_name, display_name}, now), now);
}

}  // namespace xueji::forgot
