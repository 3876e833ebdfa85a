// session_store.cpp: the SQL of the sessions table.
#include "sql/session_store.h"

namespace xueji::store {

// Prefixed, so a query may also select accounts' person_id and the like. A function, not a
// global, so that other files' statement texts may be built from it during static start-up.
const std::string& session_columns() {
  static const std::string columns =
      "s.kind AS s_kind, s.csrf_token AS s_csrf, s.person_id AS s_person_id, "
      "s.account_id AS s_account_id, s.wizard_step AS s_wizard_step, "
      "s.auth_stage AS s_auth_stage, s.data AS s_data, s.failed_tries AS s_failed_tries, "
      "s.last_seen_at AS s_last_seen_at, s.expires_at AS s_expires_at";
  return columns;
}

namespace {

const std::string kInsertSession =
    "INSERT INTO sessions (id_hash, kind, csrf_token, created_at, last_seen_at, expires_at) "
    "VALUES (UNHEX(?), ?, ?, ?, ?, ?)";
const std::string kFindLiveSession =
    "SELECT " + session_columns() + " FROM sessions s WHERE s.id_hash = UNHEX(?) AND s.expires_at > ?";
// The flow state a session row carries, in the order update_session_state and rekey_session bind.
const std::string kSessionState =
    "kind = ?, person_id = ?, account_id = ?, wizard_step = ?, auth_stage = ?, data = ?, "
    "failed_tries = ?";
const std::string kUpdateSessionState =
    "UPDATE sessions SET " + kSessionState + " WHERE id_hash = UNHEX(?)";
const std::string kDeleteAccountSessions =
    "DELETE FROM sessions WHERE account_id = ? AND id_hash <> UNHEX(?)";
// The idle expiry moves on, but never past the session's absolute end.
const std::string kExtendSession =
    "UPDATE sessions SET last_seen_at = ?, expires_at = LEAST(?, created_at + INTERVAL ? SECOND) "
    "WHERE id_hash = UNHEX(?)";
const std::string kRekeySession = "UPDATE sessions SET id_hash = UNHEX(?), csrf_token = ?, " +
                                  kSessionState + " WHERE id_hash = UNHEX(?)";
const std::string kDeleteSessionCaptchas = "DELETE FROM captchas WHERE session_hash = UNHEX(?)";
const std::string kDeleteSession = "DELETE FROM sessions WHERE id_hash = UNHEX(?)";

}  // namespace

SessionRow read_session_row(sql::ResultSet& rs, const std::string& id_hash) {
  SessionRow row;
  row.id_hash = id_hash;
  row.kind = rs.getString("s_kind");
  row.csrf = rs.getString("s_csrf");
  if (!rs.isNull("s_person_id")) row.person_id = rs.getInt64("s_person_id");
  if (!rs.isNull("s_account_id")) row.account_id = rs.getInt64("s_account_id");
  row.wizard_step = rs.getString("s_wizard_step");
  row.auth_stage = rs.getString("s_auth_stage");
  row.data = rs.getString("s_data");
  row.failed_tries = rs.getInt("s_failed_tries");
  row.last_seen_at = read_time(rs, "s_last_seen_at");
  row.expires_at = read_time(rs, "s_expires_at");
  return row;
}

void insert_session(Db& db, const SessionRow& row) {
  db.run(kInsertSession, Repeat::kUnsafe, [&](sql::PreparedStatement& ps) {
    bind_all(ps, Bytes{row.id_hash}, row.kind, row.csrf, row.last_seen_at, row.last_seen_at, row.expires_at)
        .executeUpdate();
  });
}

std::optional<SessionRow> find_live_session(Db& db, const std::string& id_hash, TimePoint now) {
  return db.run(db.causal(kFindLiveSession), Repeat::kSafe,
                [&](sql::PreparedStatement& ps) -> std::optional<SessionRow> {
                  auto rs = query(bind_all(ps, Bytes{id_hash}, now));
                  if (!rs->next()) return std::nullopt;
                  return read_session_row(*rs, id_hash);
                });
}

void extend_session(Db& db, const std::string& id_hash, TimePoint now, TimePoint expires_at,
                    Seconds lifetime) {
  db.run(kExtendSession, Repeat::kSafe, [&](sql::PreparedStatement& ps) {
    bind_all(ps, now, expires_at, static_cast<std::int64_t>(lifetime.count()), Bytes{id_hash})
        .executeUpdate();
  });
}

void rekey_session(Db& db, const std::string& old_hash, const SessionRow& row) {
  db.run(kRekeySession, Repeat::kSafe, [&](sql::PreparedStatement& ps) {
    bind_all(ps, Bytes{row.id_hash}, row.csrf, row.kind, row.person_id, row.account_id,
             row.wizard_step, row.auth_stage, row.data, row.failed_tries, Bytes{old_hash})
        .executeUpdate();
  });
}

void delete_session(Db& db, const std::string& id_hash) {
  db.transaction([&] {
    db.run(kDeleteSessionCaptchas, Repeat::kSafe,
           [&](sql::PreparedStatement& ps) { bind_all(ps, Bytes{id_hash}).executeUpdate(); });
    db.run(kDeleteSession, Repeat::kSafe,
           [&](sql::PreparedStatement& ps) { bind_all(ps, Bytes{id_hash}).executeUpdate(); });
  });
}

void update_session_state(Db& db, const SessionRow& row) {
  db.run(kUpdateSessionState, Repeat::kSafe, [&](sql::PreparedStatement& ps) {
    bind_all(ps, row.kind, row.person_id, row.account_id, row.wizard_step, row.auth_stage, row.data,
             row.failed_tries, Bytes{row.id_hash})
        .executeUpdate();
  });
}

int delete_account_sessions(Db& db, std::int64_t account_id, const std::string& except_hash) {
  return db.run(kDeleteAccountSessions, Repeat::kSafe, [&](sql::PreparedStatement& ps) {
    return bind_all(ps, account_id, Bytes{except_hash}).executeUpdate();
  });
}

}  // namespace xueji::store
