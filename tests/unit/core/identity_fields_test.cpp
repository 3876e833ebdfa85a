// identity_fields_test.cpp: the field messages for an ID number and a birth date, shared by
// 身分驗證 and the forgot forms.
#include "core/identity_fields.h"

#include <cppunit/extensions/HelperMacros.h>

namespace xueji {
namespace {

const CivilDate kToday{2026, 8, 1};

}  // namespace

class IdentityFieldsTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(IdentityFieldsTest);
  CPPUNIT_TEST(national_id_required_and_well_formed);
  CPPUNIT_TEST(birth_date_required_real_and_not_after_today);
  CPPUNIT_TEST_SUITE_END();

 public:
  void national_id_required_and_well_formed() {
    CPPUNIT_ASSERT_EQUAL(std::string("請輸入身分證/外籍人士統一證號。"), national_id_field_error(""));
    CPPUNIT_ASSERT_EQUAL(std::string(), national_id_field_error("A123456789"));
    CPPUNIT_ASSERT_EQUAL(std::string(), national_id_field_error("A800000014"));  // new-style ARC
    for (const char* bad : {"A123456788", "A12345678", "1234567890", "A1234567890"}) {
      std::string message = national_id_field_error(bad);
      CPPUNIT_ASSERT_MESSAGE(bad, message.find("格式不正確") != std::string::npos);
    }
  }

  void birth_date_required_real_and_not_after_today() {
    CPPUNIT_ASSERT_EQUAL(std::string("請輸入出生年月日。"), birth_date_field_error("", kToday));
    CPPUNIT_ASSERT_EQUAL(std::string(), birth_date_field_error("1986-01-02", kToday));
    CPPUNIT_ASSERT_EQUAL(std::string(), birth_date_field_error("2026-08-01", kToday));
    CPPUNIT_ASSERT_EQUAL(std::string("出生年月日不可晚於今天，請確認後重新輸入。"),
                         birth_date_field_error("2026-08-02", kToday));
    for (const char* bad : {"1986-02-30", "1986/01/02", "86-01-02", "1986-1-2", "abc"}) {
      std::string message = birth_date_field_error(bad, kToday);
      CPPUNIT_ASSERT_MESSAGE(bad, message.find("yyyy-mm-dd") != std::string::npos);
    }
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(IdentityFieldsTest);

}  // namespace xueji
