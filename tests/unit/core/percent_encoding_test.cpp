// percent_encoding_test.cpp: RFC 3986 percent-encoding — unreserved characters stay, every other
// byte (UTF-8 included) becomes %XX, and fcgi/parse.cpp's decoding gives the text back.
#include "core/percent_encoding.h"

#include <cppunit/extensions/HelperMacros.h>

#include <string>

namespace xueji {

class PercentEncodingTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(PercentEncodingTest);
  CPPUNIT_TEST(unreserved_characters_stay);
  CPPUNIT_TEST(every_other_byte_becomes_upper_case_hex);
  CPPUNIT_TEST_SUITE_END();

 public:
  void unreserved_characters_stay() {
    std::string all = "ABCXYZabcxyz0189-._~";
    CPPUNIT_ASSERT_EQUAL(all, percent_encode(all));
    CPPUNIT_ASSERT(is_unreserved('~') && !is_unreserved('+') && !is_unreserved('/'));
  }

  void every_other_byte_becomes_upper_case_hex() {
    CPPUNIT_ASSERT_EQUAL(std::string("%E6%95%99%E5%8B%99"), percent_encode("教務"));
    CPPUNIT_ASSERT_EQUAL(std::string("a%20b%26c%3D%2F%25%2B%3A%00"),
                         percent_encode(std::string("a b&c=/%+:\0", 11)));
    CPPUNIT_ASSERT_EQUAL(std::string("%FF"), percent_encode("\xff"));
    CPPUNIT_ASSERT_EQUAL(std::string(), percent_encode(""));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(PercentEncodingTest);

}  // namespace xueji
