// audit_store.cpp: the SQL of the audit log.
#include "sql/audit_store.h"

#include <algorithm>

namespace xueji::store {
namespace {

const std::string kAuditPrefix =
    "INSERT INTO audit_log (at, actor, action, target, client_addr, request_id, school_id) "
    "VALUES ";
const std::string kAuditGroup = "(?, ?, ?, ?, ?, ?, ?)";

std::string bounded(const std::string& text, std::size_t max) {
  return text.size() <= max ? text : text.substr(0, max);
}

}  // namespace

void audit(Db& db, const AuditEntry& entry, TimePoint now) { audit_rows(db, {{entry, now}}); }

void audit_rows(Db& db, const std::vector<AuditRow>& rows) {
  for (std::size_t first = 0; first < rows.size(); first += kMaxAuditRowsPerStatement) {
    std::size_t count = std::min(rows.size() - first, kMaxAuditRowsPerStatement);
    db.run(batched(kAuditPrefix, kAuditGroup, count), Repeat::kUnsafe,
           [&](sql::PreparedStatement& ps) {
             for (std::size_t i = first; i < first + count; ++i) {
               const AuditEntry& e = rows[i].entry;
               int column = static_cast<int>((i - first) * 7);
               store::bind(ps, ++column, rows[i].at);
               store::bind(ps, ++column, bounded(e.actor, 100));
               store::bind(ps, ++column, bounded(e.action, 64));
               store::bind(ps, ++column, bounded(e.target, 255));
               store::bind(ps, ++column, bounded(e.client_addr, 45));
               store::bind(ps, ++column, bounded(e.request_id, 64));
               if (e.school_id) {
                 store::bind(ps, ++column, e.school_id);
               } else {
                 store::bind(ps, ++column, std::nullopt);
               }
             }
             ps.executeUpdate();
           });
  }
}

}  // namespace xueji::store
