// healthz.cpp: GET /healthz — 200 when this worker can reach the database, 503 otherwise.
#include "fcgi/handler.h"

xueji::http::Response handle_healthz(const xueji::http::Request&, xueji::Context& ctx) {
  bool ok = ctx.db.healthy();
  return xueji::http::Response::text(ok ? 200 : 503, ok ? "ok\n" : "database unreachable\n");
}
