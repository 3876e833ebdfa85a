// mail_command.cpp: `xueji-ctl mail test` — queues a test message, to check the whole mail path
// (outbox, mailer, SMTP server) end to end.
#include "core/address_mask.h"
#include "core/mail_format.h"
#include "ctl/cli.h"
#include "mail/test_mail.h"
#include "sql/outbox_store.h"

namespace xueji::ctl {
namespace {

int run_mail_test(Ctl& ctl, const Options& options) {
  std::string to = options.required("--to");
  if (!is_plain_address(to)) {
    throw Refused("收件者須為一般的 E-Mail 地址（英數字，例如 someone@school.edu.tw），不是「" +
                  to + "」");
  }
  TimePoint now = ctl.now();
  store::OutgoingMail message = mail::test_mail(to, now, ctl.actor());
  store::Db& db = ctl.db();
  std::int64_t id = db.transaction([&] {
    std::int64_t queued = store::queue_mail(db, message, now);
    ctl.audit("mail.test", "outbox:" + std::to_string(queued));
    return queued;
  });
  // The recipient masked, as in every line xueji-ctl prints (journals and terminal logs keep it).
  print_line("已將測試信排入寄送佇列（編號 " + std::to_string(id) + "，收件者 " + mask_address(to) +
             "）；寄送結果可用 xueji-ctl outbox list 查看。");
  return kExitOk;
}

}  // namespace

const Command& mail_test_command() {
  static const Command command{"mail test",
                               "mail test --to ADDRESS",
                               "把一封測試信排入寄送佇列，由 xueji-mailer 寄給 ADDRESS。",
                               {"--to"},
                               {},
                               0,
                               0,
                               "mail.test",
                               run_mail_test};
  return command;
}

}  // namespace xueji::ctl
