// settings_store.cpp: the SQL of the settings table.
#include "sql/settings_store.h"

#include <cstdlib>

namespace xueji::store {
namespace {

const std::string kReadSetting = "SELECT value FROM settings WHERE name = ?";
const std::string kLockSetting = "SELECT value FROM settings WHERE name = ? FOR UPDATE";
const std::string kWriteSetting =
    "INSERT INTO settings (name, value, updated_at) VALUES (?, ?, ?) "
    "ON DUPLICATE KEY UPDATE value = VALUES(value), updated_at = VALUES(updated_at)";

std::optional<int> read_year(Db& db, const std::string& sql, Repeat repeat) {
  return db.run(sql, repeat, [&](sql::PreparedStatement& ps) -> std::optional<int> {
    auto rs = query(bind_all(ps, kActiveSchoolYearSetting));
    if (!rs->next()) return std::nullopt;
    std::string text = rs->getString("value");
    char* end = nullptr;
    long year = std::strtol(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0' || year <= 0) {
      throw std::runtime_error("settings: active_school_year holds '" + text + "'");
    }
    return static_cast<int>(year);
  });
}

}  // namespace

std::optional<int> active_school_year(Db& db) { return read_year(db, kReadSetting, Repeat::kSafe); }

std::optional<int> lock_active_school_year(Db& db) {
  return read_year(db, kLockSetting, Repeat::kUnsafe);
}

void set_active_school_year(Db& db, int roc_year, TimePoint now) {
  db.run(kWriteSetting, Repeat::kSafe, [&](sql::PreparedStatement& ps) {
    bind_all(ps, kActiveSchoolYearSetting, std::to_string(roc_year), now).executeUpdate();
  });
}

}  // namespace xueji::store
