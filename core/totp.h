// totp.h: time-based one-time passwords (RFC 6238 over RFC 4226 HOTP) as authenticator apps and
// `oathtool --totp` make them: HMAC-SHA1, 30-second steps, 6 digits, ±1 step of clock drift, each
// step accepted once. Also the base32 key format and the otpauth:// URI the QR code carries.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"

namespace xueji::totp {

inline constexpr int kStepSeconds = 30;
inline constexpr int kDigits = 6;
inline constexpr int kAllowedDrift = 1;          // steps either side of now
inline constexpr std::size_t kSecretBytes = 20;  // 160 bits, RFC 4226's recommendation
inline constexpr const char* kIssuer = "學籍系統 2.0";

// RFC 4648 base32 without padding ("JBSWY3DPEHPK3PXP").
std::string base32_encode(std::string_view bytes);
// Accepts what a person copies from a screen: either case, spaces and '-' between groups, and
// optional '=' padding at the end. nullopt for any other character or impossible length.
std::optional<std::string> base32_decode(std::string_view text);

// "ABCD EFGH IJKL …": the key as the bind page shows it, easier to type from.
std::string group_key(std::string_view base32, std::size_t group = 4);

// The step number of an instant: whole 30-second periods since the Unix epoch.
std::int64_t time_step(TimePoint t);

// RFC 4226 HOTP of `secret` for counter `step`, zero-padded to `digits` (6..8).
std::string code_at(std::string_view secret, std::int64_t step, int digits = kDigits);

// Six digits, spaces between them allowed: worth checking (anything else is a typing slip and
// is not counted as a wrong code).
bool well_formed_code(std::string_view typed);

// The step whose code `typed` is, searched within ±kAllowedDrift of now and strictly after
// `last_used_step` (a code is good once); nullopt when there is none. `typed` may carry spaces
// between digits; anything but 6 digits is refused. The comparison takes the same time
// whichever step matches.
std::optional<std::int64_t> accepted_step(std::string_view secret, std::string_view typed,
                                          TimePoint now,
                                          std::optional<std::int64_t> last_used_step);

// otpauth://totp/ISSUER:ACCOUNT?secret=…&issuer=…&algorithm=SHA1&digits=6&period=30, with the
// label and issuer percent-encoded as UTF-8 (Key Uri Format of Google Authenticator).
std::string otpauth_uri(std::string_view secret, std::string_view account_name,
                        std::string_view issuer = kIssuer);

}  // namespace xueji::totp
