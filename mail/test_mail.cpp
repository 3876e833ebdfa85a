// test_mail.cpp: the text of the test mail.
#include "mail/test_mail.h"

#include "core/taipei_time.h"

namespace xueji::mail {

store::OutgoingMail test_mail(const std::string& address, TimePoint queued_at,
                              const std::string& actor) {
  return {address, "【國民中小學學籍管理系統 2.0】測試信",
          "這是由 xueji-ctl mail test 寄出的測試信，收到即表示寄件佇列、寄信程式與郵件伺服器都正常。"
          "\n\n排入佇列時間：" +
              format_taipei(queued_at) + "（臺北時間）\n執行者：" + actor + "\n"};
}

}  // namespace xueji::mail
