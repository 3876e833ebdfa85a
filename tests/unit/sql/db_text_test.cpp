// db_text_test.cpp: the text forms times and raw bytes take between the workers and MariaDB
// (UTC DATETIME(6) text both ways, HEX() text back to bytes).
#include "sql/db.h"

#include <cppunit/extensions/HelperMacros.h>

#include "tests/unit/support/utc.h"

#include <chrono>
#include <stdexcept>
#include <string>

namespace xueji::store {
namespace {

using namespace std::chrono;

using test::utc;

}  // namespace

class DbTextTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(DbTextTest);
  CPPUNIT_TEST(formats_utc_with_microseconds);
  CPPUNIT_TEST(formats_before_the_epoch);
  CPPUNIT_TEST(parses_what_it_formats);
  CPPUNIT_TEST(parses_short_fractions_and_plain_dates);
  CPPUNIT_TEST(refuses_what_is_not_a_time);
  CPPUNIT_TEST(decodes_hex_of_either_case);
  CPPUNIT_TEST_SUITE_END();

 public:
  void formats_utc_with_microseconds() {
    CPPUNIT_ASSERT_EQUAL(std::string("2026-08-01 00:00:00.000000"),
                         format_time(utc(2026, 8, 1)));
    CPPUNIT_ASSERT_EQUAL(std::string("2026-11-29 23:59:58.000042"),
                         format_time(utc(2026, 11, 29, 23, 59, 58) + microseconds(42)));
    // Nanoseconds below a microsecond are dropped, as DATETIME(6) would.
    CPPUNIT_ASSERT_EQUAL(std::string("2024-02-29 12:30:05.123456"),
                         format_time(utc(2024, 2, 29, 12, 30, 5) + nanoseconds(123456789)));
  }

  void formats_before_the_epoch() {
    CPPUNIT_ASSERT_EQUAL(std::string("1969-12-31 23:59:59.500000"),
                         format_time(utc(1970, 1, 1) - milliseconds(500)));
    CPPUNIT_ASSERT_EQUAL(std::string("1911-01-01 00:00:00.000000"), format_time(utc(1911, 1, 1)));
  }

  void parses_what_it_formats() {
    for (TimePoint t : {utc(2026, 8, 1), utc(2026, 11, 29, 23, 59, 58) + microseconds(42),
                        utc(2024, 2, 29, 12, 30, 5) + microseconds(999999),
                        utc(1970, 1, 1) - milliseconds(500), utc(1911, 1, 1),
                        utc(2200, 12, 31, 23, 59, 59)}) {
      CPPUNIT_ASSERT(parse_time(format_time(t)) == t);
    }
  }

  void parses_short_fractions_and_plain_dates() {
    CPPUNIT_ASSERT(parse_time("2026-08-01 10:20:30.5") ==
                   utc(2026, 8, 1, 10, 20, 30) + milliseconds(500));
    CPPUNIT_ASSERT(parse_time("2026-08-01 10:20:30") == utc(2026, 8, 1, 10, 20, 30));
    CPPUNIT_ASSERT(parse_time("2026-08-01") == utc(2026, 8, 1));
  }

  void refuses_what_is_not_a_time() {
    CPPUNIT_ASSERT_THROW(parse_time(""), std::runtime_error);
    CPPUNIT_ASSERT_THROW(parse_time("2026-08"), std::runtime_error);
    CPPUNIT_ASSERT_THROW(parse_time("yesterday"), std::runtime_error);
    CPPUNIT_ASSERT_THROW(parse_time("2026-08-01 1x:00:00"), std::runtime_error);
  }

  void decodes_hex_of_either_case() {
    CPPUNIT_ASSERT_EQUAL(std::string("\x00\x7f\x80\xff", 4), bytes_from_hex("007F80ff"));
    CPPUNIT_ASSERT_EQUAL(std::string(), bytes_from_hex(""));
    CPPUNIT_ASSERT_THROW(bytes_from_hex("0g"), std::runtime_error);
    CPPUNIT_ASSERT_THROW(bytes_from_hex("abc"), std::runtime_error);
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(DbTextTest);

}  // namespace xueji::store
