// captcha_answer_test.cpp: answers are 4 digits, typed input is normalised, hashes are bound.
#include "core/captcha_answer.h"

#include <cppunit/extensions/HelperMacros.h>

#include <set>

using namespace xueji;

class CaptchaAnswerTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(CaptchaAnswerTest);
  CPPUNIT_TEST(answers_are_four_random_digits);
  CPPUNIT_TEST(typed_input_is_normalised);
  CPPUNIT_TEST(typed_input_that_cannot_be_an_answer_is_empty);
  CPPUNIT_TEST(hash_is_bound_to_session_form_and_answer);
  CPPUNIT_TEST(only_known_forms);
  CPPUNIT_TEST_SUITE_END();

 public:
  void answers_are_four_random_digits() {
    crypto::Random random;
    std::set<std::string> seen;
    std::set<char> digits;
    for (int i = 0; i < 500; ++i) {
      std::string a = new_captcha_answer(random);
      CPPUNIT_ASSERT_EQUAL(std::size_t(4), a.size());
      CPPUNIT_ASSERT(a.find_first_not_of("0123456789") == std::string::npos);
      seen.insert(a);
      digits.insert(a.begin(), a.end());
    }
    CPPUNIT_ASSERT(seen.size() > 450);       // 500 draws from 10,000 rarely repeat
    CPPUNIT_ASSERT_EQUAL(std::size_t(10), digits.size());
  }

  void typed_input_is_normalised() {
    CPPUNIT_ASSERT_EQUAL(std::string("0123"), normalize_captcha_input("0123"));
    CPPUNIT_ASSERT_EQUAL(std::string("0123"), normalize_captcha_input("  01 23 "));
    CPPUNIT_ASSERT_EQUAL(std::string("8590"), normalize_captcha_input("８５９０"));  // full-width
    CPPUNIT_ASSERT_EQUAL(std::string("8590"), normalize_captcha_input("８5９0"));
  }

  void typed_input_that_cannot_be_an_answer_is_empty() {
    for (const char* bad : {"", "123", "12345", "12a4", "١٢٣٤", "12\n3", "abcd", "1234\xEF"}) {
      CPPUNIT_ASSERT_EQUAL_MESSAGE(bad, std::string(), normalize_captcha_input(bad));
    }
  }

  void hash_is_bound_to_session_form_and_answer() {
    std::string secret(32, 's');
    std::string base = captcha_answer_hmac(secret, "session-1", "login", "1234");
    CPPUNIT_ASSERT_EQUAL(std::size_t(32), base.size());
    CPPUNIT_ASSERT(base == captcha_answer_hmac(secret, "session-1", "login", "1234"));
    CPPUNIT_ASSERT(base != captcha_answer_hmac(secret, "session-2", "login", "1234"));
    CPPUNIT_ASSERT(base != captcha_answer_hmac(secret, "session-1", "apply_identity", "1234"));
    CPPUNIT_ASSERT(base != captcha_answer_hmac(secret, "session-1", "login", "1235"));
    CPPUNIT_ASSERT(base != captcha_answer_hmac(std::string(32, 't'), "session-1", "login", "1234"));
  }

  void only_known_forms() {
    CPPUNIT_ASSERT(valid_captcha_form("login"));
    CPPUNIT_ASSERT(valid_captcha_form("apply_identity"));
    CPPUNIT_ASSERT(!valid_captcha_form(""));
    CPPUNIT_ASSERT(!valid_captcha_form("LOGIN"));
    CPPUNIT_ASSERT(!valid_captcha_form("login "));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(CaptchaAnswerTest);
