// totp.cpp: HOTP/TOTP codes, base32 and the otpauth URI (see totp.h).
#include "core/totp.h"

#include <stdexcept>

#include "core/crypto.h"
#include "core/percent_encoding.h"

namespace xueji::totp {
namespace {

constexpr const char* kBase32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

int base32_value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a';
  if (c >= '2' && c <= '7') return c - '2' + 26;
  return -1;
}

// Six ASCII digits out of what was typed, or empty.
std::string digits_of(std::string_view typed) {
  std::string digits;
  for (char c : typed) {
    if (c == ' ') continue;
    if (c < '0' || c > '9') return {};
    digits += c;
  }
  return digits.size() == static_cast<std::size_t>(kDigits) ? digits : std::string{};
}

}  // namespace

std::string base32_encode(std::string_view bytes) {
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (unsigned char c : bytes) {
    buffer = (buffer << 8) | c;
    bits += 8;
    while (bits >= 5) {
      out += kBase32Alphabet[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += kBase32Alphabet[(buffer << (5 - bits)) & 31];
  return out;
}

std::optional<std::string> base32_decode(std::string_view text) {
  std::string symbols;
  std::size_t end = text.size();
  while (end > 0 && (text[end - 1] == '=' || text[end - 1] == ' ')) --end;
  for (std::size_t i = 0; i < end; ++i) {
    char c = text[i];
    if (c == ' ' || c == '-') continue;
    if (base32_value(c) < 0) return std::nullopt;
    symbols += c;
  }
  // 8 symbols carry 5 bytes; a group may end after 2, 4, 5 or 7 symbols (1..4 bytes).
  std::size_t rest = symbols.size() % 8;
  if (rest == 1 || rest == 3 || rest == 6) return std::nullopt;
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (char c : symbols) {
    buffer = (buffer << 5) | static_cast<unsigned>(base32_value(c));
    bits += 5;
    if (bits >= 8) {
      out += static_cast<char>((buffer >> (bits - 8)) & 0xFF);
      bits -= 8;
    }
  }
  return out;
}

std::string group_key(std::string_view base32, std::size_t group) {
  std::string out;
  for (std::size_t i = 0; i < base32.size(); ++i) {
    if (i > 0 && group > 0 && i % group == 0) out += ' ';
    out += base32[i];
  }
  return out;
}

std::int64_t time_step(TimePoint t) {
  auto seconds = std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
  // Floor division, so instants before 1970 (never in practice) still map consistently.
  std::int64_t step = seconds / kStepSeconds;
  if (seconds % kStepSeconds < 0) --step;
  return step;
}

std::string code_at(std::string_view secret, std::int64_t step, int digits) {
  if (digits < 6 || digits > 8) throw std::invalid_argument("TOTP codes have 6 to 8 digits");
  std::string counter(8, '\0');
  auto value = static_cast<std::uint64_t>(step);
  for (int i = 7; i >= 0; --i) {
    counter[i] = static_cast<char>(value & 0xFF);
    value >>= 8;
  }
  std::string mac = crypto::hmac_sha1(secret, counter);
  // Dynamic truncation (RFC 4226 §5.3).
  int offset = static_cast<unsigned char>(mac[19]) & 0x0F;
  std::uint32_t binary = ((static_cast<unsigned char>(mac[offset]) & 0x7F) << 24) |
                         (static_cast<unsigned char>(mac[offset + 1]) << 16) |
                         (static_cast<unsigned char>(mac[offset + 2]) << 8) |
                         static_cast<unsigned char>(mac[offset + 3]);
  std::uint32_t modulus = 1;
  for (int i = 0; i < digits; ++i) modulus *= 10;
  std::string code = std::to_string(binary % modulus);
  return std::string(static_cast<std::size_t>(digits) - code.size(), '0') + code;
}

bool well_formed_code(std::string_view typed) { return !digits_of(typed).empty(); }

std::optional<std::int64_t> accepted_step(std::string_view secret, std::string_view typed,
                                          TimePoint now,
                                          std::optional<std::int64_t> last_used_step) {
  std::string digits = digits_of(typed);
  if (digits.empty()) return std::nullopt;
  std::int64_t current = time_step(now);
  std::optional<std::int64_t> found;
  // Every candidate is computed and compared, so the time taken says nothing about which matched.
  for (std::int64_t step = current - kAllowedDrift; step <= current + kAllowedDrift; ++step) {
    bool same = crypto::constant_time_equal(code_at(secret, step), digits);
    bool fresh = !last_used_step || step > *last_used_step;
    if (same && fresh && !found) found = step;
  }
  return found;
}

std::string otpauth_uri(std::string_view secret, std::string_view account_name,
                        std::string_view issuer) {
  std::string issuer_encoded = percent_encode(issuer);
  return "otpauth://totp/" + issuer_encoded + ":" + percent_encode(account_name) +
         "?secret=" + base32_encode(secret) + "&issuer=" + issuer_encoded +
         "&algorithm=SHA1&digits=" + std::to_string(kDigits) +
         "&period=" + std::to_string(kStepSeconds);
}

}  // namespace xueji::totp
