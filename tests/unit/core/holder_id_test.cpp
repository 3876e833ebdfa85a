// holder_id_test.cpp: the holder's own ID number is found in a password through its HMAC alone,
// in any case and any position, and nobody else's number is mistaken for it.
#include "core/holder_id.h"

#include <cppunit/extensions/HelperMacros.h>

#include "core/personal_data.h"

namespace xueji {

class HolderIdTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(HolderIdTest);
  CPPUNIT_TEST(finds_the_number_anywhere_in_any_case);
  CPPUNIT_TEST(other_numbers_and_short_texts_are_not_it);
  CPPUNIT_TEST_SUITE_END();

  const std::string secret_ = std::string(40, 'k');
  const std::string hmac_ = national_id_hmac(secret_, "A123456789");

 public:
  void finds_the_number_anywhere_in_any_case() {
    for (const char* text : {"A123456789", "xyA123456789!", "a123456789Pass!", "Pw#a123456789"}) {
      CPPUNIT_ASSERT_MESSAGE(text, contains_holder_id(text, secret_, hmac_));
    }
  }

  void other_numbers_and_short_texts_are_not_it() {
    for (const char* text : {"", "A12345678", "B123456789x", "A123456780", "A12345678 9"}) {
      CPPUNIT_ASSERT_MESSAGE(text, !contains_holder_id(text, secret_, hmac_));
    }
    // The same number under another secret is another hash.
    CPPUNIT_ASSERT(!contains_holder_id("A123456789", std::string(40, 'j'), hmac_));
    CPPUNIT_ASSERT(!contains_holder_id("A123456789", secret_, ""));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(HolderIdTest);

}  // namespace xueji
