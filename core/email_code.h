// email_code.h: the e-mail verification code (manual 四 ⑪–⑭): its XX-NNNNNN shape, its keyed
// hash, and the pure decisions about checking and sending it, with time passed in.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/crypto.h"

namespace xueji {

inline constexpr int kEmailCodeDigits = 6;
// The prefix letters: A–Z without I and O, which people misread as 1 and 0.
inline constexpr std::string_view kEmailCodeLetters = "ABCDEFGHJKLMNPQRSTUVWXYZ";
inline constexpr Seconds kEmailCodeLifetime{5 * 60};
inline constexpr int kEmailCodeMaxTries = 5;  // the 5th wrong try kills the code
inline constexpr Seconds kEmailResendCooldown{3 * 60};  // the manual: 「於 3 分鐘後」
inline constexpr int kEmailSendsPerHour = 5;  // per session and per address
inline constexpr Seconds kEmailSendWindow{60 * 60};

struct EmailCode {
  std::string prefix;  // two letters of kEmailCodeLetters
  std::string digits;  // six ASCII digits
  // "SB-617580", as the mail shows it.
  std::string text() const { return prefix + "-" + digits; }
};

// A fresh code from the process's DRBG. The prefix always differs from `previous_prefix`, so a
// person can tell the newest mail from an older one (manual 四 ★小提醒 1).
EmailCode new_email_code(crypto::Random& random, std::string_view previous_prefix = {});

// What the person typed in the code field, as six ASCII digits plus the two letters when they
// typed (or pasted) the whole "SB-617580". Spaces and hyphens are ignored and full-width digits
// and letters accepted. nullopt when it cannot be a code.
struct TypedCode {
  std::string prefix;  // empty when only the digits were typed
  std::string digits;
};
std::optional<TypedCode> parse_typed_code(std::string_view typed);

// The stored form of a code: keyed with the server secret and bound to the purpose, the session
// and the address, so a row of the table is useless anywhere else and cannot be brute-forced
// without the secret.
std::string email_code_hmac(std::string_view secret, std::string_view purpose,
                            std::string_view session_hash, std::string_view address,
                            std::string_view prefix, std::string_view digits);

// The newest code of a session, as stored.
struct StoredCode {
  std::string state;  // "live", "used", "superseded", "dead"
  TimePoint expires_at;
  int tries = 0;
};

enum class CodeVerdict {
  kAccepted,      // the live code, in time: consume it
  kWrong,         // counts as a try
  kTooManyTries,  // the code is dead after kEmailCodeMaxTries wrong tries
  kExpired,       // more than 5 minutes after sending
  kSuperseded,    // an older code of this session: a newer one was sent since
  kNoCode,        // nothing live to check against (already used, or never sent)
};

// The verdict for one submission. `matches_live` says whether the typed code is the live one,
// `matches_older` whether it is one the session was sent earlier. A typed prefix other than the
// live one is judged as an older code even when no older code matches, since the digits of the
// live code under the wrong letters cannot be right.
CodeVerdict judge_code(const std::optional<StoredCode>& newest, bool matches_live,
                       bool matches_older, TimePoint now);

// What a wrong try does: true when this try is the one that kills the code.
inline bool wrong_try_kills(int tries_before) { return tries_before + 1 >= kEmailCodeMaxTries; }

// The sends of the last kEmailSendWindow that limit another one.
struct SendHistory {
  int session_sends = 0;
  std::optional<TimePoint> session_oldest;  // oldest send of the session within the window
  std::optional<TimePoint> session_newest;
  int address_sends = 0;
  std::optional<TimePoint> address_oldest;
};

enum class SendLimit { kAllowed, kCooldown, kSessionHourly, kAddressHourly };

struct SendDecision {
  SendLimit limit = SendLimit::kAllowed;
  Seconds wait{0};  // how long until a send is allowed again (whole seconds, rounded up)
};

// May a code be sent now? `is_resend` applies the 3-minute cooldown (重新發送驗證代碼); a change
// of address is not held by the cooldown, but every send counts toward the hourly limits.
SendDecision decide_send(const SendHistory& history, bool is_resend, TimePoint now);

// "4 分 5 秒" / "35 秒": a wait as people read it.
std::string wait_text(Seconds wait);
// "04:05": the 剩餘時間 of a code before the page's script takes over (negative reads 00:00).
std::string countdown_text(long long seconds);

}  // namespace xueji
