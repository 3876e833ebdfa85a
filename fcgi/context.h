// context.h: what a handler may use besides its Request. Built once per worker child, after fork.
#pragma once
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/config.h"
#include "core/crypto.h"
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
};

}  // namespace xueji
