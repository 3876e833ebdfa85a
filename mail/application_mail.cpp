// application_mail.cpp: the text of the 申請成功 mail.
#include "mail/application_mail.h"

#include "core/taipei_time.h"

namespace xueji::wizard {

store::OutgoingMail application_success_mail(const std::string& recipient, const std::string& name,
                                             const std::string& login_name, TimePoint applied_at) {
  std::string body;
  body += name + " 您好：\n\n";
  body += "您已成功申請「國民中小學學籍管理系統 2.0」個人業務帳號。\n\n";
  body += "帳號申請時間：" + format_taipei(applied_at) + "（臺灣時間）\n";
  body += "個人業務帳號：" + login_name + "\n\n";
  body +=
      "請前往登入頁面使用個人業務帳號及密碼登入。配合資安政策，本系統採用雙因子認證登入機制，"
      "首次登入時請依畫面指示完成綁定。\n";
  body += "本帳號綁定您的個人身分，請勿將個人業務帳號借予他人使用。\n";
  body += "若您並未申請個人業務帳號，請立即洽詢貴校學校權限AA帳號持有者。\n\n";
  body += "國民中小學學籍管理服務系統 2.0\n（此信件由系統自動發送，請勿直接回覆）\n";
  return {recipient, "【國民中小學學籍管理服務系統 2.0】個人業務帳號申請成功", std::move(body)};
}

}  // namespace xueji::wizard
