// dispatch_test.cpp: the single catch site: typed errors become pages with their code, anything
// else a 500 that leaks nothing; bodies are bounded before they are read.
#include "fcgi/dispatch.h"

#include <cppunit/extensions/HelperMacros.h>

#include <map>

#include "tests/unit/fcgi/test_context.h"

using namespace xueji;

namespace {

http::Env env_of(const std::map<std::string, std::string>& vars) {
  return [vars](const char* name) -> const char* {
    auto it = vars.find(name);
    return it == vars.end() ? nullptr : it->second.c_str();
  };
}

int body_reads = 0;
BodyReader reader_of(const std::string& body) {
  return [body](std::size_t n) {
    ++body_reads;
    return body.substr(0, n);
  };
}

http::Response echo(const http::Request& req, Context& ctx) {
  ctx.pending_cookies.push_back("c=1");
  return http::Response::text(200, std::string(req.field("a")));
}
http::Response throws_typed(const http::Request&, Context&) { throw http::forbidden("csrf detail"); }
http::Response throws_other(const http::Request&, Context&) {
  throw std::runtime_error("secret internal detail");
}

const Route kEcho{"echo", "GET,POST", echo};
const Route kEchoPostOnly{"echo", "POST", echo};
const Route kThrowsTyped{"typed", "GET", throws_typed};
const Route kThrowsOther{"other", "GET", throws_other};

}  // namespace

class DispatchTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(DispatchTest);
  CPPUNIT_TEST(runs_the_handler_and_adds_cookies);
  CPPUNIT_TEST(typed_errors_show_their_code);
  CPPUNIT_TEST(other_failures_are_a_500_without_detail);
  CPPUNIT_TEST(oversized_body_is_413_without_reading_it);
  CPPUNIT_TEST(post_without_content_length_is_400);
  CPPUNIT_TEST(methods_the_route_does_not_list_are_405_with_allow);
  CPPUNIT_TEST(head_is_admitted_with_get);
  CPPUNIT_TEST_SUITE_END();

 public:
  void runs_the_handler_and_adds_cookies() {
    testing::UnitContext u;
    http::Response r = dispatch(kEcho,
                                env_of({{"REQUEST_METHOD", "POST"}, {"CONTENT_LENGTH", "3"},
                                        {"CONTENT_TYPE", "application/x-www-form-urlencoded"}}),
                                reader_of("a=b"), u.ctx);
    CPPUNIT_ASSERT_EQUAL(200, r.status);
    CPPUNIT_ASSERT_EQUAL(std::string("b"), r.body);
    CPPUNIT_ASSERT_EQUAL(std::string("Set-Cookie"), r.headers.at(0).first);
    CPPUNIT_ASSERT(u.ctx.pending_cookies.empty());
  }

  void typed_errors_show_their_code() {
    testing::UnitContext u;
    http::Response r = dispatch(kThrowsTyped, env_of({{"REQUEST_METHOD", "GET"}, {"REQUEST_ID", "rid42"}}),
                                reader_of(""), u.ctx);
    CPPUNIT_ASSERT_EQUAL(403, r.status);
    CPPUNIT_ASSERT(r.body.find("E403") != std::string::npos);
    CPPUNIT_ASSERT(r.body.find("rid42") != std::string::npos);
    CPPUNIT_ASSERT(r.body.find("csrf detail") == std::string::npos);
  }

  void other_failures_are_a_500_without_detail() {
    testing::UnitContext u;
    http::Response r =
        dispatch(kThrowsOther, env_of({{"REQUEST_METHOD", "GET"}}), reader_of(""), u.ctx);
    CPPUNIT_ASSERT_EQUAL(500, r.status);
    CPPUNIT_ASSERT(r.body.find("E500") != std::string::npos);
    CPPUNIT_ASSERT(r.body.find("secret internal detail") == std::string::npos);
  }

  void oversized_body_is_413_without_reading_it() {
    testing::UnitContext u;
    body_reads = 0;
    http::Response r = dispatch(kEcho, env_of({{"REQUEST_METHOD", "POST"}, {"CONTENT_LENGTH", "1048576"}}),
                                reader_of(""), u.ctx);
    CPPUNIT_ASSERT_EQUAL(413, r.status);
    CPPUNIT_ASSERT_EQUAL(0, body_reads);
  }

  void post_without_content_length_is_400() {
    testing::UnitContext u;
    http::Response r = dispatch(kEcho, env_of({{"REQUEST_METHOD", "POST"}}), reader_of(""), u.ctx);
    CPPUNIT_ASSERT_EQUAL(400, r.status);
  }

  void methods_the_route_does_not_list_are_405_with_allow() {
    testing::UnitContext u;
    body_reads = 0;
    http::Response r = dispatch(kEchoPostOnly, env_of({{"REQUEST_METHOD", "GET"}}), reader_of(""),
                                u.ctx);
    CPPUNIT_ASSERT_EQUAL(405, r.status);
    CPPUNIT_ASSERT(r.body.find("E405") != std::string::npos);
    CPPUNIT_ASSERT_EQUAL(std::string("Allow"), r.headers.at(0).first);
    CPPUNIT_ASSERT_EQUAL(std::string("POST"), r.headers.at(0).second);
    r = dispatch(kEcho, env_of({{"REQUEST_METHOD", "PUT"}, {"CONTENT_LENGTH", "3"}}),
                 reader_of("a=b"), u.ctx);
    CPPUNIT_ASSERT_EQUAL(405, r.status);
    CPPUNIT_ASSERT_EQUAL(std::string("GET, HEAD, POST"), r.headers.at(0).second);
    CPPUNIT_ASSERT_EQUAL(0, body_reads);
  }

  void head_is_admitted_with_get() {
    CPPUNIT_ASSERT(method_allowed("GET", "HEAD"));
    CPPUNIT_ASSERT(method_allowed("GET,POST", "POST"));
    CPPUNIT_ASSERT(!method_allowed("POST", "HEAD"));
    CPPUNIT_ASSERT(!method_allowed("GET,POST", "GE"));
    CPPUNIT_ASSERT(!method_allowed("GET,POST", ""));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(DispatchTest);
