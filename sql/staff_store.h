// staff_store.h: the SQL of schools, persons, staff records (教職員聘約) and duties per school
// year, as xueji-ctl maintains them. A person is one row per ID number (its HMAC); the same
// person at two schools has two staff rows. Bulk functions batch many rows per statement.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/taipei_time.h"
#include "sql/db.h"

namespace xueji::store {

// Rows per multi-row INSERT or IN (…) list in the bulk functions: large enough that 10,000 staff
// take a few dozen round trips, small enough to stay far below max_allowed_packet.
inline constexpr std::size_t kStaffBatchRows = 500;

struct SchoolRow {
  std::int64_t id = 0;
  std::string code;
  std::string name;
};

std::optional<SchoolRow> find_school_by_code(Db& db, const std::string& code);
std::vector<SchoolRow> list_schools(Db& db);
// nullopt when the code is taken (the unique key answers, so two concurrent adds cannot both win).
std::optional<std::int64_t> insert_school(Db& db, const std::string& code, const std::string& name,
                                          TimePoint now);

struct PersonRow {
  std::int64_t id = 0;
  std::string id_hmac;  // 32 raw bytes
  std::string id_masked;
  CivilDate birth_date;
};

std::optional<PersonRow> find_person_row(Db& db, const std::string& id_hmac);
// Every person whose HMAC is in the list, keyed by HMAC (batched).
std::map<std::string, PersonRow> find_person_rows(Db& db, const std::vector<std::string>& hmacs);
std::int64_t insert_person(Db& db, const std::string& id_hmac, const std::string& id_masked,
                           CivilDate birth_date, TimePoint now);

struct NewPerson {
  std::string id_hmac;
  std::string id_masked;
  CivilDate birth_date;
};
// Multi-row INSERTs of kStaffBatchRows; call inside db.transaction().
void insert_persons(Db& db, const std::vector<NewPerson>& persons, TimePoint now);

struct StaffRow {
  std::int64_t id = 0;
  std::int64_t school_id = 0;
  std::int64_t person_id = 0;
  std::string name;
  CivilDate birth_date;
  std::optional<std::string> phone;
};

std::optional<StaffRow> find_staff_row(Db& db, std::int64_t school_id, std::int64_t person_id);
// Persons of the list who already have a staff record at the school (batched).
std::set<std::int64_t> persons_with_staff_at(Db& db, std::int64_t school_id,
                                             const std::vector<std::int64_t>& person_ids);
// nullopt when the person already has a staff record at that school. Both inserts also refresh
// the person's copy of its newest record's name and phone; call them inside db.transaction().
std::optional<std::int64_t> insert_staff(Db& db, const StaffRow& staff, TimePoint now);
// Refreshes each person's copy of its newest staff record's name and phone
// (008_person_contact.sql); after any insert or edit of staff rows, in the same transaction.
void refresh_person_contacts(Db& db, const std::vector<std::int64_t>& person_ids);
// Multi-row INSERTs of kStaffBatchRows (the id field is ignored).
void insert_staff_rows(Db& db, const std::vector<StaffRow>& staff, TimePoint now);

// A staff record as `staff list` shows it, with the duties of one school year.
struct StaffListing {
  std::string id_masked;
  std::string name;
  CivilDate birth_date;
  std::optional<std::string> phone;
  std::vector<std::string> duties;
  bool has_account = false;
  bool removed = false;  // taken off the school for that year (the AA console's 移除)
};
std::vector<StaffListing> list_staff(Db& db, std::int64_t school_id, int school_year);

// false when the staff member already had this duty in that year (nothing changed).
bool insert_duty(Db& db, std::int64_t staff_id, int school_year, const std::string& duty,
                 TimePoint now);

struct SchoolDutyCount {
  std::string code;
  std::string name;
  std::int64_t staff_total = 0;
  std::int64_t staff_with_duties = 0;  // distinct staff with at least one duty that year
};
// Every school, those without staff or duties included, ordered by code.
std::vector<SchoolDutyCount> duty_counts_per_school(Db& db, int school_year);

}  // namespace xueji::store
