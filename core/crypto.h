// crypto.h: hashing, keyed hashing, encodings and the per-process random generator (mbedTLS).
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace xueji::crypto {

std::string sha256(std::string_view data);                           // 32 raw bytes
std::string hmac_sha256(std::string_view key, std::string_view data);  // 32 raw bytes
std::string hmac_sha1(std::string_view key, std::string_view data);    // 20 raw bytes
std::string to_hex(std::string_view bytes);
// The value of one hex digit of either case, or -1.
int hex_digit_value(char c);
// The bytes of pairs of hex digits of either case; nullopt for anything else.
std::optional<std::string> from_hex(std::string_view hex);
std::string base64(std::string_view bytes);
std::string base64url(std::string_view bytes);  // no padding; for cookie values and tokens
// Standard alphabet, padding optional (PHC strings leave it out); nullopt for anything else.
std::optional<std::string> base64_decode(std::string_view text);
// Compares in time that depends only on the lengths, for secrets and hashes.
bool constant_time_equal(std::string_view a, std::string_view b);

// CTR_DRBG seeded from the system entropy source. Create one per process, after fork.
class Random {
 public:
  Random();
  ~Random();
  Random(const Random&) = delete;
  Random& operator=(const Random&) = delete;

  std::string bytes(std::size_t n);
  // Uniform in [0, bound) without modulo bias.
  std::uint32_t uniform(std::uint32_t bound);
  // n random bytes as URL-safe base64: session cookies, CSRF tokens.
  std::string token(std::size_t n = 32) { return base64url(bytes(n)); }

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace xueji::crypto
