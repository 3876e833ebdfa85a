// application_store.cpp: the SQL of the application wizard.
#include "sql/application_store.h"

#include "core/account_policy.h"
#include "sql/account_store.h"

namespace xueji::store {
namespace {

constexpr int kDuplicateKey = 1062;
constexpr int kDeadlock = 1213;

// The person's name and phone are the copy of its newest staff record kept on persons
// (008_person_contact.sql); a NULL name means no staff record, so no applicant. Every staff
// record has the person's birth date, so persons.birth_date decides the match. A person has at
// most one account (unique person_id): one row at most.
const std::string kApplicantColumns =
    "p.id, HEX(p.id_hmac) AS hmac_hex, p.id_masked, p.birth_date AS birth, p.name, p.phone, "
    "a.id AS account_id, a.login_name AS account_name";
const std::string kFindApplicant =
    "SELECT " + kApplicantColumns + " FROM persons p LEFT JOIN accounts a ON a.person_id = p.id "
    "WHERE p.id = ? AND p.name IS NOT NULL";
// 身分驗證 runs this on every submit. From the session row every further table is found by a
// unique key, and STRAIGHT_JOIN spares MariaDB the join-order search. Each table in this join
// took 1 to 2.5 points off the POST's rate as a share of hello's (measured), hence no staff
// table: the person carries what the wizard shows of it.
const std::string kReadIdentityCheck =
    "SELECT STRAIGHT_JOIN " + session_columns() + ", " + kApplicantColumns +
    ", f.failures, f.window_start, f.locked_until FROM sessions s "
    "LEFT JOIN identity_failures f ON f.id_hmac = UNHEX(?) "
    "LEFT JOIN persons p ON p.id_hmac = UNHEX(?) AND p.birth_date = ? AND p.name IS NOT NULL "
    "LEFT JOIN accounts a ON a.person_id = p.id "
    "WHERE s.id_hash = UNHEX(?) AND s.expires_at > ?";
const std::string kEnsureFailureRow =
    "INSERT IGNORE INTO identity_failures (id_hmac, failures, updated_at) VALUES (UNHEX(?), 0, ?)";
const std::string kLockFailureRow =
    "SELECT failures, window_start, locked_until FROM identity_failures WHERE id_hmac = UNHEX(?) "
    "FOR UPDATE";
const std::string kSaveFailures =
    "UPDATE identity_failures SET failures = ?, window_start = ?, locked_until = ?, updated_at = ? "
    "WHERE id_hmac = UNHEX(?)";
const std::string kLoginKeyInUse = "SELECT 1 FROM accounts WHERE login_key = ?";
const std::string kInsertAccount =
    "INSERT INTO accounts (person_id, login_name, login_key, password_hash, password_changed_at, "
    "email, email_verified_at, phone, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";

// Retiring an ID-number account, in the transaction that creates its holder's new account:
// first every row that names it. password_history and forgot_requests have foreign keys without
// a cascade (the history goes, the 忘記密碼 requests stay for their daily caps but forget the
// account); helpdesk_accounts and account_tokens cascade; sessions and the OIDC codes and
// tokens have no foreign key, but none of them may outlive the account (an id is never reused,
// yet a live session or token of a deleted account must not answer /auth or /oidc/userinfo).
const std::string kRetiredAccountSessions = "DELETE FROM sessions WHERE account_id = ?";
const std::string kRetiredAccountHistory = "DELETE FROM password_history WHERE account_id = ?";
const std::string kRetiredAccountForgot =
    "UPDATE forgot_requests SET account_id = NULL WHERE account_id = ?";
const std::string kRetiredAccountCodes = "DELETE FROM oidc_codes WHERE account_id = ?";
const std::string kRetiredAccountTokens = "DELETE FROM oidc_tokens WHERE account_id = ?";
const std::string kRetiredAccountLinks = "DELETE FROM account_tokens WHERE account_id = ?";
const std::string kRetiredAccountHelpdesk = "DELETE FROM helpdesk_accounts WHERE account_id = ?";
const std::string kRetireAccount = "DELETE FROM accounts WHERE id = ? AND person_id = ?";

void retire_id_number_account(Db& db, std::int64_t account_id, std::int64_t person_id) {
  for (const std::string* statement :
       {&kRetiredAccountSessions, &kRetiredAccountHistory, &kRetiredAccountForgot,
        &kRetiredAccountCodes, &kRetiredAccountTokens, &kRetiredAccountLinks,
        &kRetiredAccountHelpdesk}) {
    db.run(*statement, Repeat::kUnsafe,
           [&](sql::PreparedStatement& ps) { bind_all(ps, account_id).executeUpdate(); });
  }
  db.run(kRetireAccount, Repeat::kUnsafe, [&](sql::PreparedStatement& ps) {
    bind_all(ps, account_id, person_id).executeUpdate();
  });
}

Applicant read_applicant(sql::ResultSet& rs) {
  Applicant a;
  a.person_id = rs.getInt64("id");
  a.id_hmac = read_bytes(rs, "hmac_hex");
  a.id_masked = rs.getString("id_masked");
  a.birth_date = read_date(rs, "birth");
  a.name = rs.getString("name");
  a.phone = read_optional_text(rs, "phone");
  if (!rs.isNull("account_id")) {
    if (is_id_number_account(rs.getString("account_name").c_str())) {
      a.id_number_account = rs.getInt64("account_id");
    } else {
      a.has_account = true;
    }
  }
  return a;
}

FailureCounter read_counter(sql::ResultSet& rs) {
  FailureCounter c;
  c.failures = rs.getInt("failures");
  c.window_start = read_optional_time(rs, "window_start");
  c.locked_until = read_optional_time(rs, "locked_until");
  return c;
}

// Which unique key a 1062 names: "Duplicate entry 'x' for key 'accounts_login_key'".
bool names_key(const sql::SQLException& e, const char* key) {
  return std::string(e.what()).find(key) != std::string::npos;
}

}  // namespace

IdentityCheck read_identity_check(Db& db, const std::string& session_hash, TimePoint now,
                                  const std::string& id_hmac, CivilDate birth_date) {
  return db.run(db.causal(kReadIdentityCheck), Repeat::kSafe, [&](sql::PreparedStatement& ps) {
    auto rs = query(bind_all(ps, Bytes{id_hmac}, Bytes{id_hmac}, format_date(birth_date),
                             Bytes{session_hash}, now));
    IdentityCheck check;
    if (!rs->next()) return check;
    check.session = read_session_row(*rs, session_hash);
    if (!rs->isNull("failures")) check.failures = read_counter(*rs);
    if (!rs->isNull("id")) check.applicant = read_applicant(*rs);
    return check;
  });
}

std::optional<Applicant> find_applicant(Db& db, std::int64_t person_id) {
  return db.run(kFindApplicant, Repeat::kSafe,
                [&](sql::PreparedStatement& ps) -> std::optional<Applicant> {
                  auto rs = query(bind_all(ps, person_id));
                  if (!rs->next()) return std::nullopt;
                  return read_applicant(*rs);
                });
}

FailureCounter record_identity_failure(Db& db, const std::string& id_hmac, TimePoint now) {
  return db.transaction([&] {
    db.run(kEnsureFailureRow, Repeat::kSafe,
           [&](sql::PreparedStatement& ps) { bind_all(ps, Bytes{id_hmac}, now).executeUpdate(); });
    FailureCounter before = db.run(kLockFailureRow, Repeat::kSafe, [&](sql::PreparedStatement& ps) {
      auto rs = query(bind_all(ps, Bytes{id_hmac}));
      return rs->next() ? read_counter(*rs) : FailureCounter{};
    });
    FailureCounter after =
        after_identity_failure(before, kIdentityFailuresPerId, kIdentityIdWindow, now);
    db.run(kSaveFailures, Repeat::kSafe, [&](sql::PreparedStatement& ps) {
      bind_all(ps, after.failures, after.window_start, after.locked_until, now, Bytes{id_hmac})
          .executeUpdate();
    });
    return after;
  });
}

bool login_key_in_use(Db& db, const std::string& login_key) {
  return db.run(kLoginKeyInUse, Repeat::kSafe, [&](sql::PreparedStatement& ps) {
    auto rs = query(bind_all(ps, login_key));
    return rs->next();
  });
}

CreatedAccount create_applied_account(Db& db, const NewAccount& account, const OutgoingMail& mail,
                                      TimePoint now,
                                      const std::function<void(std::int64_t)>& also) {
  // A deadlock between racing inserts is retried once; the loser of a plain race gets 1062.
  for (int attempt = 0;; ++attempt) {
    try {
      std::int64_t id = db.transaction([&] {
        if (account.retire_account) {
          retire_id_number_account(db, *account.retire_account, account.person_id);
        }
        std::int64_t account_id =
            db.run(kInsertAccount, Repeat::kUnsafe, [&](sql::PreparedStatement& ps) {
              return returned_id(bind_all(ps, account.person_id, account.login_name,
                                          account.login_key, account.password_hash, now,
                                          account.email, now, account.phone, now));
            });
        record_password_in_history(db, account_id, account.password_hash, now);
        queue_mail(db, mail, now);
        if (also) also(account_id);
        return account_id;
      });
      return {CreateAccountResult::kCreated, id};
    } catch (const sql::SQLException& e) {
      if (e.getErrorCode() == kDeadlock && attempt == 0) continue;
      if (e.getErrorCode() != kDuplicateKey) throw;
      if (names_key(e, "'accounts_login_key'")) return {CreateAccountResult::kNameTaken, 0};
      if (names_key(e, "'accounts_person'")) return {CreateAccountResult::kPersonHasAccount, 0};
      throw;
    }
  }
}

}  // namespace xueji::store
