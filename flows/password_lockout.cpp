// password_lockout.cpp: one wrong password counted, and the lock it may cause reported.
#include "flows/password_lockout.h"

#include "core/lockout.h"
#include "core/taipei_time.h"
#include "fcgi/audit.h"
#include "mail/account_notices.h"

namespace xueji {

bool count_wrong_password(const http::Request& req, Context& ctx, const store::Account& account,
                          const std::string& actor, const std::string& audit_action) {
  const std::string target = "account:" + std::to_string(account.id);
  TimePoint now = ctx.clock.now();
  TimePoint until = lock_end(now);
  return ctx.db.transaction([&] {
    auto failure =
        store::add_failed_password(ctx.db, account.id, now, kMaxFailedPasswords, until);
    audit_request(ctx, req, actor, audit_action, target);
    if (failure.locked) {
      audit_request(ctx, req, "system", "login.locked", target);
      queue_account_notice(ctx.db, account, AccountEvent::kLocked, now, format_taipei(until));
    }
    // Not counted: another request locked it a moment ago.
    return failure.locked || !failure.counted;
  });
}

}  // namespace xueji
