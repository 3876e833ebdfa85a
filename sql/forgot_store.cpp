// forgot_store.cpp: the SQL of 忘記密碼 and 忘記帳號.
#include "sql/forgot_store.h"

namespace xueji::store {
namespace {

// The birth date may be the person's or that of any staff record of theirs, as the wizard's
// 身分驗證 accepts it.
const std::string kAccountColumns =
    "SELECT a.id, a.login_name, a.email, (a.email_verified_at IS NOT NULL) AS verified, "
    "(SELECT s.name FROM staff s WHERE s.person_id = a.person_id ORDER BY s.id LIMIT 1) "
    "AS display_name FROM accounts a JOIN persons p ON p.id = a.person_id ";
const std::string kBirthMatches =
    " AND (p.birth_date = ? OR EXISTS (SELECT 1 FROM staff s WHERE s.person_id = p.id "
    "AND s.birth_date = ?))";
const std::string kMatchById = kAccountColumns + "WHERE p.id_hmac = UNHEX(?)" + kBirthMatches;
const std::string kMatchByName = kAccountColumns + "WHERE a.login_key = ?" + kBirthMatches;
const std::string kMatchByBoth =
    kAccountColumns + "WHERE a.login_key = ? AND p.id_hmac = UNHEX(?)" + kBirthMatches;
const std::string kFindById = kAccountColumns + "WHERE a.id = ?";

const std::string kLockAccount = "SELECT id FROM accounts WHERE id = ? FOR UPDATE";
const std::string kMailedRequests =
    "SELECT COUNT(*) AS mailed FROM forgot_requests "
    "WHERE account_id = ? AND kind = ? AND mailed = 1 AND requested_at > ?";
const std::string kSessionRequests =
    "SELECT COUNT(*) AS sends, MIN(requested_at) AS oldest, MAX(requested_at) AS newest "
    "FROM forgot_requests WHERE session_hash = UNHEX(?) AND kind = ? AND requested_at > ?";
const std::string kInsertRequest =
    "INSERT INTO forgot_requests (kind, session_hash, account_id, code_id, mailed, requested_at) "
    "VALUES (?, UNHEX(?), ?, ?, ?, ?)";
const std::string kRequestOfCode =
    "SELECT kind, HEX(session_hash) AS session_hex, account_id, code_id, mailed "
    "FROM forgot_requests WHERE code_id = ?";
const std::string kWithdrawMail = "DELETE FROM outbox WHERE id = ? AND state = 'pending'";
const std::string kDeleteSessionCaptchas = "DELETE FROM captchas WHERE session_hash = UNHEX(?)";
const std::string kDeleteSession = "DELETE FROM sessions WHERE id_hash = UNHEX(?)";
const std::string kRetireResetCodes =
    "UPDATE email_codes e JOIN forgot_requests r ON r.code_id = e.id SET e.state = 'superseded' "
    "WHERE r.account_id = ? AND r.kind = ? AND r.mailed = 1 AND e.state = 'live'";

ForgotAccount read_account(sql::ResultSet& rs) {
  ForgotAccount a;
  a.id = rs.getInt64("id");
  a.login_name = rs.getString("login_name");
  if (!rs.isNull("email")) a.email = rs.getString("email");
  a.email_verified = rs.getInt("verified") != 0 && !a.email.empty();
  if (!rs.isNull("display_name")) a.display_name = rs.getString("display_name");
  return a;
}

template <class... Keys>
std::optional<ForgotAccount> find_one(Db& db, const std::string& sql_text, const Keys&... keys) {
  return db.run(sql_text, Repeat::kSafe,
                [&](sql::PreparedStatement& ps) -> std::optional<ForgotAccount> {
                  auto rs = query(bind_all(ps, keys...));
                  if (!rs->next()) return std::nullopt;
                  return read_account(*rs);
                });
}

}  // namespace

std::optional<ForgotAccount> match_forgot_by_id(Db& db, const std::string& id_hmac,
                                                CivilDate birth_date) {
  std::string birth = format_date(birth_date);
  return find_one(db, kMatchById, Bytes{id_hmac}, birth, birth);
}

std::optional<ForgotAccount> match_forgot_by_name(Db& db, const std::string& login_key,
                                                  CivilDate birth_date) {
  std::string birth = format_date(birth_date);
  return find_one(db, kMatchByName, login_key, birth, birth);
}

std::optional<ForgotAccount> match_forgot_by_both(Db& db, const std::string& login_key,
                                                  const std::string& id_hmac,
                                                  CivilDate birth_date) {
  std::string birth = format_date(birth_date);
  return find_one(db, kMatchByBoth, login_key, Bytes{id_hmac}, birth, birth);
}

std::optional<ForgotAccount> find_forgot_account(Db& db, std::int64_t account_id) {
  return find_one(db, kFindById, account_id);
}

void lock_forgot_account(Db& db, std::int64_t account_id) {
  db.run(kLockAccount, Repeat::kSafe, [&](sql::PreparedStatement& ps) {
    auto rs = query(bind_all(ps, account_id));
    while (rs->next()) {
    }
  });
}

int mailed_forgot_requests(Db& db, std::int64_t account_id, const std::string& kind,
                           TimePoint since) {
  return db.run(kMailedRequests, Repeat::kSafe, [&](sql::PreparedStatement& ps) {
    auto rs = query(bind_all(ps, account_id, kind, since));
    return rs->next() ? rs->getInt("mailed") : 0;
  });
}

SendHistory forgot_session_history(Db& db, const std::string& session_hash, const std::string& kind,
                                   TimePoint since) {
  SendHistory history;
  db.run(kSessionRequests, Repeat::kSafe, [&](sql::PreparedStatement& ps) {
    auto rs = query(bind_all(ps, Bytes{session_hash}, kind, since));
    if (!rs->next()) return;
    history.session_sends = rs->getInt("sends");
    history.session_oldest = read_optional_time(*rs, "oldest");
    history.session_newest = read_optional_time(*rs, "newest");
  });
  return history;
}

void insert_forgot_request(Db& db, const ForgotRequest& request, TimePoint now) {
  db.run(kInsertRequest, Repeat::kUnsafe, [&](sql::PreparedStatement& ps) {
    bind_all(ps, request.kind, Bytes{request.session_hash}, request.account_id, request.code_id,
             request.mailed ? 1 : 0, now)
        .executeUpdate();
  });
}

std::optional<ForgotRequest> request_of_reset_code(Db& db, std::int64_t code_id) {
  return db.run(kRequestOfCode, Repeat::kSafe,
                [&](sql::PreparedStatement& ps) -> std::optional<ForgotRequest> {
                  auto rs = query(bind_all(ps, code_id));
                  if (!rs->next()) return std::nullopt;
                  ForgotRequest r;
                  r.kind = rs->getString("kind");
                  r.session_hash = read_bytes(*rs, "session_hex");
                  if (!rs->isNull("account_id")) r.account_id = rs->getInt64("account_id");
                  if (!rs->isNull("code_id")) r.code_id = rs->getInt64("code_id");
                  r.mailed = rs->getInt("mailed") != 0;
                  return r;
                });
}

void withdraw_queued_mail(Db& db, std::int64_t outbox_id) {
  db.run(kWithdrawMail, Repeat::kSafe,
         [&](sql::PreparedStatement& ps) { bind_all(ps, outbox_id).executeUpdate(); });
}

void delete_reset_session(Db& db, const std::string& session_hash) {
  for (const std::string* statement : {&kDeleteSessionCaptchas, &kDeleteSession}) {
    db.run(*statement, Repeat::kSafe,
           [&](sql::PreparedStatement& ps) { bind_all(ps, Bytes{session_hash}).executeUpdate(); });
  }
}

int retire_account_reset_codes(Db& db, std::int64_t account_id) {
  return db.run(kRetireResetCodes, Repeat::kSafe, [&](sql::PreparedStatement& ps) {
    return bind_all(ps, account_id, kForgotResetKind).executeUpdate();
  });
}

}  // namespace xueji::store
