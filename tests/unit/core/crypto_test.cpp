// crypto_test.cpp: base64 and hex both ways (RFC 4648 vectors), constant-time comparison.
#include "core/crypto.h"

#include <cppunit/extensions/HelperMacros.h>

#include <string>

namespace xueji::crypto {

class CryptoTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(CryptoTest);
  CPPUNIT_TEST(base64_vectors);
  CPPUNIT_TEST(decoding_takes_padded_and_unpadded_text);
  CPPUNIT_TEST(decoding_round_trips_every_byte);
  CPPUNIT_TEST(decoding_refuses_what_is_not_base64);
  CPPUNIT_TEST(constant_time_equal_compares_whole_strings);
  CPPUNIT_TEST(hex_round_trips_every_byte);
  CPPUNIT_TEST(hex_decoding_refuses_what_is_not_hex);
  CPPUNIT_TEST_SUITE_END();

 public:
  void hex_round_trips_every_byte() {
    std::string all;
    for (int i = 0; i < 256; ++i) all += static_cast<char>(i);
    CPPUNIT_ASSERT_EQUAL(all, from_hex(to_hex(all)).value());
    CPPUNIT_ASSERT_EQUAL(std::string("\xab\xcd", 2), from_hex("AbCd").value());
    CPPUNIT_ASSERT_EQUAL(std::string(""), from_hex("").value());
  }

  void hex_decoding_refuses_what_is_not_hex() {
    CPPUNIT_ASSERT(!from_hex("abc"));
    CPPUNIT_ASSERT(!from_hex("0g"));
    CPPUNIT_ASSERT(!from_hex(" 0"));
    CPPUNIT_ASSERT_EQUAL(-1, hex_digit_value('G'));
    CPPUNIT_ASSERT_EQUAL(15, hex_digit_value('F'));
  }

  void base64_vectors() {
    CPPUNIT_ASSERT_EQUAL(std::string(""), base64(""));
    CPPUNIT_ASSERT_EQUAL(std::string("Zg=="), base64("f"));
    CPPUNIT_ASSERT_EQUAL(std::string("Zm8="), base64("fo"));
    CPPUNIT_ASSERT_EQUAL(std::string("Zm9vYmFy"), base64("foobar"));
    CPPUNIT_ASSERT_EQUAL(std::string("Zm9vYg"), base64url("foob"));
  }

  void decoding_takes_padded_and_unpadded_text() {
    CPPUNIT_ASSERT_EQUAL(std::string("f"), base64_decode("Zg==").value());
    CPPUNIT_ASSERT_EQUAL(std::string("f"), base64_decode("Zg").value());
    CPPUNIT_ASSERT_EQUAL(std::string("fooba"), base64_decode("Zm9vYmE").value());
    CPPUNIT_ASSERT_EQUAL(std::string(""), base64_decode("").value());
  }

  void decoding_round_trips_every_byte() {
    std::string all;
    for (int i = 0; i < 256; ++i) all += static_cast<char>(i);
    for (std::size_t n = 0; n <= all.size(); n += 37) {
      std::string part = all.substr(0, n);
      CPPUNIT_ASSERT_EQUAL(part, base64_decode(base64(part)).value());
    }
  }

  void decoding_refuses_what_is_not_base64() {
    CPPUNIT_ASSERT(!base64_decode("Z"));        // one character is never a whole byte
    CPPUNIT_ASSERT(!base64_decode("Zm9v!"));    // outside the alphabet
    CPPUNIT_ASSERT(!base64_decode("Zm9v-_"));   // URL-safe alphabet is not this one
    CPPUNIT_ASSERT(!base64_decode("Zh"));       // leftover bits not zero
  }

  void constant_time_equal_compares_whole_strings() {
    CPPUNIT_ASSERT(constant_time_equal("abc", "abc"));
    CPPUNIT_ASSERT(!constant_time_equal("abc", "abd"));
    CPPUNIT_ASSERT(!constant_time_equal("abc", "abcd"));
    CPPUNIT_ASSERT(constant_time_equal("", ""));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(CryptoTest);

}  // namespace xueji::crypto
