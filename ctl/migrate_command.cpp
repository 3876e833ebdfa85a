// migrate_command.cpp: `xueji-ctl migrate` — applies the numbered schema migrations not yet
// applied.
#include "ctl/cli.h"
#include "sql/migrations.h"

namespace xueji::ctl {
namespace {

int run_migrate(Ctl& ctl, const Options&) {
  std::vector<std::string> applied = store::migrate(ctl.db());
  if (applied.empty()) print_line("migrate：資料庫結構已是最新版本，沒有要套用的變更。");
  for (const std::string& name : applied) print_line("migrate：已套用 " + name);
  std::string target;
  for (const std::string& name : applied) target += (target.empty() ? "" : ",") + name;
  ctl.audit("schema.migrate", target.empty() ? "up to date" : target);
  return kExitOk;
}

}  // namespace

const Command& migrate_command() {
  static const Command command{
      "migrate",
      "migrate",
      "依序套用尚未套用的資料庫結構變更（sql/migrations/NNN_*.sql，已編進程式）。\n"
      "可重複執行；同時只有一個 migrate 會動作（資料庫鎖）。",
      {},
      {},
      0,
      0,
      "schema.migrate",
      run_migrate};
  return command;
}

}  // namespace xueji::ctl
