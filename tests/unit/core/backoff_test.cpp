// backoff_test.cpp: the mailer's retry schedule — doubling from 30 s, capped at 1 h, and giving
// up 24 h after the message was queued.
#include "core/backoff.h"

#include <cppunit/extensions/HelperMacros.h>

#include <climits>

namespace xueji {
namespace {

using namespace std::chrono;

const TimePoint kQueued = TimePoint{sys_days{year{2026} / 8 / 1}};

}  // namespace

class BackoffTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(BackoffTest);
  CPPUNIT_TEST(delays_double_from_thirty_seconds);
  CPPUNIT_TEST(delays_are_capped_at_one_hour);
  CPPUNIT_TEST(odd_attempt_counts_are_safe);
  CPPUNIT_TEST(next_attempt_is_now_plus_the_delay);
  CPPUNIT_TEST(the_last_retry_is_pulled_in_before_the_deadline);
  CPPUNIT_TEST(gives_up_after_a_day);
  CPPUNIT_TEST(whole_schedule_of_a_dead_server);
  CPPUNIT_TEST_SUITE_END();

 public:
  void delays_double_from_thirty_seconds() {
    CPPUNIT_ASSERT_EQUAL(30LL, static_cast<long long>(retry_delay(1).count()));
    CPPUNIT_ASSERT_EQUAL(60LL, static_cast<long long>(retry_delay(2).count()));
    CPPUNIT_ASSERT_EQUAL(120LL, static_cast<long long>(retry_delay(3).count()));
    CPPUNIT_ASSERT_EQUAL(240LL, static_cast<long long>(retry_delay(4).count()));
    CPPUNIT_ASSERT_EQUAL(1920LL, static_cast<long long>(retry_delay(7).count()));
  }

  void delays_are_capped_at_one_hour() {
    CPPUNIT_ASSERT_EQUAL(3600LL, static_cast<long long>(retry_delay(8).count()));  // 3840 → cap
    CPPUNIT_ASSERT_EQUAL(3600LL, static_cast<long long>(retry_delay(20).count()));
  }

  void odd_attempt_counts_are_safe() {
    CPPUNIT_ASSERT_EQUAL(30LL, static_cast<long long>(retry_delay(0).count()));
    CPPUNIT_ASSERT_EQUAL(30LL, static_cast<long long>(retry_delay(-5).count()));
    CPPUNIT_ASSERT_EQUAL(3600LL, static_cast<long long>(retry_delay(INT_MAX).count()));
  }

  void next_attempt_is_now_plus_the_delay() {
    TimePoint now = kQueued + minutes(5);
    auto next = next_attempt_after_failure(3, kQueued, now);
    CPPUNIT_ASSERT(next.has_value());
    CPPUNIT_ASSERT(*next == now + seconds(120));
  }

  void the_last_retry_is_pulled_in_before_the_deadline() {
    TimePoint now = kQueued + hours(23) + minutes(50);
    auto next = next_attempt_after_failure(30, kQueued, now);
    CPPUNIT_ASSERT(next.has_value());
    CPPUNIT_ASSERT(*next == kQueued + hours(24));
  }

  void gives_up_after_a_day() {
    CPPUNIT_ASSERT(!next_attempt_after_failure(30, kQueued, kQueued + hours(24)).has_value());
    CPPUNIT_ASSERT(!next_attempt_after_failure(1, kQueued, kQueued + hours(30)).has_value());
    CPPUNIT_ASSERT(next_attempt_after_failure(1, kQueued, kQueued + hours(24) - seconds(1)));
  }

  // Replays the failures of a server that never answers: the gaps grow, never exceed the cap,
  // and the message is failed 24 h after it was queued, after a bounded number of tries.
  void whole_schedule_of_a_dead_server() {
    TimePoint now = kQueued;
    int attempts = 0;
    seconds previous_gap{0};
    for (;;) {
      ++attempts;
      auto next = next_attempt_after_failure(attempts, kQueued, now);
      if (!next) break;
      auto gap = duration_cast<seconds>(*next - now);
      CPPUNIT_ASSERT(gap <= kMaxRetryDelay);
      if (*next != kQueued + kGiveUpAfter) CPPUNIT_ASSERT(gap >= previous_gap);
      previous_gap = gap;
      now = *next;
      CPPUNIT_ASSERT(attempts < 100);
    }
    CPPUNIT_ASSERT(now == kQueued + kGiveUpAfter);
    // 30 s … 32 min (7 tries, about 64 min in all), then hourly for the remaining ~23 h.
    CPPUNIT_ASSERT(attempts >= 28 && attempts <= 32);
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(BackoffTest);

}  // namespace xueji
