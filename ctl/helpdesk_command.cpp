// helpdesk_command.cpp: `xueji-ctl helpdesk add|remove` — the 諮詢專員 role: the accounts that
// may find any account across schools on /helpdesk and reset its e-mail address.
#include "core/account_policy.h"
#include "ctl/cli.h"
#include "sql/account_store.h"
#include "sql/school_admin_store.h"

namespace xueji::ctl {
namespace {

store::Account account_named(Ctl& ctl, const Options& options) {
  const std::string& name = options.positional().at(0);
  ctl.set_target("account-name:" + name.substr(0, 64));
  auto account = store::find_account_by_key(ctl.db(), account_login_key(name));
  if (!account) throw Refused("找不到帳號「" + name + "」");
  ctl.set_target("account:" + std::to_string(account->id));
  return *account;
}

int run_helpdesk_add(Ctl& ctl, const Options& options) {
  store::Account a = account_named(ctl, options);
  store::Db& db = ctl.db();
  bool added = db.transaction([&] {
    bool granted = store::grant_helpdesk(db, a.id, ctl.now());
    ctl.audit(granted ? "helpdesk.add" : "helpdesk.add.unchanged", ctl.target());
    return granted;
  });
  print_line("帳號「" + a.login_name + "」" +
             (added ? "已設為諮詢專員。" : "原本就是諮詢專員，未變更。"));
  return kExitOk;
}

int run_helpdesk_remove(Ctl& ctl, const Options& options) {
  store::Account a = account_named(ctl, options);
  store::Db& db = ctl.db();
  bool removed = db.transaction([&] {
    bool revoked = store::revoke_helpdesk(db, a.id);
    ctl.audit(revoked ? "helpdesk.remove" : "helpdesk.remove.unchanged", ctl.target());
    return revoked;
  });
  print_line("帳號「" + a.login_name + "」" +
             (removed ? "已不再是諮詢專員。" : "原本就不是諮詢專員，未變更。"));
  return kExitOk;
}

}  // namespace

const Command& helpdesk_add_command() {
  static const Command command{
      "helpdesk add", "helpdesk add ACCOUNT",
      "將個人業務帳號 ACCOUNT 設為諮詢專員：可在 /helpdesk 跨校查詢帳號並重設其 E-Mail。",
      {}, {}, 1, 1, "helpdesk.add", run_helpdesk_add};
  return command;
}

const Command& helpdesk_remove_command() {
  static const Command command{"helpdesk remove", "helpdesk remove ACCOUNT",
                               "取消帳號 ACCOUNT 的諮詢專員身分。",
                               {}, {}, 1, 1, "helpdesk.remove", run_helpdesk_remove};
  return command;
}

}  // namespace xueji::ctl
