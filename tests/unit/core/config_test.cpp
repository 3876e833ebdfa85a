// config_test.cpp: settings are checked at start and a bad one names its variable.
#include "core/config.h"

#include <cppunit/extensions/HelperMacros.h>

#include <cstdio>
#include <cstdlib>
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
  CPPUNIT_TEST(db_host_lists_own_node_first_then_fallbacks);
  CPPUNIT_TEST(production_without_secure_cookies_only_on_loopback);
  CPPUNIT_TEST(issuer_is_a_plain_url);
  CPPUNIT_TEST(passwords_come_from_systemd_credentials);
  CPPUNIT_TEST_SUITE_END();

 public:
  void defaults_are_production() {
    Config c = load({{"XUEJI_ISSUER", "http://127.0.0.1:8080"}});
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

  // Issue 20: an app node names its own Galera node first and the others as fallbacks.
  void db_host_lists_own_node_first_then_fallbacks() {
    Config c = load({{"XUEJI_DB_HOST", "127.0.0.11, 127.0.0.12:3307,db3.example"},
                     {"XUEJI_DB_PORT", "3310"}, {"XUEJI_DB_CAUSAL_READS", "1"},
                     {"XUEJI_MODE", "test"}});
    std::vector<DbAddress> expected{{"127.0.0.11", 3310}, {"127.0.0.12", 3307}, {"db3.example", 3310}};
    CPPUNIT_ASSERT(c.db_hosts == expected);
    CPPUNIT_ASSERT(c.db_causal_reads);
    CPPUNIT_ASSERT(!load({{"XUEJI_MODE", "test"}}).db_causal_reads);
    CPPUNIT_ASSERT(load({{"XUEJI_DB_HOST", "[::1]:3306"}, {"XUEJI_MODE", "test"}})
                       .db_hosts.at(0).host == "[::1]");
    for (const char* bad : {"a,,b", "a:0", "a:x", ",", "a b"}) {
      CPPUNIT_ASSERT_MESSAGE(bad, error_of({{"XUEJI_DB_HOST", bad}}).find("XUEJI_DB_HOST") == 0);
    }
    CPPUNIT_ASSERT(error_of({{"XUEJI_DB_CAUSAL_READS", "2"}}).find("XUEJI_DB_CAUSAL_READS") == 0);
  }

  // Issue 16: production refuses cookies without Secure unless nobody else can reach the stack.
  void production_without_secure_cookies_only_on_loopback() {
    for (const char* issuer : {"", "http://xueji.example.edu.tw", "https://xueji.example.edu.tw",
                               "http://10.0.0.5:8080", "http://127.0.0.1.example.com"}) {
      std::map<std::string, std::string> vars{{"XUEJI_COOKIE_SECURE", "0"}};
      if (*issuer) vars.emplace("XUEJI_ISSUER", issuer);
      CPPUNIT_ASSERT_MESSAGE(issuer, error_of(vars).find("XUEJI_COOKIE_SECURE") == 0);
    }
    for (const char* issuer : {"http://127.0.0.1:8080", "http://localhost:8081/", "http://[::1]:8080"}) {
      CPPUNIT_ASSERT_MESSAGE(issuer, error_of({{"XUEJI_ISSUER", issuer}}).empty());
    }
    Config tls = load({{"XUEJI_COOKIE_SECURE", "1"}, {"XUEJI_ISSUER", "https://xueji.example.edu.tw"}});
    CPPUNIT_ASSERT(tls.cookie_secure);
    CPPUNIT_ASSERT(error_of({{"XUEJI_COOKIE_SECURE", "1"}, {"XUEJI_ISSUER", "http://127.0.0.1:8080"}})
                       .find("XUEJI_COOKIE_SECURE") == 0);
    CPPUNIT_ASSERT(error_of({{"XUEJI_MODE", "test"}}).empty());
  }

  // Issue 16: secrets reach services as systemd credentials, not through the environment file.
  void passwords_come_from_systemd_credentials() {
    std::string dir = "/tmp/xueji-config-test-credentials";
    std::system(("mkdir -p " + dir).c_str());
    std::ofstream(dir + "/db_password") << "db-from-credential\n";
    std::ofstream(dir + "/smtp_password") << "smtp-from-credential";
    std::ofstream(dir + "/secret") << std::string(40, 'c') << "\n";
    std::map<std::string, std::string> vars{{"XUEJI_MODE", "test"}, {"CREDENTIALS_DIRECTORY", dir},
                                            {"XUEJI_DB_SOCKET", "/run/db.sock"}};
    auto get = [&](const char* name) -> const char* {
      auto it = vars.find(name);
      return it == vars.end() ? nullptr : it->second.c_str();
    };
    Config c = Config::load(get);
    CPPUNIT_ASSERT_EQUAL(std::string("db-from-credential"), c.db_password);
    CPPUNIT_ASSERT_EQUAL(std::string("smtp-from-credential"), c.smtp_password);
    CPPUNIT_ASSERT_EQUAL(std::string(40, 'c'), c.secret);
    CPPUNIT_ASSERT(c.db_migration_password.empty());
    vars["XUEJI_DB_PASSWORD"] = "from-variable";
    CPPUNIT_ASSERT_EQUAL(std::string("from-variable"), Config::load(get).db_password);
    // A program that needs no secret (the mailer) never reads it, even when it is missing.
    std::remove((dir + "/secret").c_str());
    CPPUNIT_ASSERT(Config::load(get, /*needs_secret=*/false).secret.empty());
    CPPUNIT_ASSERT_THROW(Config::load(get), ConfigError);
  }

  void issuer_is_a_plain_url() {
    CPPUNIT_ASSERT_EQUAL(std::string("https://xueji.example.edu.tw"),
                         load({{"XUEJI_COOKIE_SECURE", "1"}, {"XUEJI_ISSUER", "https://xueji.example.edu.tw/"}}).issuer);
    for (const char* bad : {"ftp://x", "https://", "https://a b", "https://x/?q=1", "https://x/#f"}) {
      CPPUNIT_ASSERT_MESSAGE(bad, error_of({{"XUEJI_COOKIE_SECURE", "1"}, {"XUEJI_ISSUER", bad}})
                                      .find("XUEJI_ISSUER") == 0);
    }
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(ConfigTest);
