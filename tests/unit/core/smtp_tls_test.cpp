// smtp_tls_test.cpp: which relays get TLS or nothing — every relay but a loopback one unless
// XUEJI_SMTP_TLS says otherwise — and XUEJI_SMTP_TLS / XUEJI_SMTP_CA_FILE checked at start.
#include "core/smtp_tls.h"

#include <cppunit/extensions/HelperMacros.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <string>

#include "core/config.h"

namespace xueji {
namespace {

Config load(std::map<std::string, std::string> vars) {
  vars.emplace("XUEJI_DB_SOCKET", "/run/db.sock");
  vars.emplace("XUEJI_ISSUER", "http://127.0.0.1:8080");  // production without Secure cookies
  return Config::load(
      [&](const char* name) -> const char* {
        auto it = vars.find(name);
        return it == vars.end() ? nullptr : it->second.c_str();
      },
      /*needs_secret=*/false);
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

class SmtpTlsTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(SmtpTlsTest);
  CPPUNIT_TEST(loopback_relays_are_recognised);
  CPPUNIT_TEST(other_relays_are_not_loopback);
  CPPUNIT_TEST(unset_means_required_except_for_loopback);
  CPPUNIT_TEST(an_explicit_setting_holds_for_every_relay);
  CPPUNIT_TEST(settings_are_read_from_the_environment);
  CPPUNIT_TEST(bad_settings_stop_the_start_naming_the_variable);
  CPPUNIT_TEST_SUITE_END();

 public:
  void loopback_relays_are_recognised() {
    for (const char* url :
         {"smtp://127.0.0.1:2525", "smtp://127.0.0.1", "smtps://127.1.2.3:465", "smtp://localhost",
          "smtp://LocalHost:25", "smtp://[::1]:25", "smtp://[::1]", "smtp://user:pw@127.0.0.1:25",
          "smtp://127.0.0.1:25/client.example"}) {
      CPPUNIT_ASSERT_MESSAGE(url, smtp_relay_is_loopback(url));
    }
  }

  void other_relays_are_not_loopback() {
    for (const char* url :
         {"smtp://mail.example.edu.tw:587", "smtps://smtp.gmail.com:465", "smtp://10.0.0.5:25",
          "smtp://192.0.2.2:25", "smtp://128.0.0.1", "smtp://127.0.0.1.nip.io:25",
          "smtp://localhost.example.com", "smtp://127.0.0:25", "smtp://127.0.0.256",
          "smtp://0x7f.0.0.1", "smtp://[::2]:25", "smtp://[::ffff:127.0.0.1]:25",
          "smtp://127.0.0.1@relay.example.com:25", "smtp://[::1", "not a url", ""}) {
      CPPUNIT_ASSERT_MESSAGE(url, !smtp_relay_is_loopback(url));
    }
  }

  void unset_means_required_except_for_loopback() {
    CPPUNIT_ASSERT(effective_smtp_tls(std::nullopt, "smtp://mail.example.edu.tw:587") ==
                   SmtpTls::kRequired);
    CPPUNIT_ASSERT(effective_smtp_tls(std::nullopt, "smtp://192.0.2.2:25") == SmtpTls::kRequired);
    CPPUNIT_ASSERT(effective_smtp_tls(std::nullopt, "smtp://127.0.0.1:2525") ==
                   SmtpTls::kOpportunistic);
    CPPUNIT_ASSERT(effective_smtp_tls(std::nullopt, "smtp://localhost:25") ==
                   SmtpTls::kOpportunistic);
  }

  void an_explicit_setting_holds_for_every_relay() {
    CPPUNIT_ASSERT(effective_smtp_tls(SmtpTls::kRequired, "smtp://127.0.0.1:2525") ==
                   SmtpTls::kRequired);
    CPPUNIT_ASSERT(effective_smtp_tls(SmtpTls::kOpportunistic, "smtp://mail.example.edu.tw") ==
                   SmtpTls::kOpportunistic);
    CPPUNIT_ASSERT(effective_smtp_tls(SmtpTls::kRequired, "smtp://mail.example.edu.tw") ==
                   SmtpTls::kRequired);
  }

  void settings_are_read_from_the_environment() {
    Config defaults = load({});
    CPPUNIT_ASSERT(!defaults.smtp_tls);
    CPPUNIT_ASSERT(defaults.smtp_ca_file.empty());
    CPPUNIT_ASSERT(load({{"XUEJI_SMTP_TLS", "required"}}).smtp_tls == SmtpTls::kRequired);
    CPPUNIT_ASSERT(load({{"XUEJI_SMTP_TLS", "opportunistic"}}).smtp_tls == SmtpTls::kOpportunistic);
    // Empty counts as unset, like every other variable.
    CPPUNIT_ASSERT(!load({{"XUEJI_SMTP_TLS", ""}}).smtp_tls);
    std::string ca = "/tmp/xueji-smtp-tls-test-ca.pem";
    std::ofstream(ca) << "-----BEGIN CERTIFICATE-----\n";
    CPPUNIT_ASSERT_EQUAL(ca, load({{"XUEJI_SMTP_CA_FILE", ca}}).smtp_ca_file);
    std::remove(ca.c_str());
  }

  void bad_settings_stop_the_start_naming_the_variable() {
    for (const char* value : {"yes", "Required", "off", "none", "starttls"}) {
      std::string error = error_of({{"XUEJI_SMTP_TLS", value}});
      CPPUNIT_ASSERT_MESSAGE(error, error.rfind("XUEJI_SMTP_TLS: ", 0) == 0);
    }
    for (const char* path : {"/nonexistent/ca.pem", "/tmp"}) {
      std::string error = error_of({{"XUEJI_SMTP_CA_FILE", path}});
      CPPUNIT_ASSERT_MESSAGE(error, error.rfind("XUEJI_SMTP_CA_FILE: ", 0) == 0);
    }
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(SmtpTlsTest);

}  // namespace xueji
