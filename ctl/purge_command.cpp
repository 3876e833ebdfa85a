// purge_command.cpp: `xueji-ctl purge` — deletes expired sessions and captchas, and the e-mail
// codes, 身分驗證 failure counters and 忘記密碼／忘記帳號 requests no limit reads any more;
// empties delivered mail after 7 days and deletes it after the audit retention
// (xueji-purge.timer runs it every 15 minutes).
#include "core/retention.h"
#include "core/taipei_time.h"
#include "ctl/cli.h"
#include "sql/purge_store.h"

namespace xueji::ctl {
namespace {

static_assert(kSentMailBodyRetention == std::chrono::days{7} &&
                  kSentMailRetention == std::chrono::days{400} &&
                  kOidcRowRetention == std::chrono::hours{1},
              "the help and output below name these numbers");

int run_purge(Ctl& ctl, const Options&) {
  TimePoint now = ctl.now();
  store::PurgeCounts n = store::purge_expired_rows(ctl.db(), purge_cutoffs(now));
  ctl.audit("data.purge", "sessions:" + std::to_string(n.sessions) +
                              " captchas:" + std::to_string(n.captchas) +
                              " email_codes:" + std::to_string(n.email_codes) +
                              " identity_failures:" + std::to_string(n.identity_failures) +
                              " forgot_requests:" + std::to_string(n.forgot_requests) +
                              " attempt_counters:" + std::to_string(n.attempt_counters));
  print_line("purge：已刪除過期的工作階段 " + std::to_string(n.sessions) + " 筆、圖形驗證碼 " +
             std::to_string(n.captchas) + " 筆、E-Mail 驗證代碼 " + std::to_string(n.email_codes) +
             " 筆、身分驗證失敗紀錄 " + std::to_string(n.identity_failures) +
             " 筆、忘記密碼／帳號申請紀錄 " + std::to_string(n.forgot_requests) +
             " 筆、登入嘗試計數 " + std::to_string(n.attempt_counters) + " 筆（以 " +
             format_taipei(now) + " 臺北時間為準）。");
  // A row of its own, so the data.purge row keeps its form.
  ctl.audit("outbox.purge", "bodies_emptied:" + std::to_string(n.outbox_bodies) +
                                " deleted:" + std::to_string(n.outbox_rows));
  print_line("purge：寄件佇列中已清除寄出超過 7 天的信件內文 " + std::to_string(n.outbox_bodies) +
             " 筆、已刪除寄出超過 400 天的信件 " + std::to_string(n.outbox_rows) + " 筆。");
  ctl.audit("oidc.purge", "deleted:" + std::to_string(n.oidc_rows));
  print_line("purge：已刪除過期超過 1 小時的單一登入授權請求、授權碼與存取權杖 " +
             std::to_string(n.oidc_rows) + " 筆。");
  ctl.audit("account_tokens.purge", "deleted:" + std::to_string(n.account_tokens));
  print_line("purge：已刪除過期或已使用的一次性連結（重設密碼、重設 E-Mail）" +
             std::to_string(n.account_tokens) + " 筆。");
  return kExitOk;
}

}  // namespace

const Command& purge_command() {
  static const Command command{
      "purge",
      "purge",
      "刪除不再需要的資料，每種每次最多 10000 筆、分批刪到刪完：\n"
      "  工作階段：已過期者，連同其圖形驗證碼；\n"
      "  圖形驗證碼：已過期者；\n"
      "  E-Mail 驗證代碼：寄出超過 1 天者（每小時寄送上限只看 1 小時內的）；屬於忘記密碼\n"
      "    申請的，保留到該申請紀錄刪除時；\n"
      "  身分驗證失敗紀錄：超過 1 天未更新且目前未鎖定者；\n"
      "  忘記密碼／帳號申請紀錄：超過 2 天者（每日寄信上限只看 24 小時內的）；\n"
      "  已寄出的信件：寄出超過 7 天者清除內文（驗證代碼、姓名等），只留收件者、主旨與時間；\n"
      "    寄出超過 400 天（稽核紀錄的保存期限）者刪除。待寄與寄送失敗的信件不動。\n"
      "  單一登入：等待登入的授權請求、授權碼與存取權杖，過期超過 1 小時者。\n"
      "  一次性連結（學校權限AA重設密碼、諮詢專員重設 E-Mail）：已過期、已使用或已被取代者。\n"
      "可重複或同時執行；正式環境由 xueji-purge.timer 每 15 分鐘執行一次。",
      {},
      {},
      0,
      0,
      "data.purge",
      run_purge};
  return command;
}

}  // namespace xueji::ctl
