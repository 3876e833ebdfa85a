// audit.cpp: audit rows from handlers.
#include "fcgi/audit.h"

#include "sql/audit_store.h"

namespace xueji {

void audit_request(Context& ctx, const http::Request& req, const std::string& actor,
                   const std::string& action, const std::string& target) {
  store::audit(ctx.db, {actor, action, target, req.remote_addr, req.request_id}, ctx.clock.now());
}

}  // namespace xueji
