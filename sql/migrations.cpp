// migrations.cpp: applies the embedded migrations in order, each recorded in schema_migrations.
#include "sql/migrations.h"

#include <unistd.h>

#include <chrono>
#include <set>
#include <thread>

#include "sql/db.h"

namespace xueji::store {
namespace {

const std::string kCreateTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations (version INT PRIMARY KEY, name VARCHAR(100) "
    "NOT NULL, applied_at DATETIME(6) NOT NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4";
const std::string kAppliedVersions = "SELECT version FROM schema_migrations";
const std::string kRecordVersion =
    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, UTC_TIMESTAMP(6))";
// One migrate at a time, cluster-wide: the lock is a row, since GET_LOCK holds on one Galera node
// only. Two migrates taking it at once on two nodes write the same row, and certification lets
// one of them through. A lock left by a migrate that died is taken over after 10 minutes.
const std::string kCreateLockTable =
    "CREATE TABLE IF NOT EXISTS schema_migration_lock (id TINYINT PRIMARY KEY, holder "
    "VARCHAR(64) NOT NULL, taken_at DATETIME(6) NOT NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4";
const std::string kTakeLock =
    "INSERT INTO schema_migration_lock (id, holder, taken_at) VALUES (1, ?, UTC_TIMESTAMP(6)) "
    "ON DUPLICATE KEY UPDATE "
    "holder = IF(taken_at < UTC_TIMESTAMP(6) - INTERVAL 10 MINUTE, VALUES(holder), holder), "
    "taken_at = IF(holder = VALUES(holder), VALUES(taken_at), taken_at)";
const std::string kLockHolder = "SELECT holder FROM schema_migration_lock WHERE id = 1";
const std::string kReleaseLock = "DELETE FROM schema_migration_lock WHERE id = 1 AND holder = ?";
constexpr auto kLockWait = std::chrono::seconds(30);

// Splits a migration into statements at semicolons that end a line; "--" comment lines are
// dropped. Our migrations hold no procedures, so this is enough.
std::vector<std::string> statements_of(const std::string& text) {
  std::vector<std::string> out;
  std::string current;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    start = end + 1;
    std::size_t first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos || line.compare(first, 2, "--") == 0) continue;
    current += line + "\n";
    std::size_t last = line.find_last_not_of(" \t\r");
    if (line[last] == ';') {
      current.erase(current.find_last_of(';'));
      out.push_back(current);
      current.clear();
    }
  }
  if (current.find_first_not_of(" \t\r\n") != std::string::npos) out.push_back(current);
  return out;
}

// This run's name in the lock row: host and process, and the time, so no two runs share it.
std::string lock_holder_name() {
  char host[64] = {};
  gethostname(host, sizeof host - 1);
  auto now = std::chrono::system_clock::now().time_since_epoch();
  std::string name = std::string(host).substr(0, 30) + ":" + std::to_string(getpid()) + ":" +
                     std::to_string(std::chrono::duration_cast<std::chrono::microseconds>(now).count());
  return name.substr(0, 64);
}

// Waits up to kLockWait for the lock row; false when another migrate kept it.
bool take_lock(Db& db, const std::string& holder) {
  auto deadline = std::chrono::steady_clock::now() + kLockWait;
  for (;;) {
    db.run(kTakeLock, Repeat::kSafe,
           [&](sql::PreparedStatement& ps) { bind_all(ps, holder).executeUpdate(); });
    bool ours = db.run(kLockHolder, Repeat::kSafe, [&](sql::PreparedStatement& ps) {
      auto rs = query(ps);
      return rs->next() && std::string(rs->getString(1)) == holder;
    });
    if (ours) return true;
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
}

void release_lock(Db& db, const std::string& holder) {
  db.run(kReleaseLock, Repeat::kSafe,
         [&](sql::PreparedStatement& ps) { bind_all(ps, holder).executeUpdate(); });
}

}  // namespace

std::vector<std::string> migrate(Db& db) {
  db.execute_script_statement(kCreateTable);
  db.execute_script_statement(kCreateLockTable);
  const std::string holder = lock_holder_name();
  if (!take_lock(db, holder)) throw std::runtime_error("another migrate holds the lock");
  std::vector<std::string> applied_now;
  try {
    std::set<int> applied = db.run(kAppliedVersions, Repeat::kSafe, [](sql::PreparedStatement& ps) {
      std::set<int> versions;
      auto rs = query(ps);
      while (rs->next()) versions.insert(rs->getInt(1));
      return versions;
    });
    for (const Migration& m : embedded_migrations()) {
      if (applied.count(m.version)) continue;
      // DDL commits implicitly in MariaDB, so a migration is not atomic; each one is written to
      // be safe to re-run after a crash part-way (new tables are created before they are used).
      for (const std::string& statement : statements_of(m.text)) {
        db.execute_script_statement(statement);
      }
      db.run(kRecordVersion, Repeat::kUnsafe, [&](sql::PreparedStatement& ps) {
        bind_all(ps, m.version, std::string(m.name)).executeUpdate();
      });
      applied_now.emplace_back(m.name);
    }
  } catch (...) {
    release_lock(db, holder);
    throw;
  }
  release_lock(db, holder);
  return applied_now;
}

}  // namespace xueji::store
