// account_command.h: `xueji-ctl account add-legacy|show|unlock|reset-password|reset-2fa`
// (contract.md §4), for the sysadmin and the school's AA acting through them.
#pragma once
#include "core/config.h"
#include "sql/db.h"

namespace xueji {

// argv[0] is "account", argv[1] the subcommand, then its arguments (main passes argc - 1,
// argv + 1). Prints what it did; returns 0, 1 (refused: unknown account, name taken, …) or 2
// (usage). Every command writes an audit-log row.
int run_account_command(int argc, char** argv, const Config& config, store::Db& db);

}  // namespace xueji
