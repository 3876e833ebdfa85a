// account_store.h: the SQL of 個人業務帳號 — lookup by case-blind name, the lock (its counters
// are sql/attempt_store.h's), device cookie generations, the daily notice allowance,
// password changes with their history, renames, the TOTP binding, and the duties shown on /home.
// Functions that change several rows say "call inside db.transaction()": the caller adds the
// notice mail and the audit row to the same transaction.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/taipei_time.h"
#include "sql/db.h"

namespace xueji::store {

// "Not one of the last 3 passwords" (product.md §3): the history keeps this many hashes,
// the current password's included.
inline constexpr int kPasswordHistoryKept = 3;

struct Account {
  std::int64_t id = 0;
  std::int64_t person_id = 0;
  std::string login_name;
  std::string password_hash;  // PHC string
  TimePoint password_changed_at;
  int failed_count = 0;
  std::optional<TimePoint> locked_until;
  std::optional<std::string> email;
  std::optional<TimePoint> email_verified_at;
  std::string totp_secret_box;  // secret_box of the TOTP key; empty when not bound
  std::optional<TimePoint> totp_bound_at;
  std::optional<std::int64_t> totp_last_step;
  bool must_change_password = false;
  bool must_change_name = false;
  int device_epoch = 0;  // the generation of device cookies that count (flows/device_trust.h)
  // Of the person the account belongs to.
  std::string id_hmac;    // 32 raw bytes (persons.id_hmac)
  std::string id_masked;  // "A12****789"
  CivilDate birth_date;
  std::string display_name;  // the name on the person's first staff record ("" when none)
};

// `login_key` is account_login_key(typed name).
std::optional<Account> find_account_by_key(Db& db, const std::string& login_key);

// Lockout. Lifts a lock whose time has passed (counts back to 0); true when this call lifted it,
// so exactly one caller writes the audit row.
bool release_expired_lock(Db& db, std::int64_t account_id, TimePoint now);
// Lifts any lock and clears the count (xueji-ctl account unlock); true when the account exists.
bool unlock_account(Db& db, std::int64_t account_id);
// Every device cookie issued so far stops counting (a password or two-factor reset).
void revoke_devices(Db& db, std::int64_t account_id);
// Takes one of the account's `limit` notice mails of Taipei day `day`; false when they are spent.
bool reserve_notice(Db& db, std::int64_t account_id, CivilDate day, int limit);

// Passwords. The newest kPasswordHistoryKept hashes of the history, newest first.
std::vector<std::string> recent_password_hashes(Db& db, std::int64_t account_id);
// Sets the new hash and change time, clears the lock, records the hash in the history and drops
// history beyond kPasswordHistoryKept. must_change: an admin reset's one-time password.
// Call inside db.transaction().
void change_password(Db& db, std::int64_t account_id, const std::string& password_hash,
                     TimePoint now, bool must_change);
// Adds one hash to the account's history: every new account's first password is in it too, so
// the reuse rule also covers the password an account was opened with.
void record_password_in_history(Db& db, std::int64_t account_id, const std::string& password_hash,
                                TimePoint at);

// Account names. kTaken when another account already has that login key.
enum class RenameResult { kRenamed, kTaken };
RenameResult rename_account(Db& db, std::int64_t account_id, const std::string& login_name,
                            const std::string& login_key);
bool login_key_taken(Db& db, const std::string& login_key, std::int64_t except_account_id);

// TOTP. Binds only an unbound account (false otherwise); the confirming code's step is stored
// as used.
bool bind_totp(Db& db, std::int64_t account_id, const std::string& secret_box, TimePoint now,
               std::int64_t used_step);
// Records `step` as used if it is later than the last used one; false means a replay (or a
// concurrent use of the same code), which the caller refuses.
bool use_totp_step(Db& db, std::int64_t account_id, std::int64_t step);
// Removes the binding (xueji-ctl account reset-2fa); true when the account exists.
bool clear_totp(Db& db, std::int64_t account_id);
// An administrator's two-factor reset (xueji-ctl account reset-2fa, the AA console): the binding
// goes, every device cookie stops counting and every session of the account ends, so the next
// login must bind again. false when the account does not exist. Call inside db.transaction().
bool reset_two_factor(Db& db, std::int64_t account_id);
// When the account completed its newest login (the AA console's staff list shows it).
void record_last_login(Db& db, std::int64_t account_id, TimePoint now);

// Schools and duties of the person in the active school year (settings 'active_school_year',
// or the caller's fallback when no year was ever activated).
struct StaffDuties {
  std::string staff_name;
  std::string school_code;
  std::string school_name;
  std::vector<std::string> duties;  // empty: no duty at this school this year
};
struct PersonDuties {
  int school_year = 0;
  std::vector<StaffDuties> schools;
  bool has_duty() const;
};
struct AccountWithDuties {
  Account account;
  PersonDuties duties;
};
// The account and its person's duties in one query: what every logged-in page needs.
std::optional<AccountWithDuties> find_account_with_duties(Db& db, std::int64_t account_id,
                                                          int fallback_year);
// For queries that read an account with duties and more (sql/login_page_store.cpp): the
// select-list (accounts "a", persons "p"; one ? for the fallback school year), the joins after
// them (one ? likewise), and the reader, called on the first row, which consumes the rest.
const std::string& account_with_duties_columns();
const std::string& account_with_duties_joins();
AccountWithDuties read_account_with_duties(sql::ResultSet& rs);

// Moves a login session from stage `from` to `to` only if it is still at `from`; true for the
// one request that made the move (the login is counted once).
bool advance_login_stage(Db& db, const std::string& session_hash, const std::string& from,
                         const std::string& to);

// xueji-ctl account add-legacy.
struct Person {
  std::int64_t id = 0;
  std::string id_masked;
};
std::optional<Person> find_person_by_hmac(Db& db, const std::string& id_hmac);
std::optional<std::string> account_name_of_person(Db& db, std::int64_t person_id);
// Inserts the account with its first history row; call inside db.transaction().
std::int64_t insert_legacy_account(Db& db, std::int64_t person_id, const std::string& login_name,
                                   const std::string& login_key, const std::string& password_hash,
                                   TimePoint password_changed_at,
                                   const std::optional<std::string>& email, TimePoint now);

}  // namespace xueji::store
