// identity_lockout.h: how failed 身分驗證 matches lock further tries (issue 4): 5 failures in a
// session or 10 for one ID number within an hour refuse every try for the next 15 minutes.
#pragma once
#include <optional>

#include "core/clock.h"

namespace xueji {

inline constexpr int kIdentityFailuresPerSession = 5;
inline constexpr int kIdentityFailuresPerId = 10;
inline constexpr Seconds kIdentityIdWindow{60 * 60};
inline constexpr Seconds kIdentityLockTime{15 * 60};

// A counter of failed matches: per session (no window) or per ID number (an hour's window).
struct FailureCounter {
  int failures = 0;
  std::optional<TimePoint> window_start;  // first failure of the current window
  std::optional<TimePoint> locked_until;
};

// True while tries are refused.
bool identity_locked(const FailureCounter& counter, TimePoint now);

// The counter after one more failed match at `now`. A window older than `window` starts over;
// reaching `limit` failures locks until now + kIdentityLockTime and starts counting afresh, so
// after the lock the full allowance is back. `window` of nullopt means the count never ages.
FailureCounter after_identity_failure(FailureCounter counter, int limit,
                                      std::optional<Seconds> window, TimePoint now);

}  // namespace xueji
