// lockout.h: the lockout of product.md §6 as amended by issue 15 — 3 wrong passwords within 15
// minutes, or 5 wrong two-factor codes, lock for 15 minutes. A try is counted *before* it is
// checked and given back when it was right (sql/attempt_store.h), so no number of parallel
// requests buys more wrong checks than these. The numbers and the states of a lock are named
// here, once; flows/password_lockout and handlers/twofa.cpp drive them.
#pragma once
#include <chrono>
#include <optional>
#include <string>

#include "core/clock.h"

namespace xueji {

inline constexpr int kMaxFailedPasswords = 3;
inline constexpr std::chrono::minutes kLockDuration{15};
// The window a count of wrong passwords lives in, from its first try: a right password in
// between gives back its own try only, so 3 wrong ones within it lock whatever came between.
inline constexpr std::chrono::minutes kFailureWindow{15};
// Wrong two-factor codes, counted per account across every session, that lock like passwords.
// A right code starts the count afresh.
inline constexpr int kMaxWrongCodes = 5;
// Notice mails (locks, changes, two-factor) one account gets in a Taipei day; later events of
// the day are audit rows only, so nobody can use the notices to flood a mailbox.
inline constexpr int kMaxNoticesPerDay = 3;

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
