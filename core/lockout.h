// lockout.h: the password lockout of product.md §6 — 3 consecutive wrong passwords lock the
// account for 15 minutes. The numbers and the states of a lock are named here, once; the count
// itself is kept by one atomic UPDATE (store::add_failed_password), which flows/password_lockout
// drives for every page that verifies a password.
#pragma once
#include <chrono>
#include <optional>
#include <string>

#include "core/clock.h"

namespace xueji {

inline constexpr int kMaxFailedPasswords = 3;
inline constexpr std::chrono::minutes kLockDuration{15};

// The words of the manual's ★小提醒 3, shown whenever a locked account tries to log in.
inline constexpr const char* kLockedMessage =
    "帳密連續輸入 3 次錯誤，帳號已暫時停用，需等待 15 分鐘後才能再次登入。";

enum class LockState {
  kOpen,     // never locked, or the lock was already lifted
  kLocked,   // locked_until is still ahead: refuse even the right password, count nothing
  kExpired,  // the lock ran out and nobody has lifted it yet: lift it (and audit that) first
};

LockState lock_state(const std::optional<TimePoint>& locked_until, TimePoint now);

// When a lock made at `now` ends.
TimePoint lock_end(TimePoint now);

}  // namespace xueji
