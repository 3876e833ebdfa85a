// staff_csv_test.cpp: the staff CSV's line checks — header, fields, duplicates, every refused
// line named by number, never the clear ID number in a message.
#include "core/staff_csv.h"

#include <cppunit/extensions/HelperMacros.h>

#include <chrono>
#include <string>

namespace xueji {
namespace {

const std::string kSecret(32, 's');
const TimePoint kNow = std::chrono::sys_days{std::chrono::year{2026} / 12 / 5};

}  // namespace

class StaffCsvTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(StaffCsvTest);
  CPPUNIT_TEST(good_lines_are_kept_with_hmac_and_mask);
  CPPUNIT_TEST(bad_lines_are_named_in_order);
  CPPUNIT_TEST(missing_header_is_refused);
  CPPUNIT_TEST_SUITE_END();

 public:
  void good_lines_are_kept_with_hmac_and_mask() {
    auto c = check_staff_csv(
        "national_id,name,birth_date,phone\nA123456789,王小明,1985-03-14,0912-345-678\n", kSecret,
        kNow);
    CPPUNIT_ASSERT(c.errors.empty());
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, c.rows.size());
    CPPUNIT_ASSERT_EQUAL(2, c.rows[0].line);
    CPPUNIT_ASSERT_EQUAL(std::string("A12****789"), c.rows[0].id_masked);
    CPPUNIT_ASSERT_EQUAL(std::size_t{32}, c.rows[0].id_hmac.size());
  }

  void bad_lines_are_named_in_order() {
    auto c = check_staff_csv(
        "national_id,name,birth_date,phone\n"
        "A123456788,甲,1985-03-14,\n"
        "A123456789,乙,1985-03-14,\n"
        "A123456789,丙,1985-03-14,\n"
        "too,few\n",
        kSecret, kNow);
    CPPUNIT_ASSERT_EQUAL(std::size_t{3}, c.errors.size());
    CPPUNIT_ASSERT(c.errors[0].message.rfind("第 2 行：", 0) == 0);
    CPPUNIT_ASSERT(c.errors[1].message.rfind("第 4 行：", 0) == 0);
    CPPUNIT_ASSERT(c.errors[1].message.find("與第 3 行是同一人") != std::string::npos);
    CPPUNIT_ASSERT(c.errors[1].message.find("A123456789") == std::string::npos);
    CPPUNIT_ASSERT(c.errors[2].message.rfind("第 5 行：", 0) == 0);
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, c.rows.size());
  }

  void missing_header_is_refused() {
    auto c = check_staff_csv("A123456789,王小明,1985-03-14,\n", kSecret, kNow);
    CPPUNIT_ASSERT(!c.errors.empty());
    CPPUNIT_ASSERT(c.errors[0].message.find("標題列") != std::string::npos);
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(StaffCsvTest);

}  // namespace xueji
