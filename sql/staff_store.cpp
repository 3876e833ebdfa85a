// staff_store.cpp: the SQL of schools, persons, staff records and duties.
#include "sql/staff_store.h"

#include <algorithm>

namespace xueji::store {
namespace {

constexpr int kDuplicateKey = 1062;

const std::string kFindSchool = "SELECT id, code, name FROM schools WHERE code = ?";
const std::string kListSchools = "SELECT id, code, name FROM schools ORDER BY code";
const std::string kInsertSchool =
    "INSERT INTO schools (code, name, created_at) VALUES (?, ?, ?) RETURNING id";

const std::string kPersonColumns =
    "SELECT id, HEX(id_hmac) AS hmac_hex, id_masked, DATE_FORMAT(birth_date, '%Y-%m-%d') AS birth "
    "FROM persons ";
const std::string kFindPerson = kPersonColumns + "WHERE id_hmac = UNHEX(?)";
// Batched statements are these texts with the group repeated, one per row or key.
const std::string kFindPersonsPrefix = kPersonColumns + "WHERE id_hmac IN (";
const std::string kFindPersonsGroup = "UNHEX(?)";
const std::string kInsertPersonsPrefix =
    "INSERT INTO persons (id_hmac, id_masked, birth_date, created_at) VALUES ";
const std::string kInsertPersonsGroup = "(UNHEX(?), ?, ?, ?)";
const std::string kInsertPerson = kInsertPersonsPrefix + kInsertPersonsGroup + " RETURNING id";

const std::string kFindStaff =
    "SELECT id, school_id, person_id, name, DATE_FORMAT(birth_date, '%Y-%m-%d') AS birth, phone "
    "FROM staff WHERE school_id = ? AND person_id = ?";
const std::string kStaffAtSchoolPrefix =
    "SELECT person_id FROM staff WHERE school_id = ? AND person_id IN (";
const std::string kStaffAtSchoolGroup = "?";
const std::string kInsertStaffPrefix =
    "INSERT INTO staff (school_id, person_id, name, birth_date, phone, created_at) VALUES ";
const std::string kInsertStaffGroup = "(?, ?, ?, ?, ?, ?)";
const std::string kInsertStaff = kInsertStaffPrefix + kInsertStaffGroup + " RETURNING id";
// A person's copy of its newest staff record's name and phone, which 身分驗證 reads
// (008_person_contact.sql): refreshed after every staff insert, in the same transaction.
const std::string kRefreshContactsPrefix =
    "UPDATE persons p JOIN staff st ON st.id = "
    "(SELECT MAX(s2.id) FROM staff s2 WHERE s2.person_id = p.id) "
    "SET p.name = st.name, p.phone = st.phone WHERE p.id IN (";
const std::string kRefreshContactsGroup = "?";
const std::string kListStaff =
    "SELECT p.id_masked, s.name, DATE_FORMAT(s.birth_date, '%Y-%m-%d') AS birth, s.phone, "
    "(SELECT GROUP_CONCAT(d.duty ORDER BY d.id SEPARATOR '\\t') FROM duties d "
    " WHERE d.staff_id = s.id AND d.school_year = ?) AS duty_list, "
    "EXISTS (SELECT 1 FROM accounts a WHERE a.person_id = s.person_id) AS has_account, "
    "EXISTS (SELECT 1 FROM staff_removals r WHERE r.staff_id = s.id AND r.school_year = ?) "
    " AS removed "
    "FROM staff s JOIN persons p ON p.id = s.person_id WHERE s.school_id = ? ORDER BY s.id";

const std::string kInsertDuty =
    "INSERT IGNORE INTO duties (staff_id, school_year, duty, created_at) VALUES (?, ?, ?, ?)";
const std::string kDutyCounts =
    "SELECT sc.code, sc.name, "
    "(SELECT COUNT(*) FROM staff s WHERE s.school_id = sc.id) AS staff_total, "
    "(SELECT COUNT(DISTINCT d.staff_id) FROM duties d JOIN staff s ON s.id = d.staff_id "
    " WHERE s.school_id = sc.id AND d.school_year = ?) AS with_duties "
    "FROM schools sc ORDER BY sc.code";

PersonRow read_person(sql::ResultSet& rs) {
  PersonRow row;
  row.id = rs.getInt64("id");
  row.id_hmac = read_bytes(rs, "hmac_hex");
  row.id_masked = rs.getString("id_masked");
  row.birth_date = read_date(rs, "birth");
  return row;
}

// Calls fn(first, count) for consecutive slices of at most kStaffBatchRows of n items.
template <class F>
void in_batches(std::size_t n, F&& fn) {
  for (std::size_t first = 0; first < n; first += kStaffBatchRows) {
    fn(first, std::min(kStaffBatchRows, n - first));
  }
}

}  // namespace

void refresh_person_contacts(Db& db, const std::vector<std::int64_t>& person_ids) {
  in_batches(person_ids.size(), [&](std::size_t first, std::size_t count) {
    std::string text = batched(kRefreshContactsPrefix, kRefreshContactsGroup, count, ")");
    db.run(text, Repeat::kSafe, [&](sql::PreparedStatement& ps) {
      for (std::size_t i = 0; i < count; ++i) {
        store::bind(ps, static_cast<int>(i + 1), person_ids[first + i]);
      }
      ps.executeUpdate();
    });
  });
}

std::optional<SchoolRow> find_school_by_code(Db& db, const std::string& code) {
  return db.run(
      kFindSchool, Repeat::kSafe, [&](sql::PreparedStatement& ps) -> std::optional<SchoolRow> {
        auto rs = query(bind_all(ps, code));
        if (!rs->next()) return std::nullopt;
        return SchoolRow{rs->getInt64("id"), rs->getString("code"), rs->getString("name")};
      });
}

std::vector<SchoolRow> list_schools(Db& db) {
  return db.run(kListSchools, Repeat::kSafe, [&](sql::PreparedStatement& ps) {
    std::vector<SchoolRow> rows;
    auto rs = query(ps);
    while (rs->next())
      rows.push_back({rs->getInt64("id"), rs->getString("code"), rs->getString("name")});
    return rows;
  });
}

std::optional<std::int64_t> insert_school(Db& db, const std::string& code, const std::string& name,
                                          TimePoint now) {
  try {
    return db.run(kInsertSchool, Repeat::kUnsafe, [&](sql::PreparedStatement& ps) {
      return returned_id(bind_all(ps, code, name, now));
    });
  } catch (const sql::SQLException& e) {
    if (e.getErrorCode() == kDuplicateKey) return std::nullopt;
    throw;
  }
}

std::optional<PersonRow> find_person_row(Db& db, const std::string& id_hmac) {
  return db.run(kFindPerson, Repeat::kSafe,
                [&](sql::PreparedStatement& ps) -> std::optional<PersonRow> {
                  auto rs = query(bind_all(ps, Bytes{id_hmac}));
                  if (!rs->next()) return std::nullopt;
                  return read_person(*rs);
                });
}

std::map<std::string, PersonRow> find_person_rows(Db& db, const std::vector<std::string>& hmacs) {
  std::map<std::string, PersonRow> found;
  in_batches(hmacs.size(), [&](std::size_t first, std::size_t count) {
    std::string text = batched(kFindPersonsPrefix, kFindPersonsGroup, count, ")");
    db.run(text, Repeat::kSafe, [&](sql::PreparedStatement& ps) {
      for (std::size_t i = 0; i < count; ++i) {
        store::bind(ps, static_cast<int>(i + 1), Bytes{hmacs[first + i]});
      }
      auto rs = query(ps);
      while (rs->next()) {
        PersonRow row = read_person(*rs);
        found.emplace(row.id_hmac, row);
      }
    });
  });
  return found;
}

std::int64_t insert_person(Db& db, const std::string& id_hmac, const std::string& id_masked,
                           CivilDate birth_date, TimePoint now) {
  return db.run(kInsertPerson, Repeat::kUnsafe, [&](sql::PreparedStatement& ps) {
    return returned_id(bind_all(ps, Bytes{id_hmac}, id_masked, format_date(birth_date), now));
  });
}

void insert_persons(Db& db, const std::vector<NewPerson>& persons, TimePoint now) {
  in_batches(persons.size(), [&](std::size_t first, std::size_t count) {
    std::string text = batched(kInsertPersonsPrefix, kInsertPersonsGroup, count, "");
    db.run(text, Repeat::kUnsafe, [&](sql::PreparedStatement& ps) {
      int index = 0;
      for (std::size_t i = first; i < first + count; ++i) {
        store::bind(ps, ++index, Bytes{persons[i].id_hmac});
        store::bind(ps, ++index, persons[i].id_masked);
        store::bind(ps, ++index, format_date(persons[i].birth_date));
        store::bind(ps, ++index, now);
      }
      ps.executeUpdate();
    });
  });
}

std::optional<StaffRow> find_staff_row(Db& db, std::int64_t school_id, std::int64_t person_id) {
  return db.run(kFindStaff, Repeat::kSafe,
                [&](sql::PreparedStatement& ps) -> std::optional<StaffRow> {
                  auto rs = query(bind_all(ps, school_id, person_id));
                  if (!rs->next()) return std::nullopt;
                  StaffRow row;
                  row.id = rs->getInt64("id");
                  row.school_id = rs->getInt64("school_id");
                  row.person_id = rs->getInt64("person_id");
                  row.name = rs->getString("name");
                  row.birth_date = read_date(*rs, "birth");
                  row.phone = read_optional_text(*rs, "phone");
                  return row;
                });
}

std::set<std::int64_t> persons_with_staff_at(Db& db, std::int64_t school_id,
                                             const std::vector<std::int64_t>& person_ids) {
  std::set<std::int64_t> found;
  in_batches(person_ids.size(), [&](std::size_t first, std::size_t count) {
    std::string text = batched(kStaffAtSchoolPrefix, kStaffAtSchoolGroup, count, ")");
    db.run(text, Repeat::kSafe, [&](sql::PreparedStatement& ps) {
      store::bind(ps, 1, school_id);
      for (std::size_t i = 0; i < count; ++i)
        store::bind(ps, static_cast<int>(i + 2), person_ids[first + i]);
      auto rs = query(ps);
      while (rs->next()) found.insert(rs->getInt64("person_id"));
    });
  });
  return found;
}

std::optional<std::int64_t> insert_staff(Db& db, const StaffRow& s, TimePoint now) {
  std::int64_t id = 0;
  try {
    id = db.run(kInsertStaff, Repeat::kUnsafe, [&](sql::PreparedStatement& ps) {
      return returned_id(
          bind_all(ps, s.school_id, s.person_id, s.name, format_date(s.birth_date), s.phone, now));
    });
  } catch (const sql::SQLException& e) {
    if (e.getErrorCode() == kDuplicateKey) return std::nullopt;
    throw;
  }
  refresh_person_contacts(db, {s.person_id});
  return id;
}

void insert_staff_rows(Db& db, const std::vector<StaffRow>& staff, TimePoint now) {
  in_batches(staff.size(), [&](std::size_t first, std::size_t count) {
    std::string text = batched(kInsertStaffPrefix, kInsertStaffGroup, count, "");
    db.run(text, Repeat::kUnsafe, [&](sql::PreparedStatement& ps) {
      int index = 0;
      for (std::size_t i = first; i < first + count; ++i) {
        const StaffRow& s = staff[i];
        store::bind(ps, ++index, s.school_id);
        store::bind(ps, ++index, s.person_id);
        store::bind(ps, ++index, s.name);
        store::bind(ps, ++index, format_date(s.birth_date));
        store::bind(ps, ++index, s.phone);
        store::bind(ps, ++index, now);
      }
      ps.executeUpdate();
    });
  });
  std::vector<std::int64_t> person_ids;
  for (const StaffRow& row : staff) person_ids.push_back(row.person_id);
  std::sort(person_ids.begin(), person_ids.end());
  person_ids.erase(std::unique(person_ids.begin(), person_ids.end()), person_ids.end());
  refresh_person_contacts(db, person_ids);
}

std::vector<StaffListing> list_staff(Db& db, std::int64_t school_id, int school_year) {
  return db.run(kListStaff, Repeat::kSafe, [&](sql::PreparedStatement& ps) {
    std::vector<StaffListing> rows;
    auto rs = query(bind_all(ps, school_year, school_year, school_id));
    while (rs->next()) {
      StaffListing row;
      row.id_masked = rs->getString("id_masked");
      row.name = rs->getString("name");
      row.birth_date = read_date(*rs, "birth");
      row.phone = read_optional_text(*rs, "phone");
      if (!rs->isNull("duty_list")) {
        std::string list = rs->getString("duty_list");
        std::size_t start = 0;
        for (;;) {
          std::size_t tab = list.find('\t', start);
          row.duties.push_back(list.substr(start, tab - start));
          if (tab == std::string::npos) break;
          start = tab + 1;
        }
      }
      row.has_account = rs->getBoolean("has_account");
      row.removed = rs->getBoolean("removed");
      rows.push_back(std::move(row));
    }
    return rows;
  });
}

bool insert_duty(Db& db, std::int64_t staff_id, int school_year, const std::string& duty,
                 TimePoint now) {
  return db.run(kInsertDuty, Repeat::kUnsafe, [&](sql::PreparedStatement& ps) {
    return bind_all(ps, staff_id, school_year, duty, now).executeUpdate() == 1;
  });
}

std::vector<SchoolDutyCount> duty_counts_per_school(Db& db, int school_year) {
  return db.run(kDutyCounts, Repeat::kSafe, [&](sql::PreparedStatement& ps) {
    std::vector<SchoolDutyCount> rows;
    auto rs = query(bind_all(ps, school_year));
    while (rs->next()) {
      rows.push_back({rs->getString("code"), rs->getString("name"), rs->getInt64("staff_total"),
                      rs->getInt64("with_duties")});
    }
    return rows;
  });
}

}  // namespace xueji::store
