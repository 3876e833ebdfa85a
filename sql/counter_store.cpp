// counter_store.cpp: the SQL of the login_counts table.
#include "sql/counter_store.h"

namespace xueji::store {
namespace {

const std::string kReadCounts =
    "SELECT COALESCE(SUM(CASE WHEN day = ? THEN count END), 0) AS today, "
    "COALESCE(SUM(count), 0) AS total FROM login_counts";
// The row of the node this connection is on (016_node_counters.sql): logins counted on two
// Galera nodes at once never touch the same row.
const std::string kCountLogin =
    "INSERT INTO login_counts (day, node, count) VALUES (?, @@wsrep_node_name, 1) "
    "ON DUPLICATE KEY UPDATE count = count + 1";

}  // namespace

LoginCounts read_login_counts(Db& db, CivilDate today) {
  return db.run(kReadCounts, Repeat::kSafe, [&](sql::PreparedStatement& ps) {
    auto rs = query(bind_all(ps, format_date(today)));
    LoginCounts counts;
    if (rs->next()) {
      counts.today = rs->getInt64("today");
      counts.total = rs->getInt64("total");
    }
    return counts;
  });
}

void count_login(Db& db, CivilDate today) {
  db.run(kCountLogin, Repeat::kUnsafe, [&](sql::PreparedStatement& ps) {
    bind_all(ps, format_date(today)).executeUpdate();
  });
}

}  // namespace xueji::store
