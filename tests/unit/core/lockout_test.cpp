// lockout_test.cpp: 3 wrong passwords lock for 15 minutes; the states of a lock over time.
#include "core/lockout.h"

#include <cppunit/extensions/HelperMacros.h>

#include <chrono>

namespace xueji {
namespace {

using namespace std::chrono;

const TimePoint kNow = TimePoint{sys_days{year{2026} / 9 / 1}} + hours{2};

}  // namespace

class LockoutTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(LockoutTest);
  CPPUNIT_TEST(three_failures_lock);
  CPPUNIT_TEST(lock_lasts_fifteen_minutes);
  CPPUNIT_TEST(never_locked_is_open);
  CPPUNIT_TEST(locked_until_the_last_instant_then_expired);
  CPPUNIT_TEST(message_is_the_manuals_rule);
  CPPUNIT_TEST_SUITE_END();

public:
  void three_failures_lock() { CPPUNIT_ASSERT_EQUAL(3, kMaxFailedPasswords); }

  void lock_lasts_fifteen_minutes() { CPPUNIT_ASSERT(lock_end(kNow) == kNow + minutes(15)); }

  void never_locked_is_open() {
    CPPUNIT_ASSERT(lock_state(std::nullopt, kNow) == LockState::kOpen);
  }

  void locked_until_the_last_instant_then_expired() {
    TimePoint until = lock_end(kNow);
    CPPUNIT_ASSERT(lock_state(until, kNow) == LockState::kLocked);
    CPPUNIT_ASSERT(lock_state(until, until - microseconds(1)) == LockState::kLocked);
    CPPUNIT_ASSERT(lock_state(until, until) == LockState::kExpired);
    CPPUNIT_ASSERT(lock_state(until, until + hours(24)) == LockState::kExpired);
  }

  void message_is_the_manuals_rule() {
    std::string message = kLockedMessage;
    CPPUNIT_ASSERT(message.find("3 次錯誤") != std::string::npos);
    CPPUNIT_ASSERT(message.find("15 分鐘") != std::string::npos);
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(LockoutTest);

}  // namespace xueji
