// code_mails.cpp: the text of each code mail and forgot mail.
#include "mail/code_mails.h"

#include "core/account_policy.h"
#include "core/forgot_policy.h"
#include "core/taipei_time.h"

namespace xueji::mail {
namespace {

constexpr const char* kSignature =
    "國民中小學學籍管理系統 2.0\n（此信件由系統自動發送，請勿直接回覆）\n";

std::string greeting(const std::string& display_name) {
  return display_name.empty() ? "您好：\n\n" : display_name + " 您好：\n\n";
}

// Manual 二.4: an account named by an ID number is no longer used; its holder applies for a
// 個人業務帳號. Said in the forgot mails instead of a code or "log in with this name".
constexpr const char* kIdNumberAccountPointer =
    "身分證/外籍人士統一證號已不再作為帳號使用，此帳號無法再登入，也無法重設密碼。曾使用身分證"
    "作為帳號之承辦人，請至登入頁面點選【申請個人業務帳號】重新申請；申請完成後，請使用新的個人"
    "業務帳號登入，原帳號即停止使用。\n\n";

std::string reset_code_body(const Recipient& account, const EmailCode& code,
                            TimePoint expires_at) {
  std::string body = greeting(account.display_name);
  body += "您在「國民中小學學籍管理系統 2.0」登入頁面使用【忘記密碼】功能，申請重設個人業務帳號「" +
          account_name_for_mail(account.login_name) + "」的密碼，本次的驗證代碼為：\n\n";
  body += "    " + code.text() + "\n\n";
  body += "請確認驗證代碼的英文碼「" + code.prefix +
          "」與重設密碼頁面上呈現的英文碼相同，再於同一個瀏覽器的重設密碼頁面輸入英文碼後的 6 "
          "位數字，並設定新密碼。\n\n";
  body += "為確保資料安全，驗證代碼將於此信件寄出後 5 分鐘（" + format_taipei(expires_at) +
          "，臺灣時間）失效，並請勿將此驗證代碼告知他人。\n";
  body += "若連續觸發寄送驗證碼，請以最新一封信件的驗證代碼為準，避免填入已失效的驗證代碼。\n\n";
  body +=
      "若您並未申請重設密碼，請忽略此信件，您的密碼不會變更；若有疑慮，請洽貴校學校權限AA帳號"
      "持有者。\n\n";
  return body + kSignature;
}

std::string account_name_body(const Recipient& account, TimePoint now) {
  std::string name = account_name_for_mail(account.login_name);
  std::string body = greeting(account.display_name);
  body += "您於 " + format_taipei(now) +
          "（臺灣時間）在「國民中小學學籍管理系統 2.0」登入頁面使用【忘記帳號】功能查詢個人業務"
          "帳號，您的帳號為：\n\n";
  body += "    " + name + "\n\n";
  if (is_id_number_account(account.login_name)) {
    body += "為保護個人資料，帳號中的身分證/外籍人士統一證號已部分遮蔽。";
    body += kIdNumberAccountPointer;
  } else {
    if (name != account.login_name) {
      body +=
          "為保護個人資料，帳號中的身分證/外籍人士統一證號已部分遮蔽；登入時請輸入完整的號碼，"
          "登入後系統將引導您修改為符合規則的新帳號。\n\n";
    }
    body +=
        "請前往登入頁面使用此帳號及密碼登入；若忘記密碼，請使用登入頁面的【忘記密碼】功能重設"
        "密碼。\n\n";
  }
  body += "若您並未查詢帳號，請忽略此信件；若有疑慮，請洽貴校學校權限AA帳號持有者。\n\n";
  return body + kSignature;
}

}  // namespace

store::OutgoingMail apply_code_mail(const std::string& address, const EmailCode& code,
                                    TimePoint expires_at) {
  std::string body;
  body += "您好：\n\n";
  body += "您正在「國民中小學學籍管理系統 2.0」申請個人業務帳號，本次的 E-Mail 驗證代碼為：\n\n";
  body += "    " + code.text() + "\n\n";
  body += "請確認驗證代碼的英文碼「" + code.prefix +
          "」與申請頁面上呈現的英文碼相同，再於頁面輸入英文碼後的 6 位數字。\n\n";
  body += "為確保資料安全，驗證代碼將於此信件寄出後 5 分鐘（" + format_taipei(expires_at) +
          "，臺灣時間）或變更 E-Mail 後失效，並請勿將此驗證代碼告知他人。\n";
  body += "若連續觸發寄送驗證碼，請以最新一封信件的驗證代碼為準，避免填入已失效的驗證代碼。\n\n";
  body += "若您並未申請個人業務帳號，請忽略此信件。\n\n";
  body += kSignature;
  return {address, std::string(kApplyCodeSubject), body};
}

store::OutgoingMail reset_code_mail(const Recipient& to, const EmailCode& code,
                                    TimePoint expires_at) {
  return {to.address, std::string(kResetCodeSubject), reset_code_body(to, code, expires_at)};
}

store::OutgoingMail id_number_account_reset_mail(const Recipient& to, TimePoint now) {
  std::string body = greeting(to.display_name);
  body += "您於 " + format_taipei(now) +
          "（臺灣時間）在「國民中小學學籍管理系統 2.0」登入頁面使用【忘記密碼】功能，申請重設帳號「" +
          account_name_for_mail(to.login_name) + "」的密碼。\n\n";
  body += kIdNumberAccountPointer;
  body += "若您並未申請重設密碼，請忽略此信件；若有疑慮，請洽貴校學校權限AA帳號持有者。\n\n";
  return {to.address, std::string(kResetCodeSubject), body + kSignature};
}

store::OutgoingMail account_name_mail(const Recipient& to, TimePoint now) {
  return {to.address, std::string(kAccountNameSubject), account_name_body(to, now)};
}

store::OutgoingMail reset_done_mail(const Recipient& to, TimePoint now) {
  std::string body = greeting(to.display_name);
  body += "您的個人業務帳號「" + account_name_for_mail(to.login_name) + "」已於 " +
          format_taipei(now) +
          "（臺灣時間）透過登入頁面的【忘記密碼】功能重設密碼；原本在其他電腦或瀏覽器的登入已全部"
          "登出，請使用新密碼重新登入。\n\n";
  body +=
      "若非您本人操作，表示他人可能可以收取您的 E-Mail，請立即洽貴校學校權限AA帳號持有者重設"
      "密碼，並透過諮詢專員重設 E-Mail。\n\n";
  return {to.address, std::string(kResetDoneSubject), body + kSignature};
}

}  // namespace xueji::mail
