// backoff.h: when the mailer tries a message again after a temporary failure, and when it gives up.
#pragma once
#include <chrono>
#include <optional>

#include "core/clock.h"

namespace xueji {

// 30 s after the first failure, doubling each time (1 min, 2 min, 4 min …) up to 1 hour.
inline constexpr std::chrono::seconds kFirstRetryDelay{30};
inline constexpr std::chrono::seconds kMaxRetryDelay{std::chrono::hours(1)};
// A message still undelivered this long after it was queued is marked failed: a code or notice
// that arrives a day late is worse than one an administrator re-sends on purpose.
inline constexpr std::chrono::seconds kGiveUpAfter{std::chrono::hours(24)};

// The wait after `failed_attempts` consecutive failures (1 = the first failure). Values below 1
// count as 1.
std::chrono::seconds retry_delay(int failed_attempts);

// When to try again after the latest failure at `now`, or nullopt when the message has waited
// long enough (kGiveUpAfter since `queued_at`) and must be marked failed. The last retry is
// pulled in so it still happens before the deadline rather than being skipped.
std::optional<TimePoint> next_attempt_after_failure(int failed_attempts, TimePoint queued_at,
                                                    TimePoint now);

}  // namespace xueji
