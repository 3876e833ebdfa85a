// school_year_test.cpp: 學年度/學期 at their boundaries, by date and by UTC instant, and ROC input.
#include "core/school_year.h"

#include <cppunit/extensions/HelperMacros.h>

#include "tests/unit/support/utc.h"

#include <chrono>
#include <string>

namespace xueji {
namespace {

using namespace std::chrono;

using test::utc;

}  // namespace

class SchoolYearTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(SchoolYearTest);
  CPPUNIT_TEST(year_turns_on_august_first);
  CPPUNIT_TEST(year_spans_the_new_year);
  CPPUNIT_TEST(year_at_instant_uses_taipei_date);
  CPPUNIT_TEST(semester_turns_on_february_first_and_august_first);
  CPPUNIT_TEST(semester_of_every_month);
  CPPUNIT_TEST(semester_at_instant_uses_taipei_date);
  CPPUNIT_TEST(start_of_year_round_trips);
  CPPUNIT_TEST(roc_year_input_accepted);
  CPPUNIT_TEST(roc_year_input_rejected);
  CPPUNIT_TEST_SUITE_END();

 public:
  void year_turns_on_august_first() {
    CPPUNIT_ASSERT_EQUAL(114, school_year_of({2026, 7, 31}));
    CPPUNIT_ASSERT_EQUAL(115, school_year_of({2026, 8, 1}));
    CPPUNIT_ASSERT_EQUAL(115, school_year_of({2027, 7, 31}));
    CPPUNIT_ASSERT_EQUAL(116, school_year_of({2027, 8, 1}));
    CPPUNIT_ASSERT_EQUAL(111, school_year_of({2022, 8, 30}));  // the manual's 111學年度第1學期
  }

  void year_spans_the_new_year() {
    CPPUNIT_ASSERT_EQUAL(115, school_year_of({2026, 12, 31}));
    CPPUNIT_ASSERT_EQUAL(115, school_year_of({2027, 1, 1}));
    CPPUNIT_ASSERT_EQUAL(115, school_year_of({2027, 1, 31}));
    CPPUNIT_ASSERT_EQUAL(115, school_year_of({2027, 2, 1}));
  }

  void year_at_instant_uses_taipei_date() {
    CPPUNIT_ASSERT_EQUAL(115, school_year_at(utc(2026, 7, 31, 16, 0, 0)));    // Aug 1 00:00 Taipei
    CPPUNIT_ASSERT_EQUAL(114, school_year_at(utc(2026, 7, 31, 15, 59, 59)));  // Jul 31 23:59:59
    CPPUNIT_ASSERT_EQUAL(115, school_year_at(utc(2026, 8, 1, 0, 0, 0)));
    CPPUNIT_ASSERT_EQUAL(115, school_year_at(utc(2027, 7, 31, 15, 59, 59)));
    CPPUNIT_ASSERT_EQUAL(116, school_year_at(utc(2027, 7, 31, 16, 0, 0)));
  }

  void semester_turns_on_february_first_and_august_first() {
    CPPUNIT_ASSERT_EQUAL(2, semester_of({2026, 7, 31}));
    CPPUNIT_ASSERT_EQUAL(1, semester_of({2026, 8, 1}));
    CPPUNIT_ASSERT_EQUAL(1, semester_of({2027, 1, 31}));
    CPPUNIT_ASSERT_EQUAL(2, semester_of({2027, 2, 1}));
  }

  void semester_of_every_month() {
    const int expected[] = {1, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1};  // January .. December
    for (int month = 1; month <= 12; ++month) {
      for (int day : {1, 15, 28}) {
        CPPUNIT_ASSERT_EQUAL_MESSAGE(std::to_string(month), expected[month - 1],
                                     semester_of({2026, month, day}));
      }
    }
  }

  void semester_at_instant_uses_taipei_date() {
    CPPUNIT_ASSERT_EQUAL(2, semester_of(taipei_date(utc(2027, 1, 31, 16, 0, 0))));
    CPPUNIT_ASSERT_EQUAL(1, semester_of(taipei_date(utc(2027, 1, 31, 15, 59, 59))));
    CPPUNIT_ASSERT_EQUAL(1, semester_of(taipei_date(utc(2026, 7, 31, 16, 0, 0))));
    CPPUNIT_ASSERT_EQUAL(2, semester_of(taipei_date(utc(2026, 7, 31, 15, 59, 59))));
  }

  void start_of_year_round_trips() {
    CPPUNIT_ASSERT(school_year_start(115) == (CivilDate{2026, 8, 1}));
    CPPUNIT_ASSERT(school_year_start(80) == (CivilDate{1991, 8, 1}));
    for (int roc = kMinRocSchoolYear; roc <= kMaxRocSchoolYear; ++roc) {
      const CivilDate start = school_year_start(roc);
      CPPUNIT_ASSERT_EQUAL(roc, school_year_of(start));
      CPPUNIT_ASSERT_EQUAL(roc - 1, school_year_of({start.year, 7, 31}));
      CPPUNIT_ASSERT_EQUAL(roc, school_year_at(taipei_midnight(start)));
      CPPUNIT_ASSERT_EQUAL(roc - 1, school_year_at(taipei_midnight(start) - seconds{1}));
    }
  }

  void roc_year_input_accepted() {
    CPPUNIT_ASSERT(valid_roc_year("115"));
    CPPUNIT_ASSERT(parse_roc_year("115") == 115);
    CPPUNIT_ASSERT(parse_roc_year("80") == 80);
    CPPUNIT_ASSERT(parse_roc_year("99") == 99);
    CPPUNIT_ASSERT(parse_roc_year("100") == 100);
    CPPUNIT_ASSERT(parse_roc_year("200") == 200);
  }

  void roc_year_input_rejected() {
    for (const char* s :
         {"",    "1",   "8",    "79",   "201", "999", "1000", "0115", "099",    "080",
          "11a", "a11", " 115", "115 ", "+99", "-99", "1 5",  "11.5", "２００", "１１５"}) {
      CPPUNIT_ASSERT_MESSAGE(s, !valid_roc_year(s));
      CPPUNIT_ASSERT_MESSAGE(s, !parse_roc_year(s).has_value());
    }
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(SchoolYearTest);

}  // namespace xueji
