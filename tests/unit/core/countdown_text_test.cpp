// countdown_text_test.cpp: the 剩餘時間 text shown before the page's script takes over.
#include <cppunit/extensions/HelperMacros.h>

#include "core/email_code.h"

class CountdownTextTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(CountdownTextTest);
  CPPUNIT_TEST(formats_minutes_and_seconds);
  CPPUNIT_TEST_SUITE_END();

 public:
  void formats_minutes_and_seconds() {
    CPPUNIT_ASSERT_EQUAL(std::string("05:00"), xueji::countdown_text(300));
    CPPUNIT_ASSERT_EQUAL(std::string("04:05"), xueji::countdown_text(245));
    CPPUNIT_ASSERT_EQUAL(std::string("00:09"), xueji::countdown_text(9));
    CPPUNIT_ASSERT_EQUAL(std::string("00:00"), xueji::countdown_text(0));
    CPPUNIT_ASSERT_EQUAL(std::string("00:00"), xueji::countdown_text(-3));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(CountdownTextTest);
