// counter_store.h: 今日登入人次 / 累計登入人次, completed logins per Asia/Taipei day.
#pragma once
#include <cstdint>

#include "core/taipei_time.h"
#include "sql/db.h"

namespace xueji::store {

struct LoginCounts {
  std::int64_t today = 0;
  std::int64_t total = 0;
};

LoginCounts read_login_counts(Db& db, CivilDate today);
void count_login(Db& db, CivilDate today);

}  // namespace xueji::store
