// school_admin_store.h: the SQL of the school's AA console and of the xueji-ctl commands that do
// the same for the sysadmin (posts, helpdesk, staff add/import): approved staffing, staff of a
// school's year with their accounts' states, edits and removals for a year, duties within the
// staffing, the helpdesk role, one-time account links and the school's audit log. Every function
// that reads or changes something of a school takes that school's id as its scope: a staff id of
// another school finds nothing (the console answers 404).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/taipei_time.h"
#include "sql/db.h"
#include "sql/staff_store.h"

namespace xueji::store {

// --- Approved staffing (核定員額編制) ---
struct PostCount {
  std::string duty;
  int approved = 0;  // 0 when no row
  int assigned = 0;  // holders of the duty at the school in the year
};
// Every duty with a row or a holder, ordered by duty name.
std::vector<PostCount> list_posts(Db& db, std::int64_t school_id, int school_year);
void set_posts(Db& db, std::int64_t school_id, const std::string& duty, int count, TimePoint now);

// --- Staff of a school's year ---
struct AdminStaff {
  std::int64_t staff_id = 0;
  std::int64_t person_id = 0;
  std::string id_masked;
  std::string name;
  CivilDate birth_date;
  std::optional<std::string> phone;
  std::vector<std::string> duties;  // of the year
  // The person's account, when there is one.
  std::optional<std::int64_t> account_id;
  std::string login_name;
  std::optional<TimePoint> account_created_at;
  std::optional<TimePoint> locked_until;
  std::optional<TimePoint> password_changed_at;
  std::optional<TimePoint> totp_bound_at;
  std::optional<TimePoint> last_login_at;
  std::string email;  // "" when none
  std::optional<TimePoint> email_verified_at;
};
// The school's staff records not removed for the year, ordered by id.
std::vector<AdminStaff> list_school_staff(Db& db, std::int64_t school_id, int school_year);
// One of them; nullopt when the id is not a staff record of this school (or removed that year).
std::optional<AdminStaff> find_school_staff(Db& db, std::int64_t school_id, std::int64_t staff_id,
                                            int school_year);

// Adds a staff record (the person row too, when new). A record of this school removed for the
// year comes back, with the typed name and phone. Call inside db.transaction().
enum class AddStaffResult { kAdded, kAddedKnownPerson, kRestored, kBirthDateDiffers, kAlreadyStaff };
struct NewStaff {
  std::string id_hmac;
  std::string id_masked;
  std::string name;
  CivilDate birth_date;
  std::optional<std::string> phone;
};
AddStaffResult add_staff(Db& db, std::int64_t school_id, const NewStaff& staff, int school_year,
                         TimePoint now);
// Name and phone of a staff record of this school; false when it is not one. Refreshes the
// person's contact copy. Call inside db.transaction().
bool update_staff_contact(Db& db, std::int64_t school_id, std::int64_t staff_id,
                          const std::string& name, const std::optional<std::string>& phone);
// Takes the record off the school for the year and deletes its duties of that year; false when
// it is not a record of this school. Call inside db.transaction().
bool remove_staff_for_year(Db& db, std::int64_t school_id, std::int64_t staff_id, int school_year,
                           TimePoint now);

// --- Duties ---
enum class AssignResult { kAssigned, kAlreadyHeld, kNoPostsApproved, kPostsFull };
// Assigns the duty to a staff record of this school (the caller checked that it is one). An
// administrative duty only within the approved staffing: the posts row is locked, so two AAs
// cannot both take the last post. Call inside db.transaction().
AssignResult assign_duty(Db& db, std::int64_t school_id, std::int64_t staff_id, int school_year,
                         const std::string& duty, bool within_posts, TimePoint now);
// false when the staff member did not hold it.
bool remove_duty(Db& db, std::int64_t staff_id, int school_year, const std::string& duty);

// --- A new school year from the previous one ---
struct CarriedDuty {
  std::int64_t staff_id = 0;
  std::string name;
  std::string id_masked;
  std::string duty;
};
// Duties of `from_year` at the school whose staff are still on it in `to_year` and do not hold
// them there yet.
std::vector<CarriedDuty> duties_to_carry(Db& db, std::int64_t school_id, int from_year,
                                         int to_year);

// --- Staff import (xueji-ctl staff import and /admin/import) ---
struct ImportRow {
  int line = 0;
  std::string id_hmac;
  std::string id_masked;
  std::string name;
  CivilDate birth_date;
  std::optional<std::string> phone;
};
struct ImportConflict {
  int line = 0;
  std::string message;
};
// What only the database can tell: a known person with another birth date, or already staff at
// the school. school_text names the school in the messages.
std::vector<ImportConflict> import_conflicts(Db& db, std::int64_t school_id,
                                             const std::string& school_text,
                                             const std::vector<ImportRow>& rows);
// Writes every row (persons and staff records, multi-row INSERTs) after checking the conflicts
// again under the transaction; nothing when there is one. Returns the conflicts and counts the
// new persons. Call inside db.transaction().
std::vector<ImportConflict> import_staff(Db& db, std::int64_t school_id,
                                         const std::string& school_text,
                                         const std::vector<ImportRow>& rows, TimePoint now,
                                         std::size_t& new_persons);

// --- The helpdesk role (諮詢專員) ---
bool grant_helpdesk(Db& db, std::int64_t account_id, TimePoint now);  // false: already had it
bool revoke_helpdesk(Db& db, std::int64_t account_id);                // false: did not have it
bool is_helpdesk(Db& db, std::int64_t account_id);

// --- One-time account links (account_tokens) ---
inline const std::string kTokenPassword = "password";  // an AA's password reset
inline const std::string kTokenEmail = "email";        // a helpdesk e-mail reset
struct AccountToken {
  std::int64_t account_id = 0;
  std::string purpose;
  std::string address;
  TimePoint expires_at;
};
// Stores a new link for the account (its earlier live links of any purpose stop counting).
// Call inside db.transaction(), with the mail that carries it.
void insert_account_token(Db& db, const std::string& token_hash, std::int64_t account_id,
                          const std::string& purpose, const std::string& address, TimePoint now,
                          TimePoint expires_at);
// The live (unused, unexpired) link with this hash.
std::optional<AccountToken> find_account_token(Db& db, const std::string& token_hash,
                                               TimePoint now);
// Uses the link once: true for exactly one caller. Call inside the transaction of the change.
bool consume_account_token(Db& db, const std::string& token_hash, TimePoint now);
// The address becomes the account's verified e-mail (a helpdesk reset's link was used).
void set_verified_email(Db& db, std::int64_t account_id, const std::string& address,
                        TimePoint now);

// --- The school's audit log ---
struct SchoolAuditRow {
  TimePoint at;
  std::string actor;       // the actor's account name, or the raw actor when not an account
  std::string action;
  std::string target;
  std::string client_addr;
};
// Newest first, at most `limit`; person: a substring of the actor's account name or the
// target; action: a prefix of the action ("" for any).
std::vector<SchoolAuditRow> school_audit(Db& db, std::int64_t school_id, const std::string& person,
                                         const std::string& action, int limit);

}  // namespace xueji::store
