// http_test.cpp: header values cannot be split, redirects stay local, the response text is right.
#include "fcgi/http.h"

#include <cppunit/extensions/HelperMacros.h>

#include "fcgi/dispatch.h"

using namespace xueji::http;

class HttpTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(HttpTest);
  CPPUNIT_TEST(header_values_lose_cr_and_lf);
  CPPUNIT_TEST(redirects_only_to_local_paths);
  CPPUNIT_TEST(serializes_status_headers_and_body);
  CPPUNIT_TEST_SUITE_END();

 public:
  void header_values_lose_cr_and_lf() {
    Response r;
    r.add_header("X-Test", "a\r\nSet-Cookie: evil=1\nb");
    CPPUNIT_ASSERT_EQUAL(std::string("aSet-Cookie: evil=1b"), r.headers[0].second);
  }

  void redirects_only_to_local_paths() {
    Response ok = Response::redirect("/apply/email");
    CPPUNIT_ASSERT_EQUAL(303, ok.status);
    CPPUNIT_ASSERT_EQUAL(std::string("/apply/email"), ok.headers[0].second);
    for (const char* bad : {"https://evil.example/", "//evil.example/", "/\\evil.example", "",
                            "login", "/a\r\nb"}) {
      CPPUNIT_ASSERT_THROW_MESSAGE(bad, Response::redirect(bad), std::invalid_argument);
    }
  }

  void serializes_status_headers_and_body() {
    Response r = Response::text(404, "none");
    std::string text = xueji::serialize_response(r, true);
    CPPUNIT_ASSERT_EQUAL(0, static_cast<int>(text.find("Status: 404 Not Found\r\n")));
    CPPUNIT_ASSERT(text.find("Cache-Control: no-store\r\n") != std::string::npos);
    CPPUNIT_ASSERT(text.find("Content-Length: 4\r\n\r\nnone") != std::string::npos);
    std::string head = xueji::serialize_response(r, false);
    CPPUNIT_ASSERT(head.size() > 4 && head.substr(head.size() - 4) == "\r\n\r\n");
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(HttpTest);
