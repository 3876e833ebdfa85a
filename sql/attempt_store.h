// attempt_store.h: the counters of tries that lock (core/lockout.h) — an account's passwords
// and two-factor codes (columns of accounts), and the keyed counters of names nobody holds and
// of trusted devices (attempt_counters). A try is reserved by one conditional UPDATE *before*
// the slow check, and the lock is decided by another after a wrong one, so however many requests
// arrive together, no more tries are checked than the limit allows.
#pragma once
#include <cstdint>
#include <string>

#include "core/clock.h"
#include "sql/db.h"

namespace xueji::store {

struct AttemptCounter {
  enum class Kind { kAccountPasswords, kAccountCodes, kKeyed };
  Kind kind = Kind::kKeyed;
  std::int64_t account_id = 0;  // the account kinds
  std::string key;              // kKeyed: 32 raw bytes (an HMAC naming what is counted)

  static AttemptCounter account_passwords(std::int64_t account_id);
  static AttemptCounter account_codes(std::int64_t account_id);
  static AttemptCounter keyed(std::string key);
};

// Reserves one try. True when the counter is not locked at `now` and holds fewer than `limit`
// tries in its window (a window that began `window` or longer ago starts afresh with this try).
// False: refuse at once and check nothing.
bool reserve_attempt(Db& db, const AttemptCounter& counter, TimePoint now, int limit,
                     Seconds window);
// The try was right: give back its own reservation, the others stay (passwords).
void give_back_attempt(Db& db, const AttemptCounter& counter);
// The try was right and the count starts afresh (codes).
void clear_attempts(Db& db, const AttemptCounter& counter);
// The try was wrong and its reservation stays. When the counter holds `limit` tries it is locked
// until `until`; true for the one call that locked it. Call inside the transaction that audits.
bool lock_if_spent(Db& db, const AttemptCounter& counter, TimePoint now, int limit,
                   TimePoint until);
// The tries the counter holds now.
int counted_attempts(Db& db, const AttemptCounter& counter);

}  // namespace xueji::store
