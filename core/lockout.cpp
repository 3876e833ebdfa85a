// lockout.cpp: lockout arithmetic (see lockout.h).
#include "core/lockout.h"

namespace xueji {

LockState lock_state(const std::optional<TimePoint>& locked_until, TimePoint now) {
  if (!locked_until) return LockState::kOpen;
  return *locked_until > now ? LockState::kLocked : LockState::kExpired;
}

FailureOutcome after_wrong_password(int failed_count_before) {
  FailureOutcome outcome;
  // A negative count can only come from a damaged row; start over rather than never locking.
  outcome.failed_count = (failed_count_before < 0 ? 0 : failed_count_before) + 1;
  outcome.locks = outcome.failed_count >= kMaxFailedPasswords;
  return outcome;
}

TimePoint lock_end(TimePoint now) { return now + kLockDuration; }

int lock_minutes_left(TimePoint locked_until, TimePoint now) {
  if (locked_until <= now) return 0;
  auto left = std::chrono::ceil<std::chrono::minutes>(locked_until - now);
  return left.count() < 1 ? 1 : static_cast<int>(left.count());
}

}  // namespace xueji
