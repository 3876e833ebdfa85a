// email_code_store.cpp: the SQL of e-mail verification codes.
#include "sql/email_code_store.h"

#include <tuple>

namespace xueji::store {
namespace {

const std::string kNewestCode =
    "SELECT id, address, prefix, HEX(code_hmac) AS code_hex, sent_at, expires_at, tries, state "
    "FROM email_codes WHERE session_hash = UNHEX(?) AND purpose = ? "
    "ORDER BY sent_at DESC, id DESC LIMIT 1";
const std::string kEarlierCodes =
    "SELECT id, address, prefix, HEX(code_hmac) AS code_hex, sent_at, expires_at, tries, state "
    "FROM email_codes WHERE session_hash = UNHEX(?) AND purpose = ? AND id <> ? AND sent_at > ? "
    "ORDER BY sent_at DESC, id DESC LIMIT 20";
const std::string kSessionSends =
    "SELECT COUNT(*) AS sends, MIN(sent_at) AS oldest, MAX(sent_at) AS newest FROM email_codes "
    "WHERE session_hash = UNHEX(?) AND purpose = ? AND sent_at > ?";
const std::string kAddressSends =
    "SELECT COUNT(*) AS sends, MIN(sent_at) AS oldest FROM email_codes "
    "WHERE address = ? AND sent_at > ?";
const std::string kLockSessionRow = "SELECT 1 FROM sessions WHERE id_hash = UNHEX(?) FOR UPDATE";
const std::string kSupersedeLiveCodes =
    "UPDATE email_codes SET state = 'superseded' "
    "WHERE session_hash = UNHEX(?) AND purpose = ? AND state = 'live'";
const std::string kInsertCode =
    "INSERT INTO email_codes (session_hash, purpose, address, prefix, code_hmac, sent_at, "
    "expires_at, tries, state) VALUES (UNHEX(?), ?, ?, ?, UNHEX(?), ?, ?, 0, 'live') RETURNING id";
const std::string kConsumeCode =
    "UPDATE email_codes SET state = 'used' "
    "WHERE id = ? AND state = 'live' AND expires_at > ? AND tries < ?";
// The state is assigned first, from the tries before this one (MariaDB assigns left to right).
const std::string kCountWrongTry =
    "UPDATE email_codes SET state = IF(tries + 1 >= ?, 'dead', state), tries = tries + 1 "
    "WHERE id = ? AND state = 'live'";
const std::string kCodeState = "SELECT state FROM email_codes WHERE id = ?";

}  // namespace

EmailCodeRow read_code(sql::ResultSet& rs) {
  EmailCodeRow row;
  row.id = rs.getInt64("id");
  row.address = rs.getString("address");
  row.prefix = rs.getString("prefix");
  row.code_hmac = read_bytes(rs, "code_hex");
  row.sent_at = read_time(rs, "sent_at");
  row.expires_at = read_time(rs, "expires_at");
  row.tries = rs.getInt("tries");
  row.state = rs.getString("state");
  return row;
}

bool is_newer(const EmailCodeRow& a, const EmailCodeRow& b) {
  return std::tie(a.sent_at, a.id) > std::tie(b.sent_at, b.id);
}

std::optional<EmailCodeRow> newest_email_code(Db& db, const std::string& session_hash,
                                              const std::string& purpose) {
  return db.run(kNewestCode, Repeat::kSafe,
                [&](sql::PreparedStatement& ps) -> std::optional<EmailCodeRow> {
                  auto rs = query(bind_all(ps, Bytes{session_hash}, purpose));
                  if (!rs->next()) return std::nullopt;
                  return read_code(*rs);
                });
}

std::vector<EmailCodeRow> earlier_email_codes(Db& db, const std::string& session_hash,
                                              const std::string& purpose, std::int64_t newest_id,
                                              TimePoint since) {
  return db.run(kEarlierCodes, Repeat::kSafe, [&](sql::PreparedStatement& ps) {
    auto rs = query(bind_all(ps, Bytes{session_hash}, purpose, newest_id, since));
    std::vector<EmailCodeRow> rows;
    while (rs->next()) rows.push_back(read_code(*rs));
    return rows;
  });
}

SendHistory email_send_history(Db& db, const std::string& session_hash, const std::string& purpose,
                               const std::string& address, TimePoint since) {
  SendHistory history;
  db.run(kSessionSends, Repeat::kSafe, [&](sql::PreparedStatement& ps) {
    auto rs = query(bind_all(ps, Bytes{session_hash}, purpose, since));
    if (!rs->next()) return;
    history.session_sends = rs->getInt("sends");
    history.session_oldest = read_optional_time(*rs, "oldest");
    history.session_newest = read_optional_time(*rs, "newest");
  });
  db.run(kAddressSends, Repeat::kSafe, [&](sql::PreparedStatement& ps) {
    auto rs = query(bind_all(ps, address, since));
    if (!rs->next()) return;
    history.address_sends = rs->getInt("sends");
    history.address_oldest = read_optional_time(*rs, "oldest");
  });
  return history;
}

void lock_session_row(Db& db, const std::string& session_hash) {
  db.run(kLockSessionRow, Repeat::kSafe, [&](sql::PreparedStatement& ps) {
    auto rs = query(bind_all(ps, Bytes{session_hash}));
    while (rs->next()) {
    }
  });
}

std::int64_t replace_email_code(Db& db, const std::string& session_hash, const std::string& purpose,
                                const std::string& address, const std::string& prefix,
                                const std::string& code_hmac, TimePoint now, TimePoint expires_at) {
  db.run(kSupersedeLiveCodes, Repeat::kSafe, [&](sql::PreparedStatement& ps) {
    bind_all(ps, Bytes{session_hash}, purpose).executeUpdate();
  });
  return db.run(kInsertCode, Repeat::kUnsafe, [&](sql::PreparedStatement& ps) {
    return returned_id(bind_all(ps, Bytes{session_hash}, purpose, address, prefix,
                                Bytes{code_hmac}, now, expires_at));
  });
}

bool consume_email_code(Db& db, std::int64_t id, TimePoint now) {
  // Not repeated after a lost connection: the first attempt may have consumed it already.
  return db.run(kConsumeCode, Repeat::kUnsafe, [&](sql::PreparedStatement& ps) {
    return bind_all(ps, id, now, kEmailCodeMaxTries).executeUpdate() == 1;
  });
}

WrongTry count_wrong_email_code(Db& db, std::int64_t id) {
  WrongTry result;
  result.counted = db.run(kCountWrongTry, Repeat::kUnsafe, [&](sql::PreparedStatement& ps) {
    return bind_all(ps, kEmailCodeMaxTries, id).executeUpdate() == 1;
  });
  if (!result.counted) return result;
  result.killed = db.run(kCodeState, Repeat::kSafe, [&](sql::PreparedStatement& ps) {
    auto rs = query(bind_all(ps, id));
    return rs->next() && rs->getString("state") == "dead";
  });
  return result;
}

}  // namespace xueji::store
