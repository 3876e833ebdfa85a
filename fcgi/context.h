// context.h: what a handler may use besides its Request. Built once per worker child, after fork.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/config.h"
#include "core/crypto.h"
#include "fcgi/audit_batch.h"
#include "fcgi/templates.h"
#include "sql/db.h"

namespace xueji {

struct Context {
  const Config& config;
  store::Db& db;
  crypto::Random& random;
  const Clock& clock;
  const Templates& templates;
  std::string route;  // "login", "captcha", ...: for log lines

  // Set-Cookie values queued by the session layer during one request; the runtime adds them to
  // the response and clears the list.
  std::vector<std::string> pending_cookies;

  // Whether another request waits for this worker child (the worker polls its socket); unset in
  // tests and CGI runs, where nothing ever waits.
  std::function<bool()> request_waiting;
  // Audit rows kept back while requests wait (fcgi/audit_batch.h).
  AuditBatch audit_batch;
};

}  // namespace xueji
