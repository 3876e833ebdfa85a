// school_admin_store.cpp: the SQL of school_admin_store.h.
#include "sql/school_admin_store.h"

#include <map>
#include <set>

namespace xueji::store {
namespace {

const std::string kListPosts =
    "SELECT duty, MAX(approved) AS approved, MAX(assigned) AS assigned FROM ("
    " SELECT duty, approved_count AS approved, 0 AS assigned FROM approved_posts"
    " WHERE school_id = ?"
    " UNION ALL"
    " SELECT d.duty, 0, COUNT(*) FROM duties d JOIN staff s ON s.id = d.staff_id"
    " WHERE s.school_id = ? AND d.school_year = ? GROUP BY d.duty"
    ") x GROUP BY duty ORDER BY duty";
const std::string kSetPosts =
    "INSERT INTO approved_posts (school_id, duty, approved_count, updated_at) VALUES (?, ?, ?, ?) "
    "ON DUPLICATE KEY UPDATE approved_count = VALUES(approved_count), "
    "updated_at = VALUES(updated_at)";
const std::string kLockPosts =
    "SELECT approved_count FROM approved_posts WHERE school_id = ? AND duty = ? FOR UPDATE";
const std::string kHolders =
    "SELECT COUNT(*) AS n FROM duties d JOIN staff s ON s.id = d.staff_id "
    "WHERE s.school_id = ? AND d.school_year = ? AND d.duty = ?";
const std::string kHolds =
    "SELECT COUNT(*) AS n FROM duties WHERE staff_id = ? AND school_year = ? AND duty = ?";
const std::string kInsertDuty =
    "INSERT IGNORE INTO duties (staff_id, school_year, duty, created_at) VALUES (?, ?, ?, ?)";
const std::string kRemoveDuty =
    "DELETE FROM duties WHERE staff_id = ? AND school_year = ? AND duty = ?";

const std::string kStaffSelect =
    "SELECT s.id AS staff_id, s.person_id, p.id_masked, s.name, "
    "DATE_FORMAT(s.birth_date, '%Y-%m-%d') AS birth, s.phone, "
    "(SELECT GROUP_CONCAT(d.duty ORDER BY d.id SEPARATOR '\\t') FROM duties d "
    " WHERE d.staff_id = s.id AND d.school_year = ?) AS duty_list, "
    "a.id AS account_id, a.login_name, a.created_at AS account_created_at, a.locked_until, "
    "a.password_changed_at, a.totp_bound_at, a.last_login_at, a.email, a.email_verified_at "
    "FROM staff s JOIN persons p ON p.id = s.person_id "
    "LEFT JOIN accounts a ON a.person_id = s.person_id "
    "WHERE s.school_id = ? AND NOT EXISTS (SELECT 1 FROM staff_removals r "
    " WHERE r.staff_id = s.id AND r.school_year = ?)";
const std::string kListStaff = kStaffSelect + " ORDER BY s.id";
const std::string kFindStaff = kStaffSelect + " AND s.id = ?";

const std::string kStaffPerson = "SELECT person_id FROM staff WHERE id = ? AND school_id = ?";
const std::string kUpdateContact =
    "UPDATE staff SET name = ?, phone = ? WHERE id = ? AND school_id = ?";
const std::string kUnremove = "DELETE FROM staff_removals WHERE staff_id = ? AND school_year = ?";
const std::string kRemoveYearDuties = "DELETE FROM duties WHERE staff_id = ? AND school_year = ?";
const std::string kInsertRemoval =
    "INSERT IGNORE INTO staff_removals (staff_id, school_year, removed_at) VALUES (?, ?, ?)";

const std::string kCarry =
    "SELECT s.id AS staff_id, s.name, p.id_masked, d.duty FROM duties d "
    "JOIN staff s ON s.id = d.staff_id JOIN persons p ON p.id = s.person_id "
    "WHERE s.school_id = ? AND d.school_year = ? "
    "AND NOT EXISTS (SELECT 1 FROM staff_removals r WHERE r.staff_id = s.id "
    " AND r.school_year = ?) "
    "AND NOT EXISTS (SELECT 1 FROM duties d2 WHERE d2.staff_id = s.id AND d2.school_year = ? "
    " AND d2.duty = d.duty) "
    "ORDER BY s.id, d.id";

const std::string kGrantHelpdesk =
    "INSERT IGNORE INTO helpdesk_accounts (account_id, granted_at) VALUES (?, ?)";
const std::string kRevokeHelpdesk = "DELETE FROM helpdesk_accounts WHERE account_id = ?";
const std::string kIsHelpdesk = "SELECT COUNT(*) AS n FROM helpdesk_accounts WHERE account_id = ?";

const std::string kRetireTokens =
    "UPDATE account_tokens SET used_at = ? WHERE account_id = ? AND used_at IS NULL";
const std::string kInsertToken =
    "INSERT INTO account_tokens (token_hash, account_id, purpose, address, created_at, "
    "expires_at) VALUES (UNHEX(?), ?, ?, ?, ?, ?)";
const std::string kFindToken =
    "SELECT account_id, purpose, address, expires_at FROM account_tokens "
    "WHERE token_hash = UNHEX(?) AND used_at IS NULL AND expires_at > ?";
const std::string kConsumeToken =
    "UPDATE account_tokens SET used_at = ? WHERE token_hash = UNHEX(?) AND used_at IS NULL "
    "AND expires_at > ?";
const std::string kSetVerifiedEmail =
    "UPDATE accounts SET email = ?, email_verified_at = ? WHERE id = ?";

const std::string kSchoolAudit =
    "SELECT l.at, COALESCE(a.login_name, l.actor) AS actor_name, l.action, "
    "COALESCE(l.target, '') AS target_text, COALESCE(l.client_addr, '') AS addr "
    "FROM audit_log l LEFT JOIN accounts a ON l.actor LIKE 'account:%' "
    " AND a.id = CAST(SUBSTRING(l.actor, 9) AS UNSIGNED) "
    "WHERE l.school_id = ? "
    "AND (? = '' OR COALESCE(a.login_name, l.actor) LIKE ? OR l.target LIKE ?) "
    "AND l.action LIKE ? "
    "ORDER BY l.at DESC, l.id DESC LIMIT ?";

int count_of(Db& db, const std::string& text, std::int64_t a, int b, const std::string& c) {
  return db.run(text, Repeat::kSafe, [&](sql::PreparedStatement& ps) {
    auto rs = query(bind_all(ps, a, b, c));
    rs->next();
    return rs->getInt("n");
  });
}

std::vector<std::string> split_tabs(const std::string& list) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    std::size_t tab = list.find('\t', start);
    out.push_back(list.substr(start, tab - start));
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
  return out;
}

AdminStaff read_staff(sql::ResultSet& rs) {
  AdminStaff row;
  row.staff_id = rs.getInt64("staff_id");
  row.person_id = rs.getInt64("person_id");
  row.id_masked = rs.getString("id_masked");
  row.name = rs.getString("name");
  row.birth_date = read_date(rs, "birth");
  row.phone = read_optional_text(rs, "phone");
  if (!rs.isNull("duty_list")) row.duties = split_tabs(rs.getString("duty_list"));
  if (!rs.isNull("account_id")) {
    row.account_id = rs.getInt64("account_id");
    row.login_name = rs.getString("login_name");
    row.account_created_at = read_optional_time(rs, "account_created_at");
    row.locked_until = read_optional_time(rs, "locked_until");
    row.password_changed_at = read_optional_time(rs, "password_changed_at");
    row.totp_bound_at = read_optional_time(rs, "totp_bound_at");
    row.last_login_at = read_optional_time(rs, "last_login_at");
    row.email = read_optional_text(rs, "email").value_or("");
    row.email_verified_at = read_optional_time(rs, "email_verified_at");
  }
  return row;
}

// LIKE text matching `typed` literally.
std::string like_escaped(const std::string& typed) {
  std::string out;
  for (char c : typed) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

}  // namespace

std::vector<PostCount> list_posts(Db& db, std::int64_t school_id, int school_year) {
  return db.run(kListPosts, Repeat::kSafe, [&](sql::PreparedStatement& ps) {
    std::vector<PostCount> rows;
    auto rs = query(bind_all(ps, school_id, school_id, school_year));
    while (rs->next()) {
      rows.push_back({rs->getString("duty"), rs->getInt("approved"), rs->getInt("assigned")});
    }
    return rows;
  });
}

void set_posts(Db& db, std::int64_t school_id, const std::string& duty, int count,
               TimePoint now) {
  db.run(kSetPosts, Repeat::kSafe, [&](sql::PreparedStatement& ps) {
    bind_all(ps, school_id, duty, count, now).executeUpdate();
  });
}

std::vector<AdminStaff> list_school_staff(Db& db, std::int64_t school_id, int school_year) {
  return db.run(kListStaff, Repeat::kSafe, [&](sql::PreparedStatement& ps) {
    std::vector<AdminStaff> rows;
    auto rs = query(bind_all(ps, school_year, school_id, school_year));
    while (rs->next()) rows.push_back(read_staff(*rs));
    return rows;
  });
}

std::optional<AdminStaff> find_school_staff(Db& db, std::int64_t school_id, std::int64_t staff_id,
                                            int school_year) {
  return db.run(kFindStaff, Repeat::kSafe,
                [&](sql::PreparedStatement& ps) -> std::optional<AdminStaff> {
                  auto rs = query(bind_all(ps, school_year, school_id, school_year, staff_id));
                  if (!rs->next()) return std::nullopt;
                  return read_staff(*rs);
                });
}

AddStaffResult add_staff(Db& db, std::int64_t school_id, const NewStaff& staff, int school_year,
                         TimePoint now) {
  auto person = find_person_row(db, staff.id_hmac);
  if (person && person->birth_date != staff.birth_date) return AddStaffResult::kBirthDateDiffers;
  if (person) {
    if (auto existing = find_staff_row(db, school_id, person->id)) {
      bool removed = db.run(kUnremove, Repeat::kUnsafe, [&](sql::PreparedStatement& ps) {
        return bind_all(ps, existing->id, school_year).executeUpdate() > 0;
      });
      if (!removed) return AddStaffResult::kAlreadyStaff;
      update_staff_contact(db, school_id, existing->id, staff.name, staff.phone);
      return AddStaffResult::kRestored;
    }
  }
  std::int64_t person_id =
      person ? person->id
             : insert_person(db, staff.id_hmac, staff.id_masked, staff.birth_date, now);
  StaffRow row{0, school_id, person_id, staff.name, staff.birth_date, staff.phone};
  if (!insert_staff(db, row, now)) return AddStaffResult::kAlreadyStaff;
  return person ? AddStaffResult::kAddedKnownPerson : AddStaffResult::kAdded;
}

bool update_staff_contact(Db& db, std::int64_t school_id, std::int64_t staff_id,
                          const std::string& name, const std::optional<std::string>& phone) {
  std::optional<std::int64_t> person_id =
      db.run(kStaffPerson, Repeat::kSafe, [&](sql::PreparedStatement& ps) {
        auto rs = query(bind_all(ps, staff_id, school_id));
        return rs->next() ? std::optional<std::int64_t>(rs->getInt64("person_id")) : std::nullopt;
      });
  if (!person_id) return false;
  db.run(kUpdateContact, Repeat::kSafe, [&](sql::PreparedStatement& ps) {
    bind_all(ps, name, phone, staff_id, school_id).executeUpdate();
  });
  refresh_person_contacts(db, {*person_id});
  return true;
}

bool remove_staff_for_year(Db& db, std::int64_t school_id, std::int64_t staff_id, int school_year,
                           TimePoint now) {
  bool here = db.run(kStaffPerson, Repeat::kSafe, [&](sql::PreparedStatement& ps) {
    return query(bind_all(ps, staff_id, school_id))->next();
  });
  if (!here) return false;
  db.run(kRemoveYearDuties, Repeat::kSafe, [&](sql::PreparedStatement& ps) {
    bind_all(ps, staff_id, school_year).executeUpdate();
  });
  db.run(kInsertRemoval, Repeat::kSafe, [&](sql::PreparedStatement& ps) {
    bind_all(ps, staff_id, school_year, now).executeUpdate();
  });
  return true;
}

AssignResult assign_duty(Db& db, std::int64_t school_id, std::int64_t staff_id, int school_year,
                         const std::string& duty, bool within_posts, TimePoint now) {
  if (within_posts) {
    std::optional<int> approved =
        db.run(kLockPosts, Repeat::kSafe, [&](sql::PreparedStatement& ps) {
          auto rs = query(bind_all(ps, school_id, duty));
          return rs->next() ? std::optional<int>(rs->getInt("approved_count")) : std::nullopt;
        });
    if (count_of(db, kHolds, staff_id, school_year, duty) > 0) return AssignResult::kAlreadyHeld;
    if (!approved || *approved <= 0) return AssignResult::kNoPostsApproved;
    if (count_of(db, kHolders, school_id, school_year, duty) >= *approved) {
      return AssignResult::kPostsFull;
    }
  }
  bool inserted = db.run(kInsertDuty, Repeat::kUnsafe, [&](sql::PreparedStatement& ps) {
    return bind_all(ps, staff_id, school_year, duty, now).executeUpdate() == 1;
  });
  return inserted ? AssignResult::kAssigned : AssignResult::kAlreadyHeld;
}

bool remove_duty(Db& db, std::int64_t staff_id, int school_year, const std::string& duty) {
  return db.run(kRemoveDuty, Repeat::kSafe, [&](sql::PreparedStatement& ps) {
    return bind_all(ps, staff_id, school_year, duty).executeUpdate() > 0;
  });
}

std::vector<CarriedDuty> duties_to_carry(Db& db, std::int64_t school_id, int from_year,
                                         int to_year) {
  return db.run(kCarry, Repeat::kSafe, [&](sql::PreparedStatement& ps) {
    std::vector<CarriedDuty> rows;
    auto rs = query(bind_all(ps, school_id, from_year, to_year, to_year));
    while (rs->next()) {
      rows.push_back({rs->getInt64("staff_id"), rs->getString("name"), rs->getString("id_masked"),
                      rs->getString("duty")});
    }
    return rows;
  });
}

std::vector<ImportConflict> import_conflicts(Db& db, std::int64_t school_id,
                                             const std::string& school_text,
                                             const std::vector<ImportRow>& rows) {
  std::vector<std::string> hmacs;
  hmacs.reserve(rows.size());
  for (const ImportRow& row : rows) hmacs.push_back(row.id_hmac);
  std::map<std::string, PersonRow> known = find_person_rows(db, hmacs);
  std::vector<std::int64_t> known_ids;
  for (const auto& [hmac, person] : known) known_ids.push_back(person.id);
  std::set<std::int64_t> staff_here = persons_with_staff_at(db, school_id, known_ids);
  std::vector<ImportConflict> conflicts;
  for (const ImportRow& row : rows) {
    auto it = known.find(row.id_hmac);
    if (it == known.end()) continue;
    std::string prefix = "第 " + std::to_string(row.line) + " 行：";
    if (it->second.birth_date != row.birth_date) {
      conflicts.push_back({row.line, prefix + row.id_masked +
                                         " 已有人員資料，但出生日期與檔案中的不同；請確認出生日期"});
    } else if (staff_here.count(it->second.id)) {
      conflicts.push_back({row.line, prefix + row.id_masked + " 已是 " + school_text + " 的教職員"});
    }
  }
  return conflicts;
}

std::vector<ImportConflict> import_staff(Db& db, std::int64_t school_id,
                                         const std::string& school_text,
                                         const std::vector<ImportRow>& rows, TimePoint now,
                                         std::size_t& new_persons) {
  std::vector<ImportConflict> conflicts = import_conflicts(db, school_id, school_text, rows);
  if (!conflicts.empty()) return conflicts;
  std::vector<std::string> hmacs;
  for (const ImportRow& row : rows) hmacs.push_back(row.id_hmac);
  std::map<std::string, PersonRow> known = find_person_rows(db, hmacs);
  std::vector<NewPerson> persons;
  std::vector<std::string> new_hmacs;
  for (const ImportRow& row : rows) {
    if (known.count(row.id_hmac)) continue;
    persons.push_back({row.id_hmac, row.id_masked, row.birth_date});
    new_hmacs.push_back(row.id_hmac);
  }
  insert_persons(db, persons, now);
  for (auto& [hmac, person] : find_person_rows(db, new_hmacs)) known.emplace(hmac, person);
  std::vector<StaffRow> staff;
  staff.reserve(rows.size());
  for (const ImportRow& row : rows) {
    staff.push_back(
        {0, school_id, known.at(row.id_hmac).id, row.name, row.birth_date, row.phone});
  }
  insert_staff_rows(db, staff, now);
  new_persons = persons.size();
  return {};
}

bool grant_helpdesk(Db& db, std::int64_t account_id, TimePoint now) {
  return db.run(kGrantHelpdesk, Repeat::kSafe, [&](sql::PreparedStatement& ps) {
    return bind_all(ps, account_id, now).executeUpdate() > 0;
  });
}

bool revoke_helpdesk(Db& db, std::int64_t account_id) {
  return db.run(kRevokeHelpdesk, Repeat::kSafe, [&](sql::PreparedStatement& ps) {
    return bind_all(ps, account_id).executeUpdate() > 0;
  });
}

bool is_helpdesk(Db& db, std::int64_t account_id) {
  return db.run(kIsHelpdesk, Repeat::kSafe, [&](sql::PreparedStatement& ps) {
    auto rs = query(bind_all(ps, account_id));
    rs->next();
    return rs->getInt("n") > 0;
  });
}

void insert_account_token(Db& db, const std::string& token_hash, std::int64_t account_id,
                          const std::string& purpose, const std::string& address, TimePoint now,
                          TimePoint expires_at) {
  db.run(kRetireTokens, Repeat::kSafe, [&](sql::PreparedStatement& ps) {
    bind_all(ps, now, account_id).executeUpdate();
  });
  db.run(kInsertToken, Repeat::kUnsafe, [&](sql::PreparedStatement& ps) {
    bind_all(ps, Bytes{token_hash}, account_id, purpose, address, now, expires_at).executeUpdate();
  });
}

std::optional<AccountToken> find_account_token(Db& db, const std::string& token_hash,
                                               TimePoint now) {
  return db.run(kFindToken, Repeat::kSafe,
                [&](sql::PreparedStatement& ps) -> std::optional<AccountToken> {
                  auto rs = query(bind_all(ps, Bytes{token_hash}, now));
                  if (!rs->next()) return std::nullopt;
                  return AccountToken{rs->getInt64("account_id"), rs->getString("purpose"),
                                      rs->getString("address"), read_time(*rs, "expires_at")};
                });
}

bool consume_account_token(Db& db, const std::string& token_hash, TimePoint now) {
  return db.run(kConsumeToken, Repeat::kUnsafe, [&](sql::PreparedStatement& ps) {
    return bind_all(ps, now, Bytes{token_hash}, now).executeUpdate() == 1;
  });
}

void set_verified_email(Db& db, std::int64_t account_id, const std::string& address,
                        TimePoint now) {
  db.run(kSetVerifiedEmail, Repeat::kSafe, [&](sql::PreparedStatement& ps) {
    bind_all(ps, address, now, account_id).executeUpdate();
  });
}

std::vector<SchoolAuditRow> school_audit(Db& db, std::int64_t school_id, const std::string& person,
                                         const std::string& action, int limit) {
  std::string like = "%" + like_escaped(person) + "%";
  return db.run(kSchoolAudit, Repeat::kSafe, [&](sql::PreparedStatement& ps) {
    std::vector<SchoolAuditRow> rows;
    auto rs = query(bind_all(ps, school_id, person, like, like, like_escaped(action) + "%", limit));
    while (rs->next()) {
      rows.push_back({read_time(*rs, "at"), rs->getString("actor_name"), rs->getString("action"),
                      rs->getString("target_text"), rs->getString("addr")});
    }
    return rows;
  });
}

}  // namespace xueji::store
