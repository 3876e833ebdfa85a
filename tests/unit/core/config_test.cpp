// config_test.cpp: settings are checked at start and a bad one names its variable.
#include "core/config.h"

#include <cppunit/extensions/HelperMacros.h>

#include <cstdio>
#include <fstream>
#include <map>

using namespace xueji;

namespace {

std::string secret_file() {
  static const std::string path = [] {
    std::string p = "/tmp/xueji-config-test-secret";
    std::ofstream(p) << std::string(40, 'x') << "\n";
    return p;
  }();
  return path;
}

Config load(std::map<std::string, std::string> vars) {
  vars.emplace("XUEJI_DB_SOCKET", "/run/db.sock");
  vars.emplace("XUEJI_SECRET_FILE", secret_file());
  return Config::load([&](const char* name) -> const char* {
    auto it = vars.find(name);
    return it == vars.end() ? nullptr : it->second.c_str();
  });
}

std::string error_of(const std::map<std::string, std::string>& vars) {
  try {
    load(vars);
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

class ConfigTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(ConfigTest);
  CPPUNIT_TEST(defaults_are_production);
  CPPUNIT_TEST(fixed_captcha_only_in_test_mode);
  CPPUNIT_TEST(bad_values_name_their_variable);
  CPPUNIT_TEST_SUITE_END();

 public:
  void defaults_are_production() {
    Config c = load({});
    CPPUNIT_ASSERT(!c.test_mode);
    CPPUNIT_ASSERT(!c.captcha_fixed);
    CPPUNIT_ASSERT_EQUAL(std::string(40, 'x'), c.secret);
    CPPUNIT_ASSERT_EQUAL(std::string("xueji"), c.db_name);
  }

  void fixed_captcha_only_in_test_mode() {
    CPPUNIT_ASSERT(error_of({{"XUEJI_CAPTCHA_FIXED", "1234"}}).find("XUEJI_CAPTCHA_FIXED") == 0);
    Config c = load({{"XUEJI_MODE", "test"}, {"XUEJI_CAPTCHA_FIXED", "1234"}});
    CPPUNIT_ASSERT(c.test_mode);
    CPPUNIT_ASSERT_EQUAL(std::string("1234"), *c.captcha_fixed);
    CPPUNIT_ASSERT(error_of({{"XUEJI_MODE", "test"}, {"XUEJI_CAPTCHA_FIXED", "12a4"}}).find("XUEJI_CAPTCHA_FIXED") == 0);
  }

  void bad_values_name_their_variable() {
    CPPUNIT_ASSERT(error_of({{"XUEJI_MODE", "staging"}}).find("XUEJI_MODE") == 0);
    CPPUNIT_ASSERT(error_of({{"XUEJI_DB_PORT", "99999"}}).find("XUEJI_DB_PORT") == 0);
    CPPUNIT_ASSERT(error_of({{"XUEJI_SMTP_URL", "http://x"}}).find("XUEJI_SMTP_URL") == 0);
    CPPUNIT_ASSERT(error_of({{"XUEJI_COOKIE_SECURE", "maybe"}}).find("XUEJI_COOKIE_SECURE") == 0);
    CPPUNIT_ASSERT(error_of({{"XUEJI_SECRET_FILE", "/nonexistent/secret"}}).find("XUEJI_SECRET_FILE") == 0);
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(ConfigTest);
