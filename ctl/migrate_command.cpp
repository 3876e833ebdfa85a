// migrate_command.cpp: `xueji-ctl migrate` — applies the numbered schema migrations not yet
// applied.
#include "ctl/cli.h"
#include "sql/migrations.h"

namespace xueji::ctl {
namespace {

int run_migrate(Ctl& ctl, const Options&) {
  // The schema changes as the migration user when one is configured: the runtime user, which
  // every other command and worker uses, may not create, alter or drop anything.
  Config as_migrator = ctl.config();
  if (!as_migrator.db_migration_user.empty()) {
    as_migrator.db_user = as_migrator.db_migration_user;
    as_migrator.db_password = as_migrator.db_migration_password;
  }
  store::Db migration_db(as_migrator);
  std::vector<std::string> applied = store::migrate(migration_db);
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
      "可重複執行；同時只有一個 migrate 會動作（資料庫鎖）。\n"
      "設定了 XUEJI_DB_MIGRATION_USER 時以該帳號變更結構（執行期帳號只能讀寫資料）。",
      {},
      {},
      0,
      0,
      "schema.migrate",
      run_migrate};
  return command;
}

}  // namespace xueji::ctl
