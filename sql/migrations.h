// migrations.h: numbered schema migrations (sql/migrations/NNN_name.sql, embedded at build time).
#pragma once
#include <string>
#include <vector>

namespace xueji::store {

class Db;

struct Migration {
  int version;
  const char* name;
  const char* text;
};

const std::vector<Migration>& embedded_migrations();

// Applies, in order, every migration not yet recorded in schema_migrations; holds a database
// lock so two runs cannot interleave. Returns the names applied (empty when up to date).
std::vector<std::string> migrate(Db& db);

}  // namespace xueji::store
