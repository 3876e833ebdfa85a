// lockout.h: the password lockout of product.md §6 — 3 consecutive wrong passwords lock the
// account for 15 minutes — as pure arithmetic; the store applies it in one SQL statement.
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

// After a wrong password: the failures now counted, and whether this one locks the account.
struct FailureOutcome {
  int failed_count = 0;
  bool locks = false;
};
FailureOutcome after_wrong_password(int failed_count_before);

// When a lock made at `now` ends.
TimePoint lock_end(TimePoint now);

// Whole minutes until the lock ends, rounded up, at least 1 while locked (for the notice mail).
int lock_minutes_left(TimePoint locked_until, TimePoint now);

}  // namespace xueji
