// forgot.h: what /forgot/password, /forgot/password/reset and /forgot/account share (product.md
// §7, issue 6): finding the account typed details identify, the two mail-sending requests — a
// reset code (忘記密碼 and its 重新發送驗證代碼) and the account name (忘記帳號) — the 重設密碼
// page, and the 「密碼已重設」 notice. Each send does the same database work and gives the same
// answer whether or not anything matched, the e-mail is verified or a silent limit holds; only the
// session's own limits are ever shown. A typed code is judged as the wizard's is
// (flows/typed_code.h).
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <ctemplate/template.h>

#include "core/email_code.h"
#include "core/forgot_policy.h"
#include "fcgi/context.h"
#include "fcgi/http.h"
#include "fcgi/session.h"
#include "sql/email_code_store.h"
#include "sql/forgot_store.h"

namespace xueji::forgot {

// The neutral answers (issue 6), the same whatever matched.
inline constexpr std::string_view kResetSentMessage =
    "若資料正確，系統已寄送驗證代碼至您的 E-Mail，請前往您的 E-Mail 收取信件，各 E-Mail "
    "收信速度不同，並非即時收到信件，請稍等 1~3 分鐘。";
inline constexpr std::string_view kAccountSentMessage =
    "若資料正確，系統已將您的個人業務帳號寄送至您已驗證的 E-Mail，請前往您的 E-Mail "
    "收取信件，各 E-Mail 收信速度不同，並非即時收到信件，請稍等 1~3 分鐘。";

// A notice for the next page, kept in the session: "sent", "resent" (reset page) or "account"
// (忘記帳號), shown once.
inline constexpr std::string_view kFlashKey = "forgot_flash";

// The account the entries identify (entries without field errors). The same statements run
// whether or not one matches.
// Both forms' submit up to the lookup: CSRF, the entries (帳號 only when `with_account`), the
// captcha of `captcha_form` first, then the field checks. Returns the form to answer with (shown
// by `form_page` with its messages), or nullopt with `entries` filled to go on.
using FormMessages = std::function<void(ctemplate::TemplateDictionary&)>;
using FormPage = std::function<http::Response(const ForgotEntries&, const FormMessages&)>;
std::optional<http::Response> receive_form(const http::Request& req, Context& ctx,
                                           const std::optional<Session>& session,
                                           std::string_view captcha_form, bool with_account,
                                           ForgotEntries& entries, const FormPage& form_page);

std::optional<store::ForgotAccount> find_account(Context& ctx, const ForgotEntries& entries);

// The audit target of a request: the account when one matched, else the masked ID number typed
// (never the typed account name: people type passwords into wrong fields).
std::string audit_target(const std::optional<store::ForgotAccount>& account,
                         const ForgotEntries& entries);

struct SendResult {
  bool accepted = false;  // the neutral answer applies (whether or not a mail went out)
  SendDecision refusal;   // the session's own limit that held, when !accepted
};

// 忘記密碼 and 重新發送驗證代碼: in one transaction, with the session's and the account's rows
// locked, the session's send limits are checked (`is_resend` adds the 3-minute cooldown); then a
// new reset code row always replaces the session's live one — carrying the mailed code only when
// the account matched, its e-mail is verified, it had fewer than 3 reset mails today and the
// address is under its hourly limit, otherwise an unmatchable decoy — with its forgot_requests
// row, the mail when there is one, the session's flash and the audit row.
SendResult send_reset_code(const http::Request& req, Context& ctx, Session& session,
                           const std::optional<store::ForgotAccount>& account,
                           const std::string& target, bool is_resend);

// 忘記帳號: the same shape, for the account-name mail (no code, no cooldown).
SendResult send_account_name(const http::Request& req, Context& ctx, Session& session,
                             const std::optional<store::ForgotAccount>& account,
                             const std::string& target);

// The session's limit that held, as the page says it.
std::string refusal_message(const SendDecision& refusal);

// What the reset page says next to its fields, besides the flash a send left.
struct ResetMessages {
  std::string message;  // above the form
  std::string code;
  std::vector<std::string> new_password;  // one per broken rule
  std::string confirm;
  std::string resend;
  std::string kept_code;  // the right code, left in its field while the password is fixed
  // Problems that keep the code from being judged.
  bool any() const { return !code.empty() || !new_password.empty() || !confirm.empty(); }
};

// The 重設密碼 page for the session's newest reset code: its letters, 剩餘時間, the resend
// cooldown, and never an address or an account. A flash left by the send that led here ("sent",
// "resent") is shown once, with the neutral sentence also as a dialog, then cleared.
http::Response reset_page(Context& ctx, Session& session, const store::EmailCodeRow& code,
                          const ResetMessages& messages);

// The 「密碼已重設」 notice mail, queued inside the transaction of the reset.
void queue_reset_notice(store::Db& db, const std::string& address, const std::string& login_name,
                        const std::string& display_name, TimePoint now);

}  // namespace xueji::forgot
