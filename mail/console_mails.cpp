// console_mails.cpp: the text of the console's link mails.
#include "mail/console_mails.h"

#include "core/forgot_policy.h"
#include "core/taipei_time.h"

namespace xueji::mail {
namespace {

constexpr const char* kSignature =
    "國民中小學學籍管理系統 2.0\n（此信件由系統自動發送，請勿直接回覆）\n";

std::string greeting(const std::string& display_name) {
  return display_name.empty() ? "您好：\n\n" : display_name + " 您好：\n\n";
}

std::string link_part(const LinkMail& to) {
  return "    " + to.link + "\n\n" + "此連結只能使用一次，並將於 " + format_taipei(to.expires_at) +
         "（臺灣時間）失效，請勿將此連結告知他人。\n\n";
}

}  // namespace

store::OutgoingMail admin_reset_mail(const LinkMail& to) {
  std::string body = greeting(to.display_name);
  body += "貴校學校權限AA帳號持有者已為您重設個人業務帳號「" +
          account_name_for_mail(to.login_name) +
          "」的密碼。請開啟下列連結設定新密碼（學校權限AA帳號持有者不會知道您的密碼）：\n\n";
  body += link_part(to);
  body += "設定新密碼前，原密碼仍可使用；設定後，此帳號其他的登入將全部結束。\n";
  body += "若您並未請求重設密碼，請洽貴校學校權限AA帳號持有者。\n\n";
  return {to.address, std::string(kAdminResetSubject), body + kSignature};
}

store::OutgoingMail email_reset_mail(const LinkMail& to) {
  std::string body = greeting(to.display_name);
  body += "諮詢專員已將您個人業務帳號「" + account_name_for_mail(to.login_name) +
          "」的 E-Mail 重設為此信箱。請開啟下列連結確認此 E-Mail 並設定新密碼；確認後，系統的"
          "驗證碼信函及通知信將寄至此信箱：\n\n";
  body += link_part(to);
  body += "若您並未請求重設 E-Mail，請忽略此信件，您的帳號不會變更；若有疑慮，請洽貴校學校權限"
          "AA帳號持有者。\n\n";
  return {to.address, std::string(kEmailResetSubject), body + kSignature};
}

}  // namespace xueji::mail
