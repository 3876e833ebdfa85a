// identity_lock_test.cpp: the session's 身分驗證 lock survives a round trip through the session
// values, and the lock message rounds the minutes left up.
#include "flows/identity_lock.h"

#include <cppunit/extensions/HelperMacros.h>

namespace xueji {
namespace {

const TimePoint kNow{std::chrono::seconds(1785542400)};  // 2026-08-01 00:00 UTC

}  // namespace

class IdentityLockTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(IdentityLockTest);
  CPPUNIT_TEST(counter_round_trips_through_the_session);
  CPPUNIT_TEST(message_rounds_minutes_up_and_says_at_least_one);
  CPPUNIT_TEST_SUITE_END();

 public:
  void counter_round_trips_through_the_session() {
    Session session;
    CPPUNIT_ASSERT_EQUAL(0, session_identity_counter(session).failures);
    CPPUNIT_ASSERT(!session_identity_counter(session).locked_until);
    FailureCounter locked;
    locked.failures = 5;
    locked.locked_until = kNow + std::chrono::minutes(15);
    store_session_identity_counter(session, locked);
    FailureCounter read = session_identity_counter(session);
    CPPUNIT_ASSERT_EQUAL(5, read.failures);
    CPPUNIT_ASSERT(read.locked_until == locked.locked_until);
    store_session_identity_counter(session, FailureCounter{});
    CPPUNIT_ASSERT(!session_identity_counter(session).locked_until);
    CPPUNIT_ASSERT_EQUAL(0, session.failed_tries);
  }

  void message_rounds_minutes_up_and_says_at_least_one() {
    auto says = [](TimePoint until) {
      std::string m = identity_locked_message(until, kNow);
      return m.substr(m.rfind("請於 ") + std::string("請於 ").size());
    };
    CPPUNIT_ASSERT_EQUAL(std::string("15 分鐘後再試。"), says(kNow + std::chrono::minutes(15)));
    CPPUNIT_ASSERT_EQUAL(std::string("15 分鐘後再試。"),
                         says(kNow + std::chrono::minutes(14) + std::chrono::seconds(1)));
    CPPUNIT_ASSERT_EQUAL(std::string("1 分鐘後再試。"), says(kNow + std::chrono::seconds(5)));
    CPPUNIT_ASSERT_EQUAL(std::string("1 分鐘後再試。"), says(kNow));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(IdentityLockTest);

}  // namespace xueji
