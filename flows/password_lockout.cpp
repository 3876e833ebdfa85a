// password_lockout.cpp: one password try against the lockout (see password_lockout.h).
#include "flows/password_lockout.h"

#include "core/lockout.h"
#include "core/password_hash.h"
#include "core/taipei_time.h"
#include "fcgi/audit.h"
#include "flows/device_trust.h"
#include "mail/account_notices.h"
#include "sql/attempt_store.h"

namespace xueji {

PasswordVerdict check_password_try(const http::Request& req, Context& ctx,
                                   const store::Account* account, std::string_view login_key,
                                   std::string_view password, const std::string& actor,
                                   const std::string& audit_action) {
  const std::string target = account ? "account:" + std::to_string(account->id) : "unknown account";
  TimePoint now = ctx.clock.now();
  ChargedCounter charged = password_counter(req, account, login_key, ctx);
  if (account && !charged.device && lock_state(account->locked_until, now) == LockState::kExpired &&
      store::release_expired_lock(ctx.db, account->id, now)) {
    audit_request(ctx, req, "system", "login.lock_released", target);
  }
  if (!store::reserve_attempt(ctx.db, charged.counter, now, kMaxFailedPasswords, kFailureWindow)) {
    // Not even checked: the lock holds whatever was typed, and nothing more is counted.
    audit_request(ctx, req, actor, "login.refused_locked", target);
    return PasswordVerdict::kLocked;
  }
  if (verify_password(account ? account->password_hash : dummy_password_hash(), password)) {
    store::give_back_attempt(ctx.db, charged.counter);
    return PasswordVerdict::kRight;
  }
  TimePoint until = lock_end(now);
  return ctx.db.transaction([&] {
    audit_request(ctx, req, actor, audit_action, target);
    if (!store::lock_if_spent(ctx.db, charged.counter, now, kMaxFailedPasswords, until)) {
      return PasswordVerdict::kWrong;
    }
    audit_request(ctx, req, "system", charged.device ? "login.device_locked" : "login.locked",
                  target);
    if (account && !charged.device) {
      queue_account_notice(ctx.db, *account, AccountEvent::kLocked, now, format_taipei(until));
    }
    return PasswordVerdict::kLocked;
  });
}

}  // namespace xueji
