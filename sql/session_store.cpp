// session_store.cpp: the SQL of the sessions table.
#include "sql/session_store.h"

namespace xueji::store {
namespace {

const std::string kInsertSession =
    "INSERT INTO sessions (id_hash, kind, csrf_token, created_at, last_seen_at, expires_at) "
    "VALUES (UNHEX(?), ?, ?, ?, ?, ?)";
const std::string kFindLiveSession =
    "SELECT kind, csrf_token, person_id, account_id, wizard_step, auth_stage, data, failed_tries, "
    "last_seen_at, expires_at FROM sessions WHERE id_hash = UNHEX(?) AND expires_at > ?";
const std::string kUpdateSessionState =
    "UPDATE sessions SET kind = ?, person_id = ?, account_id = ?, wizard_step = ?, auth_stage = ?, "
    "data = ?, failed_tries = ? WHERE id_hash = UNHEX(?)";
const std::string kDeleteAccountSessions =
    "DELETE FROM sessions WHERE account_id = ? AND id_hash <> UNHEX(?)";
const std::string kExtendSession =
    "UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE id_hash = UNHEX(?)";
const std::string kRekeySession = "UPDATE sessions SET id_hash = UNHEX(?), csrf_token = ? WHERE id_hash = UNHEX(?)";
const std::string kDeleteSessionCaptchas = "DELETE FROM captchas WHERE session_hash = UNHEX(?)";
const std::string kDeleteSession = "DELETE FROM sessions WHERE id_hash = UNHEX(?)";

}  // namespace

void insert_session(Db& db, const SessionRow& row) {
  db.run(kInsertSession, Repeat::kUnsafe, [&](sql::PreparedStatement& ps) {
    bind_all(ps, Bytes{row.id_hash}, row.kind, row.csrf, row.last_seen_at, row.last_seen_at, row.expires_at)
        .executeUpdate();
  });
}

std::optional<SessionRow> find_live_session(Db& db, const std::string& id_hash, TimePoint now) {
  return db.run(kFindLiveSession, Repeat::kSafe,
                [&](sql::PreparedStatement& ps) -> std::optional<SessionRow> {
                  auto rs = query(bind_all(ps, Bytes{id_hash}, now));
                  if (!rs->next()) return std::nullopt;
                  SessionRow row;
                  row.id_hash = id_hash;
                  row.kind = rs->getString("kind");
                  row.csrf = rs->getString("csrf_token");
                  if (!rs->isNull("person_id")) row.person_id = rs->getInt64("person_id");
                  if (!rs->isNull("account_id")) row.account_id = rs->getInt64("account_id");
                  row.wizard_step = rs->getString("wizard_step");
                  row.auth_stage = rs->getString("auth_stage");
                  row.data = rs->getString("data");
                  row.failed_tries = rs->getInt("failed_tries");
                  row.last_seen_at = read_time(*rs, "last_seen_at");
                  row.expires_at = read_time(*rs, "expires_at");
                  return row;
                });
}

void extend_session(Db& db, const std::string& id_hash, TimePoint now, TimePoint expires_at) {
  db.run(kExtendSession, Repeat::kSafe, [&](sql::PreparedStatement& ps) {
    bind_all(ps, now, expires_at, Bytes{id_hash}).executeUpdate();
  });
}

void rekey_session(Db& db, const std::string& old_hash, const std::string& new_hash,
                   const std::string& new_csrf) {
  db.transaction([&] {
    db.run(kDeleteSessionCaptchas, Repeat::kSafe,
           [&](sql::PreparedStatement& ps) { bind_all(ps, Bytes{old_hash}).executeUpdate(); });
    db.run(kRekeySession, Repeat::kSafe, [&](sql::PreparedStatement& ps) {
      bind_all(ps, Bytes{new_hash}, new_csrf, Bytes{old_hash}).executeUpdate();
    });
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
