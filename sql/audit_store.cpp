// audit_store.cpp: the SQL of the audit log.
#include "sql/audit_store.h"

namespace xueji::store {
namespace {

const std::string kAudit =
    "INSERT INTO audit_log (at, actor, action, target, client_addr, request_id) "
    "VALUES (?, ?, ?, ?, ?, ?)";

std::string bounded(const std::string& text, std::size_t max) {
  return text.size() <= max ? text : text.substr(0, max);
}

}  // namespace

void audit(Db& db, const AuditEntry& e, TimePoint now) {
  db.run(kAudit, Repeat::kUnsafe, [&](sql::PreparedStatement& ps) {
    bind_all(ps, now, bounded(e.actor, 100), bounded(e.action, 64), bounded(e.target, 255),
             bounded(e.client_addr, 45), bounded(e.request_id, 64))
        .executeUpdate();
  });
}

}  // namespace xueji::store
