// audit.cpp: audit rows from handlers, written at once or, while requests wait, in batches.
#include "fcgi/audit.h"

#include "sql/audit_store.h"

namespace xueji {
namespace {

bool request_waiting(const Context& ctx) { return ctx.request_waiting && ctx.request_waiting(); }

}  // namespace

void audit_request(Context& ctx, const http::Request& req, const std::string& actor,
                   const std::string& action, const std::string& target) {
  audit_school(ctx, req, actor, action, target, 0);
}

void audit_school(Context& ctx, const http::Request& req, const std::string& actor,
                  const std::string& action, const std::string& target, std::int64_t school_id) {
  store::AuditEntry entry{actor, action, target, req.remote_addr, req.request_id, school_id};
  TimePoint now = ctx.clock.now();
  if (ctx.db.in_transaction()) {
    store::audit(ctx.db, entry, now);
    return;
  }
  ctx.audit_batch.keep(std::move(entry), now);
  write_kept_audit_rows(ctx, false);
}

void write_kept_audit_rows(Context& ctx, bool all) {
  AuditBatch& batch = ctx.audit_batch;
  if (batch.empty() || !(all || batch.due(ctx.clock.now(), request_waiting(ctx)))) return;
  try {
    store::audit_rows(ctx.db, batch.rows());
  } catch (const store::Unavailable&) {
    throw;  // the rows wait for the database
  } catch (...) {
    batch.drop();  // a row the database refuses would otherwise block every later one
    throw;
  }
  batch.clear();
}

}  // namespace xueji
