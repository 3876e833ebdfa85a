// settings_store.h: the system's settings rows; for now the active school year (啟用學年度),
// which login, /home and xueji-ctl read, and `xueji-ctl year activate` switches.
#pragma once
#include <optional>
#include <string>

#include "sql/db.h"

namespace xueji::store {

inline constexpr const char* kActiveSchoolYearSetting = "active_school_year";

// nullopt until a year was activated for the first time (callers then use the school year of
// today in Taipei).
std::optional<int> active_school_year(Db& db);
// The same, read with a row lock held to the end of the caller's transaction, so two activations
// cannot both judge "forward" against the same old year. Call inside db.transaction().
std::optional<int> lock_active_school_year(Db& db);
void set_active_school_year(Db& db, int roc_year, TimePoint now);

}  // namespace xueji::store
