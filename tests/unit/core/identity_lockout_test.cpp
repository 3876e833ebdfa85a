// identity_lockout_test.cpp: failed 身分驗證 matches — 5 per session, 10 per ID number within an
// hour — lock tries for 15 minutes, then the allowance is whole again; with a fixed clock.
#include "core/identity_lockout.h"

#include <cppunit/extensions/HelperMacros.h>

namespace xueji {
namespace {

const TimePoint kT0 = TimePoint(Seconds(1785542400));

FailureCounter fail_times(FailureCounter c, int n, int limit, std::optional<Seconds> window,
                          TimePoint at) {
  for (int i = 0; i < n; ++i) c = after_identity_failure(c, limit, window, at);
  return c;
}

}  // namespace

class IdentityLockoutTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(IdentityLockoutTest);
  CPPUNIT_TEST(fifth_session_failure_locks_for_fifteen_minutes);
  CPPUNIT_TEST(tenth_failure_for_an_id_within_an_hour_locks);
  CPPUNIT_TEST(failures_older_than_the_window_are_forgotten);
  CPPUNIT_TEST(after_the_lock_the_allowance_is_whole_again);
  CPPUNIT_TEST_SUITE_END();

 public:
  void fifth_session_failure_locks_for_fifteen_minutes() {
    FailureCounter c = fail_times({}, 4, kIdentityFailuresPerSession, std::nullopt, kT0);
    CPPUNIT_ASSERT_EQUAL(4, c.failures);
    CPPUNIT_ASSERT(!identity_locked(c, kT0));
    c = after_identity_failure(c, kIdentityFailuresPerSession, std::nullopt, kT0 + Seconds(5000));
    CPPUNIT_ASSERT(identity_locked(c, kT0 + Seconds(5000)));
    CPPUNIT_ASSERT(identity_locked(c, kT0 + Seconds(5000 + 899)));
    CPPUNIT_ASSERT(!identity_locked(c, kT0 + Seconds(5000 + 900)));
  }

  void tenth_failure_for_an_id_within_an_hour_locks() {
    FailureCounter c;
    for (int i = 0; i < 9; ++i) {
      c = after_identity_failure(c, kIdentityFailuresPerId, kIdentityIdWindow,
                                 kT0 + Seconds(i * 300));
    }
    CPPUNIT_ASSERT(!identity_locked(c, kT0 + Seconds(2700)));
    c = after_identity_failure(c, kIdentityFailuresPerId, kIdentityIdWindow, kT0 + Seconds(3500));
    CPPUNIT_ASSERT(identity_locked(c, kT0 + Seconds(3500)));
    CPPUNIT_ASSERT(*c.locked_until == kT0 + Seconds(3500) + kIdentityLockTime);
  }

  void failures_older_than_the_window_are_forgotten() {
    FailureCounter c = fail_times({}, 9, kIdentityFailuresPerId, kIdentityIdWindow, kT0);
    c = after_identity_failure(c, kIdentityFailuresPerId, kIdentityIdWindow, kT0 + Seconds(3600));
    CPPUNIT_ASSERT(!identity_locked(c, kT0 + Seconds(3600)));
    CPPUNIT_ASSERT_EQUAL(1, c.failures);
  }

  void after_the_lock_the_allowance_is_whole_again() {
    FailureCounter c = fail_times({}, 5, kIdentityFailuresPerSession, std::nullopt, kT0);
    CPPUNIT_ASSERT(identity_locked(c, kT0));
    TimePoint later = kT0 + kIdentityLockTime;
    c = fail_times(c, 4, kIdentityFailuresPerSession, std::nullopt, later);
    CPPUNIT_ASSERT(!identity_locked(c, later));
    c = after_identity_failure(c, kIdentityFailuresPerSession, std::nullopt, later);
    CPPUNIT_ASSERT(identity_locked(c, later));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(IdentityLockoutTest);

}  // namespace xueji
