// phone_test.cpp: Taiwan mobile and landline numbers, separators, extensions, refusals.
#include "core/phone.h"

#include <cppunit/extensions/HelperMacros.h>

#include <string>

namespace xueji {
namespace {

std::string norm(std::string_view input) {
  auto out = normalize_phone(input);
  return out ? *out : "<invalid>";
}

}  // namespace

class PhoneTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(PhoneTest);
  CPPUNIT_TEST(mobile_numbers);
  CPPUNIT_TEST(landlines_of_each_area_length);
  CPPUNIT_TEST(separators_are_dropped);
  CPPUNIT_TEST(full_width_input_is_accepted);
  CPPUNIT_TEST(country_code_becomes_the_leading_zero);
  CPPUNIT_TEST(extensions);
  CPPUNIT_TEST(wrong_lengths_are_refused);
  CPPUNIT_TEST(other_text_is_refused);
  CPPUNIT_TEST_SUITE_END();

 public:
  void mobile_numbers() {
    CPPUNIT_ASSERT_EQUAL(std::string("0912345678"), norm("0912345678"));
    CPPUNIT_ASSERT_EQUAL(std::string("0987654321"), norm("0987-654-321"));
    CPPUNIT_ASSERT_EQUAL(std::string("<invalid>"), norm("091234567"));    // 9 digits
    CPPUNIT_ASSERT_EQUAL(std::string("<invalid>"), norm("09123456789"));  // 11 digits
  }

  void landlines_of_each_area_length() {
    CPPUNIT_ASSERT_EQUAL(std::string("02-23456789"), norm("02-23456789"));
    CPPUNIT_ASSERT_EQUAL(std::string("03-4567890"), norm("03-4567890"));
    CPPUNIT_ASSERT_EQUAL(std::string("037-323456"), norm("037-323456"));
    CPPUNIT_ASSERT_EQUAL(std::string("04-22345678"), norm("04-22345678"));  // 臺中, 8 digits
    CPPUNIT_ASSERT_EQUAL(std::string("04-7234567"), norm("04-7234567"));    // 彰化, 7 digits
    CPPUNIT_ASSERT_EQUAL(std::string("049-2345678"), norm("049-2345678"));
    CPPUNIT_ASSERT_EQUAL(std::string("05-2345678"), norm("05-2345678"));
    CPPUNIT_ASSERT_EQUAL(std::string("06-2345678"), norm("06-2345678"));
    CPPUNIT_ASSERT_EQUAL(std::string("07-2345678"), norm("07-2345678"));
    CPPUNIT_ASSERT_EQUAL(std::string("08-7345678"), norm("08-7345678"));
    CPPUNIT_ASSERT_EQUAL(std::string("089-345678"), norm("089-345678"));
    CPPUNIT_ASSERT_EQUAL(std::string("082-312345"), norm("082-312345"));
    CPPUNIT_ASSERT_EQUAL(std::string("0836-22345"), norm("0836-22345"));
    CPPUNIT_ASSERT_EQUAL(std::string("0826-52345"), norm("0826-52345"));
  }

  void separators_are_dropped() {
    CPPUNIT_ASSERT_EQUAL(std::string("02-23456789"), norm("(02) 2345-6789"));
    CPPUNIT_ASSERT_EQUAL(std::string("02-23456789"), norm("  0223456789 "));
    CPPUNIT_ASSERT_EQUAL(std::string("0912345678"), norm("0912 345 678"));
    CPPUNIT_ASSERT_EQUAL(std::string("037-323456"), norm("(037)323-456"));
  }

  void full_width_input_is_accepted() {
    CPPUNIT_ASSERT_EQUAL(std::string("0912345678"), norm("０９１２３４５６７８"));
    CPPUNIT_ASSERT_EQUAL(std::string("02-23456789#12"), norm("（０２）２３４５－６７８９＃１２"));
    CPPUNIT_ASSERT_EQUAL(std::string("0912345678"), norm("0912\xE3\x80\x80"
                                                         "345678"));
  }

  void country_code_becomes_the_leading_zero() {
    CPPUNIT_ASSERT_EQUAL(std::string("0912345678"), norm("+886 912 345 678"));
    CPPUNIT_ASSERT_EQUAL(std::string("0912345678"), norm("+886-912345678"));
    CPPUNIT_ASSERT_EQUAL(std::string("02-23456789"), norm("+886 2 2345 6789"));
    CPPUNIT_ASSERT_EQUAL(std::string("02-23456789"), norm("+886 (0)2 2345 6789"));
    CPPUNIT_ASSERT_EQUAL(std::string("<invalid>"), norm("+1 212 555 0100"));
  }

  void extensions() {
    CPPUNIT_ASSERT_EQUAL(std::string("02-23456789#123"), norm("02-23456789#123"));
    CPPUNIT_ASSERT_EQUAL(std::string("02-23456789#123"), norm("02-2345-6789 # 123"));
    CPPUNIT_ASSERT_EQUAL(std::string("02-23456789#5"), norm("02-23456789 ext. 5"));
    CPPUNIT_ASSERT_EQUAL(std::string("02-23456789#5"), norm("02-23456789 EXT5"));
    CPPUNIT_ASSERT_EQUAL(std::string("07-2345678#201"), norm("07-2345678分機201"));
    CPPUNIT_ASSERT_EQUAL(std::string("<invalid>"), norm("02-23456789#"));
    CPPUNIT_ASSERT_EQUAL(std::string("<invalid>"), norm("02-23456789#1234567"));
    CPPUNIT_ASSERT_EQUAL(std::string("<invalid>"), norm("02-23456789#12a"));
    CPPUNIT_ASSERT_EQUAL(std::string("<invalid>"), norm("0912345678#1"));  // mobiles have none
  }

  void wrong_lengths_are_refused() {
    CPPUNIT_ASSERT_EQUAL(std::string("<invalid>"), norm("02-2345678"));  // Taipei needs 8
    CPPUNIT_ASSERT_EQUAL(std::string("<invalid>"), norm("02-234567890"));
    CPPUNIT_ASSERT_EQUAL(std::string("<invalid>"), norm("03-45678901"));  // 03 has 7
    CPPUNIT_ASSERT_EQUAL(std::string("<invalid>"), norm("037-32345"));
    CPPUNIT_ASSERT_EQUAL(std::string("<invalid>"), norm("0836-123456"));
    CPPUNIT_ASSERT_EQUAL(std::string("<invalid>"), norm("02-03456789"));  // leading 0 after area
    CPPUNIT_ASSERT_EQUAL(std::string("<invalid>"), norm("01-2345678"));   // no such area
    CPPUNIT_ASSERT_EQUAL(std::string("<invalid>"), norm("23456789"));     // no area code
  }

  void other_text_is_refused() {
    CPPUNIT_ASSERT_EQUAL(std::string("<invalid>"), norm(""));
    CPPUNIT_ASSERT_EQUAL(std::string("<invalid>"), norm("   "));
    CPPUNIT_ASSERT_EQUAL(std::string("<invalid>"), norm("0912-345-67O"));  // letter O
    CPPUNIT_ASSERT_EQUAL(std::string("<invalid>"), norm("0912.345.678"));
    CPPUNIT_ASSERT_EQUAL(std::string("<invalid>"), norm(std::string(80, '0')));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(PhoneTest);

}  // namespace xueji
