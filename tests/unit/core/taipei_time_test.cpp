// taipei_time_test.cpp: UTC+8 date boundaries, formatting, strict date parsing, day arithmetic.
#include "core/taipei_time.h"

#include <cppunit/extensions/HelperMacros.h>

#include "tests/unit/support/utc.h"

#include <chrono>
#include <string>

namespace xueji {
namespace {

using namespace std::chrono;

using test::utc;

std::string text(CivilDate d) { return format_date(d); }

}  // namespace

class TaipeiTimeTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(TaipeiTimeTest);
  CPPUNIT_TEST(date_turns_at_sixteen_utc);
  CPPUNIT_TEST(date_before_the_epoch_floors);
  CPPUNIT_TEST(format_shows_taipei_wall_clock);
  CPPUNIT_TEST(format_truncates_fractions);
  CPPUNIT_TEST(parse_accepts_real_dates);
  CPPUNIT_TEST(parse_rejects_impossible_dates);
  CPPUNIT_TEST(parse_rejects_other_spellings);
  CPPUNIT_TEST(format_date_pads_and_round_trips);
  CPPUNIT_TEST(midnight_is_sixteen_utc_the_day_before);
  CPPUNIT_TEST(days_between_counts_calendar_days);
  CPPUNIT_TEST(dates_compare_by_year_month_day);
  CPPUNIT_TEST(validity_guards_out_of_range_fields);
  CPPUNIT_TEST_SUITE_END();

 public:
  void date_turns_at_sixteen_utc() {
    CPPUNIT_ASSERT_EQUAL(std::string("2026-08-01"), text(taipei_date(utc(2026, 7, 31, 16))));
    CPPUNIT_ASSERT_EQUAL(std::string("2026-07-31"),
                         text(taipei_date(utc(2026, 7, 31, 15, 59, 59))));
    CPPUNIT_ASSERT_EQUAL(std::string("2026-07-31"), text(taipei_date(utc(2026, 7, 31, 0))));
    CPPUNIT_ASSERT_EQUAL(std::string("2027-01-01"), text(taipei_date(utc(2026, 12, 31, 16))));
    CPPUNIT_ASSERT_EQUAL(std::string("2024-02-29"), text(taipei_date(utc(2024, 2, 28, 16))));
    CPPUNIT_ASSERT_EQUAL(std::string("2024-03-01"), text(taipei_date(utc(2024, 2, 29, 16))));
  }

  void date_before_the_epoch_floors() {
    CPPUNIT_ASSERT_EQUAL(std::string("1970-01-01"), text(taipei_date(utc(1969, 12, 31, 16))));
    CPPUNIT_ASSERT_EQUAL(std::string("1969-12-31"),
                         text(taipei_date(utc(1969, 12, 31, 15, 59, 59))));
    CPPUNIT_ASSERT_EQUAL(std::string("1986-01-02"), text(taipei_date(utc(1986, 1, 1, 16))));
  }

  void format_shows_taipei_wall_clock() {
    CPPUNIT_ASSERT_EQUAL(std::string("2026-08-01 08:00:00"), format_taipei(utc(2026, 8, 1)));
    CPPUNIT_ASSERT_EQUAL(std::string("2026-08-01 00:00:00"), format_taipei(utc(2026, 7, 31, 16)));
    CPPUNIT_ASSERT_EQUAL(std::string("2026-07-31 23:59:59"),
                         format_taipei(utc(2026, 7, 31, 15, 59, 59)));
    CPPUNIT_ASSERT_EQUAL(std::string("2027-01-01 00:00:00"), format_taipei(utc(2026, 12, 31, 16)));
    CPPUNIT_ASSERT_EQUAL(std::string("1970-01-01 08:00:00"), format_taipei(TimePoint{}));
    CPPUNIT_ASSERT_EQUAL(std::string("1969-12-31 23:59:59"),
                         format_taipei(utc(1969, 12, 31, 15, 59, 59)));
    CPPUNIT_ASSERT_EQUAL(std::string("2026-03-05 21:07:09"),
                         format_taipei(utc(2026, 3, 5, 13, 7, 9)));
  }

  void format_truncates_fractions() {
    const TimePoint almost = utc(2026, 7, 31, 15, 59, 59) + milliseconds{999};
    CPPUNIT_ASSERT_EQUAL(std::string("2026-07-31 23:59:59"), format_taipei(almost));
    const TimePoint before_epoch = TimePoint{} - milliseconds{1};
    CPPUNIT_ASSERT_EQUAL(std::string("1970-01-01 07:59:59"), format_taipei(before_epoch));
  }

  void parse_accepts_real_dates() {
    for (const char* s : {"2026-08-01", "1986-01-02", "2024-02-29", "2000-02-29", "1900-01-01",
                          "9999-12-31", "2026-01-31", "2026-04-30", "2026-12-31"}) {
      const auto d = parse_iso_date(s);
      CPPUNIT_ASSERT_MESSAGE(s, d.has_value());
      CPPUNIT_ASSERT_EQUAL(std::string(s), format_date(*d));
    }
    CPPUNIT_ASSERT(parse_iso_date("1986-01-02") == (CivilDate{1986, 1, 2}));
  }

  void parse_rejects_impossible_dates() {
    for (const char* s : {"2023-02-29", "1900-02-29", "2100-02-29", "2026-02-30", "2026-04-31",
                          "2026-06-31", "2026-09-31", "2026-11-31", "2026-13-01", "2026-00-10",
                          "2026-01-00", "2026-01-32", "1899-12-31", "0000-01-01", "0999-01-01"}) {
      CPPUNIT_ASSERT_MESSAGE(s, !parse_iso_date(s).has_value());
    }
  }

  void parse_rejects_other_spellings() {
    for (const char* s :
         {"", "2026-8-1", "2026-08-1", "2026/08/01", "2026.08.01", "20260801", " 2026-08-01",
          "2026-08-01 ", "2026-08-01T00:00", "+026-08-01", "2026-08-0a", "2026-0x-01",
          "-2026-08-01", "115-08-01", "2026--8-01", "２026-08-01", "12026-08-01"}) {
      CPPUNIT_ASSERT_MESSAGE(s, !parse_iso_date(s).has_value());
    }
  }

  void format_date_pads_and_round_trips() {
    CPPUNIT_ASSERT_EQUAL(std::string("1986-01-02"), format_date({1986, 1, 2}));
    CPPUNIT_ASSERT_EQUAL(std::string("2026-12-31"), format_date({2026, 12, 31}));
    CPPUNIT_ASSERT_EQUAL(std::string("0999-03-04"), format_date({999, 3, 4}));
  }

  void midnight_is_sixteen_utc_the_day_before() {
    CPPUNIT_ASSERT(taipei_midnight({2026, 8, 1}) == utc(2026, 7, 31, 16));
    CPPUNIT_ASSERT(taipei_midnight({1970, 1, 1}) == utc(1969, 12, 31, 16));
    for (const CivilDate d : {CivilDate{2026, 8, 1}, CivilDate{2024, 2, 29}, CivilDate{2027, 1, 1},
                              CivilDate{1950, 6, 15}}) {
      CPPUNIT_ASSERT_EQUAL(format_date(d), text(taipei_date(taipei_midnight(d))));
      CPPUNIT_ASSERT(taipei_date(taipei_midnight(d) - seconds{1}) < d);
      CPPUNIT_ASSERT_EQUAL(format_date(d) + " 00:00:00", format_taipei(taipei_midnight(d)));
    }
  }

  void days_between_counts_calendar_days() {
    CPPUNIT_ASSERT_EQUAL(0, days_between({2026, 8, 1}, {2026, 8, 1}));
    CPPUNIT_ASSERT_EQUAL(1, days_between({2026, 7, 31}, {2026, 8, 1}));
    CPPUNIT_ASSERT_EQUAL(-1, days_between({2026, 8, 1}, {2026, 7, 31}));
    CPPUNIT_ASSERT_EQUAL(2, days_between({2024, 2, 28}, {2024, 3, 1}));  // leap year
    CPPUNIT_ASSERT_EQUAL(1, days_between({2023, 2, 28}, {2023, 3, 1}));
    CPPUNIT_ASSERT_EQUAL(1, days_between({2026, 12, 31}, {2027, 1, 1}));
    CPPUNIT_ASSERT_EQUAL(365, days_between({2026, 8, 1}, {2027, 8, 1}));
    CPPUNIT_ASSERT_EQUAL(366, days_between({2027, 8, 1}, {2028, 8, 1}));
    CPPUNIT_ASSERT_EQUAL(10957, days_between({1970, 1, 1}, {2000, 1, 1}));
    CPPUNIT_ASSERT_EQUAL(-10957, days_between({2000, 1, 1}, {1970, 1, 1}));
  }

  void dates_compare_by_year_month_day() {
    CPPUNIT_ASSERT(CivilDate({2026, 8, 1}) == CivilDate({2026, 8, 1}));
    CPPUNIT_ASSERT(CivilDate({2026, 8, 1}) != CivilDate({2026, 8, 2}));
    CPPUNIT_ASSERT(CivilDate({2026, 7, 31}) < CivilDate({2026, 8, 1}));
    CPPUNIT_ASSERT(CivilDate({2025, 12, 31}) < CivilDate({2026, 1, 1}));
    CPPUNIT_ASSERT(CivilDate({2026, 1, 31}) < CivilDate({2026, 2, 1}));
    CPPUNIT_ASSERT(CivilDate({2026, 2, 1}) > CivilDate({2026, 1, 31}));
    CPPUNIT_ASSERT(CivilDate({2026, 2, 1}) >= CivilDate({2026, 2, 1}));
    CPPUNIT_ASSERT(!(CivilDate({2027, 1, 1}) <= CivilDate({2026, 12, 31})));
  }

  void validity_guards_out_of_range_fields() {
    CPPUNIT_ASSERT(is_valid_date({2024, 2, 29}));
    CPPUNIT_ASSERT(!is_valid_date({2023, 2, 29}));
    CPPUNIT_ASSERT(!is_valid_date({}));
    CPPUNIT_ASSERT(!is_valid_date({2026, -1, 5}));
    CPPUNIT_ASSERT(!is_valid_date({2026, 1, -3}));
    CPPUNIT_ASSERT(!is_valid_date({2026, 4, 31}));
    // chrono::day keeps 8 bits: 257 would wrap to 1 and pass a naive check.
    CPPUNIT_ASSERT(!is_valid_date({2026, 1, 257}));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(TaipeiTimeTest);

}  // namespace xueji
