// console_mails.h: the mails the AA console and the helpdesk send a staff member: the link to set
// a new password after the school's AA reset it, and the link that verifies a new e-mail address
// a 諮詢專員 set (and sets a new password with it). Text only; the handlers queue them in the
// transaction of the change.
#pragma once
#include <string>
#include <string_view>

#include "core/clock.h"
#include "sql/outbox_store.h"

namespace xueji::mail {

inline constexpr std::string_view kAdminResetSubject =
    "【國民中小學學籍管理系統 2.0】重設密碼通知信";
inline constexpr std::string_view kEmailResetSubject =
    "【國民中小學學籍管理系統 2.0】E-Mail 重設通知信";

struct LinkMail {
  std::string address;
  std::string login_name;
  std::string display_name;
  std::string link;  // the absolute address of the one-time page
  TimePoint expires_at;
};

store::OutgoingMail admin_reset_mail(const LinkMail& to);
store::OutgoingMail email_reset_mail(const LinkMail& to);

}  // namespace xueji::mail
