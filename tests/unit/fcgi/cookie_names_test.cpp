// cookie_names_test.cpp: our cookies over plain HTTP and over TLS (issue 16) — over TLS they
// are Secure and carry the __Host- prefix, which browsers accept only from this exact host.
#include <cppunit/extensions/HelperMacros.h>

#include "core/config.h"
#include "fcgi/session.h"

namespace xueji {

class CookieNamesTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(CookieNamesTest);
  CPPUNIT_TEST(plain_http_for_a_loopback_stack);
  CPPUNIT_TEST(tls_adds_secure_and_the_host_prefix);
  CPPUNIT_TEST(values_are_read_under_the_configured_name_only);
  CPPUNIT_TEST_SUITE_END();

public:
  void plain_http_for_a_loopback_stack() {
    Config c;
    CPPUNIT_ASSERT_EQUAL(std::string("xueji_session"), std::string(session_cookie_name(c)));
    CPPUNIT_ASSERT_EQUAL(std::string("xueji_session=v; Path=/; HttpOnly; SameSite=Lax"),
                         our_cookie_header(c, "xueji_session", "v"));
    CPPUNIT_ASSERT_EQUAL(std::string("xueji_device=d; Path=/; HttpOnly; SameSite=Lax; Max-Age=60"),
                         our_cookie_header(c, "xueji_device", "d", 60));
  }

  void tls_adds_secure_and_the_host_prefix() {
    Config c;
    c.cookie_secure = true;
    CPPUNIT_ASSERT_EQUAL(std::string("__Host-xueji_session"), std::string(session_cookie_name(c)));
    CPPUNIT_ASSERT_EQUAL(
        std::string("__Host-xueji_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0; Secure"),
        our_cookie_header(c, "xueji_session", "", 0));
  }

  void values_are_read_under_the_configured_name_only() {
    Config c;
    c.cookie_secure = true;
    http::Request req;
    req.cookies = {{"xueji_device", "planted"}, {"__Host-xueji_device", "ours"}};
    auto values = our_cookie_values(req, c, "xueji_device");
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, values.size());
    CPPUNIT_ASSERT_EQUAL(std::string_view("ours"), values.front());
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(CookieNamesTest);

}  // namespace xueji
