// audit_store.h: the audit log. Never a password, code, clear ID number or session value in it.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "sql/db.h"

namespace xueji::store {

struct AuditEntry {
  std::string actor;        // "web", "account:123", or the Unix user of xueji-ctl
  std::string action;       // "login.failed", "staff.import", ...
  std::string target;       // masked ID, account id, school code: never secrets
  std::string client_addr;  // empty for the CLI
  std::string request_id;   // nginx $request_id, empty for the CLI
  std::int64_t school_id = 0;  // the school a console action concerned; 0: none
};

// An entry with the time it happened.
struct AuditRow {
  AuditEntry entry;
  TimePoint at;
};

void audit(Db& db, const AuditEntry& entry, TimePoint now);
// Several rows in one statement (at most kMaxAuditRowsPerStatement; fewer statements, less CPU).
inline constexpr std::size_t kMaxAuditRowsPerStatement = 32;
void audit_rows(Db& db, const std::vector<AuditRow>& rows);

}  // namespace xueji::store
