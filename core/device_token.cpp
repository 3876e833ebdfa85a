// device_token.cpp: encoding and checking device tokens (see device_token.h).
#include "core/device_token.h"

#include "core/crypto.h"

namespace xueji {
namespace {

constexpr std::size_t kMacBytes = 16;
constexpr std::size_t kFieldBytes = 8 + 4 + 8 + kDeviceIdBytes;

void put_big_endian(std::string& out, std::uint64_t value, int bytes) {
  for (int i = bytes - 1; i >= 0; --i) out += static_cast<char>((value >> (8 * i)) & 0xff);
}

std::uint64_t get_big_endian(std::string_view in, std::size_t at, int bytes) {
  std::uint64_t value = 0;
  for (int i = 0; i < bytes; ++i) value = (value << 8) | static_cast<unsigned char>(in[at + i]);
  return value;
}

std::string mac_of(std::string_view key, std::string_view fields) {
  return crypto::hmac_sha256(key, fields).substr(0, kMacBytes);
}

// base64url without padding back to bytes, through the standard alphabet.
std::optional<std::string> base64url_decode(std::string_view text) {
  std::string standard(text);
  for (char& c : standard) {
    if (c == '-') c = '+';
    else if (c == '_') c = '/';
    else if (c == '+' || c == '/' || c == '=') return std::nullopt;
  }
  return crypto::base64_decode(standard);
}

}  // namespace

std::string device_cookie_key(std::string_view server_secret) {
  return crypto::hmac_sha256(server_secret, "device-cookie");
}

std::string encode_device_token(std::string_view key, const DeviceToken& token) {
  std::string fields;
  put_big_endian(fields, static_cast<std::uint64_t>(token.account_id), 8);
  put_big_endian(fields, static_cast<std::uint32_t>(token.epoch), 4);
  auto issued = std::chrono::duration_cast<Seconds>(token.issued_at.time_since_epoch()).count();
  put_big_endian(fields, static_cast<std::uint64_t>(issued), 8);
  fields += token.device_id;
  return crypto::base64url(fields + mac_of(key, fields));
}

std::optional<DeviceToken> decode_device_token(std::string_view key, std::string_view text) {
  auto raw = base64url_decode(text);
  if (!raw || raw->size() != kFieldBytes + kMacBytes) return std::nullopt;
  std::string_view fields = std::string_view(*raw).substr(0, kFieldBytes);
  if (!crypto::constant_time_equal(mac_of(key, fields), raw->substr(kFieldBytes))) {
    return std::nullopt;
  }
  DeviceToken token;
  token.account_id = static_cast<std::int64_t>(get_big_endian(fields, 0, 8));
  token.epoch = static_cast<int>(static_cast<std::uint32_t>(get_big_endian(fields, 8, 4)));
  token.issued_at = TimePoint(Seconds(static_cast<std::int64_t>(get_big_endian(fields, 12, 8))));
  token.device_id = std::string(fields.substr(20, kDeviceIdBytes));
  return token;
}

std::vector<std::string_view> device_cookie_tokens(std::string_view value) {
  std::vector<std::string_view> tokens;
  while (!value.empty() && tokens.size() < kMaxDeviceTokens) {
    std::size_t dot = value.find('.');
    std::string_view token = value.substr(0, dot);
    if (!token.empty()) tokens.push_back(token);
    if (dot == std::string_view::npos) break;
    value.remove_prefix(dot + 1);
  }
  return tokens;
}

std::string device_cookie_value(std::string_view key, std::string_view old_value,
                                const DeviceToken& token) {
  std::string value = encode_device_token(key, token);
  std::size_t kept = 1;
  for (std::string_view old : device_cookie_tokens(old_value)) {
    if (kept >= kMaxDeviceTokens) break;
    auto decoded = decode_device_token(key, old);
    if (!decoded || decoded->account_id == token.account_id) continue;
    value += '.';
    value += old;
    ++kept;
  }
  return value;
}

}  // namespace xueji
