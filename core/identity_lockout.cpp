// identity_lockout.cpp: the arithmetic of identity-failure locks.
#include "core/identity_lockout.h"

namespace xueji {

bool identity_locked(const FailureCounter& counter, TimePoint now) {
  return counter.locked_until && now < *counter.locked_until;
}

FailureCounter after_identity_failure(FailureCounter counter, int limit,
                                      std::optional<Seconds> window, TimePoint now) {
  // An expired lock is history: what counts is the failures since.
  if (counter.locked_until && now >= *counter.locked_until) counter.locked_until.reset();
  bool window_over = window && counter.window_start && now - *counter.window_start >= *window;
  if (counter.failures <= 0 || window_over) {
    counter.failures = 0;
    counter.window_start = now;
  }
  if (!counter.window_start) counter.window_start = now;
  ++counter.failures;
  if (counter.failures >= limit) {
    counter.locked_until = now + kIdentityLockTime;
    counter.failures = 0;
    counter.window_start.reset();
  }
  return counter;
}

}  // namespace xueji
