// backoff.cpp: exponential retry delays with a cap, and the give-up deadline.
#include "core/backoff.h"

namespace xueji {

std::chrono::seconds retry_delay(int failed_attempts) {
  if (failed_attempts < 1) failed_attempts = 1;
  std::chrono::seconds delay = kFirstRetryDelay;
  // Doubling stops at the cap, so a large attempt count cannot overflow.
  for (int i = 1; i < failed_attempts && delay < kMaxRetryDelay; ++i) delay *= 2;
  return delay < kMaxRetryDelay ? delay : kMaxRetryDelay;
}

std::optional<TimePoint> next_attempt_after_failure(int failed_attempts, TimePoint queued_at,
                                                    TimePoint now) {
  TimePoint deadline = queued_at + kGiveUpAfter;
  if (now >= deadline) return std::nullopt;
  TimePoint next = now + retry_delay(failed_attempts);
  return next < deadline ? next : deadline;
}

}  // namespace xueji
