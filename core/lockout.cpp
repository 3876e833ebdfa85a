// lockout.cpp: lockout arithmetic (see lockout.h).
#include "core/lockout.h"

namespace xueji {

LockState lock_state(const std::optional<TimePoint>& locked_until, TimePoint now) {
  if (!locked_until) return LockState::kOpen;
  return *locked_until > now ? LockState::kLocked : LockState::kExpired;
}

TimePoint lock_end(TimePoint now) { return now + kLockDuration; }

}  // namespace xueji
