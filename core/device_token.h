// device_token.h: the token of the device cookie (issue 15 §4): "this browser completed a login
// of this account" — the account, the generation of its device cookies (a password or two-factor
// reset starts a new one), when it was issued, and a random id of the device, signed with a key
// made from the server secret. A browser keeps the tokens of the few accounts used on it.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"

namespace xueji {

inline constexpr std::size_t kDeviceIdBytes = 16;
// How long a device stays trusted after its last complete login (the cookie's Max-Age too).
inline constexpr Seconds kDeviceTrustLifetime{180LL * 24 * 60 * 60};
// Tokens one cookie keeps (a staff-room computer is shared); the oldest go first.
inline constexpr std::size_t kMaxDeviceTokens = 5;

struct DeviceToken {
  std::int64_t account_id = 0;
  int epoch = 0;
  TimePoint issued_at;
  std::string device_id;  // kDeviceIdBytes raw bytes
};

// HMAC-SHA256(server secret, "device-cookie"): the signing key, apart from every other key.
std::string device_cookie_key(std::string_view server_secret);

// base64url of the fields and a 128-bit HMAC over them.
std::string encode_device_token(std::string_view key, const DeviceToken& token);
// The token, or nullopt when the text is not one this key signed.
std::optional<DeviceToken> decode_device_token(std::string_view key, std::string_view text);

// The tokens of a cookie value ('.' between them), at most kMaxDeviceTokens of them.
std::vector<std::string_view> device_cookie_tokens(std::string_view value);
// A cookie value with `token` first, then the kept tokens not for the same account.
std::string device_cookie_value(std::string_view key, std::string_view old_value,
                                const DeviceToken& token);

}  // namespace xueji
