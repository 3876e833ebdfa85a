// parse_test.cpp: strict parsing of query strings, bodies, cookies and CONTENT_LENGTH, including
// hostile input.
#include "fcgi/parse.h"

#include "core/percent_encoding.h"
#include "core/utf8.h"

#include <cppunit/extensions/HelperMacros.h>

#include <map>

using namespace xueji::http;

namespace {

int status_of(const std::function<void()>& fn) {
  try {
    fn();
  } catch (const Error& e) {
    return e.status();
  }
  return 0;
}

Env env_of(const std::map<std::string, std::string>& vars) {
  return [vars](const char* name) -> const char* {
    auto it = vars.find(name);
    return it == vars.end() ? nullptr : it->second.c_str();
  };
}

}  // namespace

class ParseTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(ParseTest);
  CPPUNIT_TEST(decodes_fields);
  CPPUNIT_TEST(refuses_bad_escapes);
  CPPUNIT_TEST(refuses_duplicates_and_bad_names);
  CPPUNIT_TEST(refuses_over_long_and_too_many_fields);
  CPPUNIT_TEST(refuses_invalid_utf8_and_control_characters);
  CPPUNIT_TEST(text_body_routes_keep_line_breaks_and_take_large_values);
  CPPUNIT_TEST(parses_cookies_and_ignores_foreign_junk);
  CPPUNIT_TEST(foreign_cookies_never_refuse_and_ours_may_repeat);
  CPPUNIT_TEST(content_length_is_strict);
  CPPUNIT_TEST(builds_a_request_from_cgi_variables);
  CPPUNIT_TEST(post_with_another_content_type_is_refused);
  CPPUNIT_TEST(percent_encode_round_trips);
  CPPUNIT_TEST_SUITE_END();

 public:
  void decodes_fields() {
    Fields f = parse_urlencoded("a=1&b=%E4%B8%AD%E6%96%87&c=x+y&d=&e&&");
    CPPUNIT_ASSERT_EQUAL(std::string("1"), f["a"]);
    CPPUNIT_ASSERT_EQUAL(std::string("中文"), f["b"]);
    CPPUNIT_ASSERT_EQUAL(std::string("x y"), f["c"]);
    CPPUNIT_ASSERT_EQUAL(std::string(""), f["d"]);
    CPPUNIT_ASSERT(f.count("e") == 1);
    CPPUNIT_ASSERT(parse_urlencoded("").empty());
  }

  void refuses_bad_escapes() {
    for (const char* text : {"a=%", "a=%4", "a=%zz", "a=%4g", "a%=1", "a=1%"}) {
      CPPUNIT_ASSERT_EQUAL_MESSAGE(text, 400, status_of([&] { parse_urlencoded(text); }));
    }
  }

  void refuses_duplicates_and_bad_names() {
    CPPUNIT_ASSERT_EQUAL(400, status_of([] { parse_urlencoded("a=1&a=2"); }));
    CPPUNIT_ASSERT_EQUAL(400, status_of([] { parse_urlencoded("a=1&%61=2"); }));  // same after decoding
    CPPUNIT_ASSERT_EQUAL(400, status_of([] { parse_urlencoded("=1"); }));
    CPPUNIT_ASSERT_EQUAL(400, status_of([] { parse_urlencoded("a%20b=1"); }));
    CPPUNIT_ASSERT_EQUAL(400, status_of([] { parse_urlencoded("a[]=1"); }));
  }

  void refuses_over_long_and_too_many_fields() {
    Limits limits;
    CPPUNIT_ASSERT_EQUAL(400, status_of([&] {
      parse_urlencoded("a=" + std::string(limits.max_value + 1, 'x'));
    }));
    CPPUNIT_ASSERT_EQUAL(0, status_of([&] {
      parse_urlencoded("a=" + std::string(limits.max_value, 'x'));
    }));
    CPPUNIT_ASSERT_EQUAL(400, status_of([&] {
      parse_urlencoded(std::string(limits.max_name + 1, 'n') + "=1");
    }));
    std::string many;
    for (std::size_t i = 0; i <= limits.max_fields; ++i) many += "f" + std::to_string(i) + "=1&";
    CPPUNIT_ASSERT_EQUAL(400, status_of([&] { parse_urlencoded(many); }));
  }

  void refuses_invalid_utf8_and_control_characters() {
    for (const char* text : {"a=%C3%28", "a=%ED%A0%80", "a=%C0%AF", "a=%F8%88%80%80%80", "a=%00",
                             "a=%0D%0A", "a=%7F", "a=%E4%B8"}) {
      CPPUNIT_ASSERT_EQUAL_MESSAGE(text, 400, status_of([&] { parse_urlencoded(text); }));
    }
    CPPUNIT_ASSERT(xueji::is_valid_utf8("帳號 ok 😀"));
  }

  void text_body_routes_keep_line_breaks_and_take_large_values() {
    Limits text = text_body_limits();
    Fields f = parse_urlencoded("csv=a%2Cb%0D%0Ac%09d%0A", text);
    CPPUNIT_ASSERT_EQUAL(std::string("a,b\r\nc\td\n"), f.at("csv"));
    for (const char* bad : {"a=%00", "a=%7F", "a=%C3%28"}) {
      CPPUNIT_ASSERT_EQUAL_MESSAGE(bad, 400, status_of([&] { parse_urlencoded(bad, text); }));
    }
    std::string big = "csv=" + std::string(1u << 20, 'x');
    CPPUNIT_ASSERT_EQUAL(std::size_t{1u << 20}, parse_urlencoded(big, text).at("csv").size());
    CPPUNIT_ASSERT_EQUAL(400, status_of([&] { parse_urlencoded(big); }));
    CPPUNIT_ASSERT_EQUAL(std::size_t{2u << 20}, parse_content_length("2097152", text));
    CPPUNIT_ASSERT_EQUAL(413, status_of([&] { parse_content_length("2097153", text); }));
  }

  void parses_cookies_and_ignores_foreign_junk() {
    Cookies c = parse_cookies(
        "xueji_session=abc; theme=\"dark\";  junk; =x; bad name=1; __Host-xueji_device=\"d\"");
    CPPUNIT_ASSERT_EQUAL(std::size_t{2}, c.size());
    CPPUNIT_ASSERT_EQUAL(std::string("abc"), c.find("xueji_session")->second);
    CPPUNIT_ASSERT_EQUAL(std::string("d"), c.find("__Host-xueji_device")->second);
    CPPUNIT_ASSERT(parse_cookies("").empty());
  }

  // Issue 16: another site's cookies never refuse the request; a repeated one of ours keeps
  // every value, in order.
  void foreign_cookies_never_refuse_and_ours_may_repeat() {
    Cookies dup = parse_cookies("a=1; a=2; xueji_session=first; xueji_session=second");
    CPPUNIT_ASSERT_EQUAL(std::size_t{2}, dup.size());
    Request req;
    req.cookies = dup;
    CPPUNIT_ASSERT_EQUAL(std::string_view("first"), req.cookie("xueji_session"));
    auto values = req.cookie_values("xueji_session");
    CPPUNIT_ASSERT_EQUAL(std::size_t{2}, values.size());
    CPPUNIT_ASSERT_EQUAL(std::string_view("second"), values[1]);
    std::string many;
    for (int i = 0; i < 60; ++i) many += "site" + std::to_string(i) + "=v; ";
    CPPUNIT_ASSERT_EQUAL(std::string("ok"), parse_cookies(many + "xueji_session=ok").find("xueji_session")->second);
    CPPUNIT_ASSERT(parse_cookies("a=" + std::string(9000, 'x') + "; xueji_session=late").empty());
    CPPUNIT_ASSERT(parse_cookies("xueji_session=" + std::string(9000, 'x')).size() <= 1);
  }

  void content_length_is_strict() {
    CPPUNIT_ASSERT_EQUAL(std::size_t(12), parse_content_length("12"));
    CPPUNIT_ASSERT_EQUAL(std::size_t(0), parse_content_length("0"));
    CPPUNIT_ASSERT_EQUAL(400, status_of([] { parse_content_length(nullptr); }));
    CPPUNIT_ASSERT_EQUAL(400, status_of([] { parse_content_length(""); }));
    CPPUNIT_ASSERT_EQUAL(400, status_of([] { parse_content_length("-1"); }));
    CPPUNIT_ASSERT_EQUAL(400, status_of([] { parse_content_length("12a"); }));
    CPPUNIT_ASSERT_EQUAL(400, status_of([] { parse_content_length(" 12"); }));
    CPPUNIT_ASSERT_EQUAL(413, status_of([] { parse_content_length("16385"); }));
    CPPUNIT_ASSERT_EQUAL(413, status_of([] { parse_content_length("99999999999999999999999"); }));
  }

  void builds_a_request_from_cgi_variables() {
    Request r = build_request(env_of({{"REQUEST_METHOD", "POST"},
                                      {"DOCUMENT_URI", "/login"},
                                      {"QUERY_STRING", "notice=logged_out"},
                                      {"CONTENT_TYPE", "application/x-www-form-urlencoded; charset=UTF-8"},
                                      {"HTTP_COOKIE", "xueji_session=v"},
                                      {"REMOTE_ADDR", "192.0.2.7"},
                                      {"REQUEST_ID", "abc123"}}),
                              "account=t01&password=p%26w");
    CPPUNIT_ASSERT_EQUAL(std::string("POST"), r.method);
    CPPUNIT_ASSERT_EQUAL(std::string("/login"), r.path);
    CPPUNIT_ASSERT_EQUAL(std::string("logged_out"), std::string(r.param("notice")));
    CPPUNIT_ASSERT_EQUAL(std::string("p&w"), std::string(r.field("password")));
    CPPUNIT_ASSERT_EQUAL(std::string("v"), std::string(r.cookie("xueji_session")));
    CPPUNIT_ASSERT_EQUAL(std::string("192.0.2.7"), r.remote_addr);
    CPPUNIT_ASSERT(r.field("absent").empty());
  }

  void post_with_another_content_type_is_refused() {
    CPPUNIT_ASSERT_EQUAL(400, status_of([] {
      build_request(env_of({{"REQUEST_METHOD", "POST"}, {"CONTENT_TYPE", "application/json"}}),
                    "{\"a\":1}");
    }));
  }

  void percent_encode_round_trips() {
    std::string text = "a b&c=d/中文%+";
    CPPUNIT_ASSERT_EQUAL(text, percent_decode(xueji::percent_encode(text)));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(ParseTest);
