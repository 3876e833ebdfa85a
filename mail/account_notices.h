// account_notices.h: the notice mails of an account's life (product.md §6–§8): locked, password
// changed or reset, account name changed, two-factor bound or reset. Queued in the outbox inside
// the transaction of the change they report.
#pragma once
#include <string>

#include "core/clock.h"
#include "sql/account_store.h"
#include "sql/db.h"

namespace xueji {

enum class AccountEvent {
  kLocked,           // 3 wrong passwords
  kLockedByCodes,    // 5 wrong two-factor codes
  kPasswordChanged,  // by the holder
  kPasswordReset,    // by an administrator: a one-time password was issued
  kRenamed,          // new account name (detail = the new name)
  kTotpBound,
  kTotpReset,  // by an administrator
};

// Queues the mail to the account's e-mail address; does nothing when it has none. At most
// kMaxNoticesPerDay (core/lockout.h) a Taipei day: past that, an audit row `notice.suppressed`
// takes the mail's place (the event itself is audited by the caller). `detail` is the new name
// for kRenamed and the end of the lock for the locks (Taipei time text), else unused.
void queue_account_notice(store::Db& db, const store::Account& account, AccountEvent event,
                          TimePoint now, const std::string& detail = {});

}  // namespace xueji
