// test_context.h: a Context for unit tests: test-mode config, the source tree's templates, a
// database that is never connected (handlers under test must not reach it), a fixed clock.
#pragma once
#include <cstdlib>
#include <string>

#include "fcgi/context.h"

namespace xueji::testing {

inline const Config& unit_config() {
  static const Config config = [] {
    Config c;
    c.db_socket = "/nonexistent/mysqld.sock";
    c.secret = std::string(32, 'k');
    c.test_mode = true;
    c.captcha_fixed = "5823";
    const char* source = std::getenv("XUEJI_SOURCE_DIR");
    c.template_dir = std::string(source ? source : ".") + "/html";
    return c;
  }();
  return config;
}

// ctemplate's cache is process-wide and frozen after loading: load it once.
inline const Templates& unit_templates() {
  static const Templates templates(unit_config().template_dir);
  return templates;
}

struct UnitContext {
  store::Db db{unit_config()};
  crypto::Random random;
  FixedClock clock{TimePoint(std::chrono::seconds(1785542400))};  // 2026-08-01 00:00 UTC
  Context ctx{unit_config(), db, random, clock, unit_templates(), "unit", {}, {}, {}};
};

}  // namespace xueji::testing
