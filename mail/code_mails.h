// code_mails.h: the mails that carry an e-mail code or answer a forgot request: the wizard's
// E-Mail 驗證通知信 (manual 四 ⑩), and 忘記密碼 / 忘記帳號's 重設密碼通知信, 帳號查詢通知信 and
// 密碼已重設通知 (product.md §7). Text only: the flows queue them in their own transactions.
#pragma once
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/email_code.h"
#include "sql/outbox_store.h"

namespace xueji::mail {

inline constexpr std::string_view kApplyCodeSubject =
    "【國民中小學學籍管理系統 2.0】E-Mail 驗證通知信";
inline constexpr std::string_view kResetCodeSubject =
    "【國民中小學學籍管理系統 2.0】重設密碼通知信";
inline constexpr std::string_view kAccountNameSubject =
    "【國民中小學學籍管理系統 2.0】帳號查詢通知信";
inline constexpr std::string_view kResetDoneSubject =
    "【國民中小學學籍管理系統 2.0】密碼已重設通知";

// Who a forgot mail greets and which account it names ("" when nobody matched: the mail then
// goes to a decoy address and is withdrawn, but costs the same to build).
struct Recipient {
  std::string address;
  std::string login_name;
  std::string display_name;
};

store::OutgoingMail apply_code_mail(const std::string& address, const EmailCode& code,
                                    TimePoint expires_at);
store::OutgoingMail reset_code_mail(const Recipient& to, const EmailCode& code,
                                    TimePoint expires_at);
store::OutgoingMail account_name_mail(const Recipient& to, TimePoint now);
// 忘記密碼 for an account named by an ID number (manual 二.4): no code, since such an account
// never logs in again; the pointer to 【申請個人業務帳號】 instead. 忘記帳號's mail says the same.
store::OutgoingMail id_number_account_reset_mail(const Recipient& to, TimePoint now);
store::OutgoingMail reset_done_mail(const Recipient& to, TimePoint now);

}  // namespace xueji::mail
