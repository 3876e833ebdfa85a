// session_store.h: rows of the sessions table, keyed by the SHA-256 of the cookie value.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "sql/db.h"

namespace xueji::store {

struct SessionRow {
  std::string id_hash;  // 32 raw bytes
  std::string csrf;
  std::string kind = "anonymous";  // anonymous, wizard, login
  std::optional<std::int64_t> person_id;
  std::optional<std::int64_t> account_id;
  std::string wizard_step;  // where an application wizard stands
  std::string auth_stage;   // how far a login has come
  std::string data;         // small flow state, url-encoded
  int failed_tries = 0;
  TimePoint last_seen_at;
  TimePoint expires_at;
};

// For queries that read a session with more (sql/login_page_store.cpp): the select-list of a
// sessions row aliased "s", and its reader.
const std::string& session_columns();
SessionRow read_session_row(sql::ResultSet& rs, const std::string& id_hash);

void insert_session(Db& db, const SessionRow& row);
// The session if it exists and has not expired at `now`.
std::optional<SessionRow> find_live_session(Db& db, const std::string& id_hash, TimePoint now);
// Moves the idle expiry to `expires_at`, but never past `lifetime` after the session began.
void extend_session(Db& db, const std::string& id_hash, TimePoint now, TimePoint expires_at,
                    Seconds lifetime);
// Gives the session found under old_hash the id, CSRF token and state of `row` (login, privilege
// change), in one statement. Captchas drawn under the old id can no longer be used (no session
// has that id) and the purge removes them when they expire.
void rekey_session(Db& db, const std::string& old_hash, const SessionRow& row);
void delete_session(Db& db, const std::string& id_hash);
// Writes kind, person, account, wizard step, auth stage, data and failed tries.
void update_session_state(Db& db, const SessionRow& row);
// Ends every session of an account but one (password reset, logout elsewhere).
int delete_account_sessions(Db& db, std::int64_t account_id, const std::string& except_hash);
// Expired sessions are deleted by `xueji-ctl purge` (sql/purge_store.h).

}  // namespace xueji::store
