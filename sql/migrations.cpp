// migrations.cpp: applies the embedded migrations in order, each recorded in schema_migrations.
#include "sql/migrations.h"

#include <set>

#include "sql/db.h"

namespace xueji::store {
namespace {

const std::string kCreateTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations (version INT PRIMARY KEY, name VARCHAR(100) "
    "NOT NULL, applied_at DATETIME(6) NOT NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4";
const std::string kAppliedVersions = "SELECT version FROM schema_migrations";
const std::string kRecordVersion =
    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, UTC_TIMESTAMP(6))";
const std::string kTakeLock = "SELECT GET_LOCK('xueji_migrate', 30)";
const std::string kReleaseLock = "SELECT RELEASE_LOCK('xueji_migrate')";

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

bool scalar_is_one(Db& db, const std::string& sql) {
  return db.run(sql, Repeat::kUnsafe, [](sql::PreparedStatement& ps) {
    auto rs = query(ps);
    return rs->next() && rs->getInt(1) == 1;
  });
}

}  // namespace

std::vector<std::string> migrate(Db& db) {
  db.execute_script_statement(kCreateTable);
  if (!scalar_is_one(db, kTakeLock)) throw std::runtime_error("another migrate holds the lock");
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
    scalar_is_one(db, kReleaseLock);
    throw;
  }
  scalar_is_one(db, kReleaseLock);
  return applied_now;
}

}  // namespace xueji::store
