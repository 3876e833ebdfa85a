// outbox_command.cpp: `xueji-ctl outbox list|retry` — what the mailer has sent, is trying, or
// gave up on, and re-queueing what failed.
#include <cstdlib>

#include "core/address_mask.h"
#include "core/taipei_time.h"
#include "ctl/cli.h"
#include "sql/outbox_delivery_store.h"

namespace xueji::ctl {
namespace {

constexpr int kDefaultListLimit = 50;
constexpr int kMaxListLimit = 100000;

std::int64_t positive_number(const std::string& text, const char* what) {
  char* end = nullptr;
  long long value = std::strtoll(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0' || value < 1 || value > 1'000'000'000'000LL) {
    throw Refused(std::string(what) + "須為正整數，不是「" + text + "」");
  }
  return value;
}

// One line per message; subjects and errors last since their width varies. Recipients are
// masked (t***@example.com), also inside errors written before the mailer masked them.
std::string describe(const store::OutboxEntry& e) {
  std::string when = e.state == "sent" && e.sent_at ? "寄出 " + format_taipei(*e.sent_at)
                     : e.state == "pending"         ? "下次 " + format_taipei(e.next_attempt_at)
                                                    : "建立 " + format_taipei(e.created_at);
  std::string error = e.last_error ? mask_addresses(*e.last_error) : "-";
  for (char& c : error) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return std::to_string(e.id) + "\t" + e.state + "\t" + std::to_string(e.attempts) + "\t" +
         mask_address(e.recipient) + "\t" + e.subject + "\t" + error + "\t" + when;
}

int run_outbox_list(Ctl& ctl, const Options& options) {
  std::string state = options.get("--state").value_or("");
  if (!state.empty() && state != "pending" && state != "sending" && state != "sent" &&
      state != "failed") {
    throw Refused("--state 須為 pending、sending、sent 或 failed");
  }
  int limit = kDefaultListLimit;
  if (auto text = options.get("--limit")) {
    limit =
        static_cast<int>(std::min<std::int64_t>(positive_number(*text, "--limit "), kMaxListLimit));
  }
  store::Db& db = ctl.db();
  store::OutboxCounts counts = store::count_outbox(db);
  print_line("寄件佇列：待寄 " + std::to_string(counts.pending) + "、寄送中 " +
             std::to_string(counts.sending) + "、已寄出 " + std::to_string(counts.sent) +
             "、失敗 " + std::to_string(counts.failed) + " 封");
  auto entries = store::list_outbox(db, state, limit);
  if (!entries.empty()) print_line("編號\t狀態\t嘗試次數\t收件者\t主旨\t最後錯誤\t時間（臺北）");
  for (const store::OutboxEntry& e : entries) print_line(describe(e));
  ctl.audit("outbox.list", state.empty() ? "all" : "state:" + state);
  return kExitOk;
}

int run_outbox_retry(Ctl& ctl, const Options& options) {
  std::optional<std::int64_t> id;
  if (auto text = options.get("--id")) id = positive_number(*text, "--id ");
  ctl.set_target(id ? "outbox:" + std::to_string(*id) : "all failed");
  store::Db& db = ctl.db();
  int changed = db.transaction([&] {
    int n = store::retry_failed_mail(db, ctl.now(), id);
    ctl.audit("outbox.retry", ctl.target() + " count:" + std::to_string(n));
    return n;
  });
  if (id && changed == 0)
    throw Refused("編號 " + std::to_string(*id) + " 的信件不存在或不是寄送失敗的狀態");
  print_line("已將 " + std::to_string(changed) + " 封寄送失敗的信件重新排入寄送佇列，將立即重試。");
  return kExitOk;
}

}  // namespace

const Command& outbox_list_command() {
  static const Command command{
      "outbox list",
      "outbox list [--state pending|sending|sent|failed] [--limit N]",
      "列出寄件佇列中最新的信件（預設 50 封），每行：編號、狀態、嘗試次數、收件者（遮蔽，\n"
      "如 t***@example.com）、主旨、最後一次錯誤、時間。狀態：pending 待寄（含等待重試）、\n"
      "sending 寄送中、sent 已寄出、failed 失敗（收件伺服器永久拒收，或 24 小時內都無法寄出）。",
      {"--state", "--limit"},
      {},
      0,
      0,
      "outbox.list",
      run_outbox_list};
  return command;
}

const Command& outbox_retry_command() {
  static const Command command{
      "outbox retry",
      "outbox retry [--id N]",
      "把寄送失敗（failed）的信件改回待寄，立即重試，並重新給 24 小時的重試期限。\n"
      "不加 --id 時處理所有失敗的信件。",
      {"--id"},
      {},
      0,
      0,
      "outbox.retry",
      run_outbox_retry};
  return command;
}

}  // namespace xueji::ctl
