// totp_fuzz.cpp: base32 both ways (decode(encode(x)) == x, also grouped, lower-case and padded;
// whatever decodes re-encodes to as many symbols), codes accepted at their own step and once
// only, and otpauth URIs that carry the issuer and account back out unchanged.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/totp.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

using namespace xueji;

bool uri_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
         std::string_view("-._~%:/?=&").find(c) != std::string_view::npos;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string unescape(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%') {
      FUZZ_CHECK(i + 2 < text.size() && hex_value(text[i + 1]) >= 0 && hex_value(text[i + 2]) >= 0);
      out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::string lower(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

void check_base32(std::string_view bytes, std::string_view text) {
  std::string encoded = totp::base32_encode(bytes);
  FUZZ_CHECK(encoded.size() == (bytes.size() * 8 + 4) / 5);
  FUZZ_CHECK(totp::base32_decode(encoded) == std::string(bytes));
  FUZZ_CHECK(totp::base32_decode(totp::group_key(encoded)) == std::string(bytes));
  FUZZ_CHECK(totp::base32_decode(lower(encoded)) == std::string(bytes));
  std::string padded = encoded + std::string((8 - encoded.size() % 8) % 8, '=');
  FUZZ_CHECK(totp::base32_decode(padded) == std::string(bytes));

  auto decoded = totp::base32_decode(text);
  if (!decoded) return;
  std::size_t symbols = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c != ' ' && c != '-' && c != '=') ++symbols;
  }
  FUZZ_CHECK(totp::base32_encode(*decoded).size() == symbols);
  FUZZ_CHECK(totp::base32_decode(totp::base32_encode(*decoded)) == decoded);
}

void check_codes(std::string_view secret, std::int64_t step) {
  std::string code = totp::code_at(secret, step);
  FUZZ_CHECK(code.size() == 6 && code.find_first_not_of("0123456789") == std::string::npos);
  FUZZ_CHECK(totp::well_formed_code(code));
  FUZZ_CHECK(totp::code_at(secret, step, 8).size() == 8);
  auto now = TimePoint{} + std::chrono::seconds(step * totp::kStepSeconds + 29);
  FUZZ_CHECK(totp::time_step(now) == step);
  auto found = totp::accepted_step(secret, code, now, std::nullopt);
  FUZZ_CHECK(found && *found >= step - 1 && *found <= step + 1);
  FUZZ_CHECK(totp::code_at(secret, *found) == code);
  std::string spaced = code.substr(0, 3) + " " + code.substr(3);
  FUZZ_CHECK(totp::accepted_step(secret, spaced, now, std::nullopt) == found);
  FUZZ_CHECK(!totp::accepted_step(secret, code, now, step + 1));  // each step once
}

void check_typed(std::string_view typed) {
  if (!totp::well_formed_code(typed)) return;
  std::size_t digits = 0;
  for (char c : typed) {
    FUZZ_CHECK(c == ' ' || (c >= '0' && c <= '9'));
    if (c != ' ') ++digits;
  }
  FUZZ_CHECK(digits == 6);
}

void check_uri(std::string_view secret, std::string_view account, std::string_view issuer) {
  std::string uri = totp::otpauth_uri(secret, account, issuer);
  for (char c : uri) FUZZ_CHECK(uri_char(c));
  constexpr std::string_view kScheme = "otpauth://totp/";
  FUZZ_CHECK(uri.starts_with(kScheme));
  std::string_view rest = std::string_view(uri).substr(kScheme.size());
  std::size_t question = rest.find('?');
  FUZZ_CHECK(question != std::string_view::npos && rest.rfind('?') == question);
  std::string_view label = rest.substr(0, question);
  std::size_t colon = label.find(':');
  FUZZ_CHECK(colon != std::string_view::npos && label.rfind(':') == colon);
  FUZZ_CHECK(unescape(label.substr(0, colon)) == issuer);
  FUZZ_CHECK(unescape(label.substr(colon + 1)) == account);
  std::string_view query = rest.substr(question + 1);
  std::string secret_param = "secret=" + totp::base32_encode(secret) + "&";
  FUZZ_CHECK(query.starts_with(secret_param));
  query.remove_prefix(secret_param.size());
  FUZZ_CHECK(query.starts_with("issuer="));
  std::size_t amp = query.find('&');
  FUZZ_CHECK(unescape(query.substr(7, amp - 7)) == issuer);
}

}  // namespace

// Parts between 0xFF bytes: secret bytes, base32 text or typed code, account name, issuer.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input = fuzz::as_text(data, size);
  auto parts = fuzz::split_parts(input, 4);
  check_base32(parts[0], parts[1]);
  check_typed(parts[1]);
  std::int64_t step = 0;
  for (std::size_t i = 0; i < size && i < 4; ++i) step = step * 256 + data[i];
  step %= 300'000'000;  // year 2255: far enough, and the instant still fits system_clock
  check_codes(parts[0], step);
  check_uri(parts[0], parts[2], parts[3].empty() ? totp::kIssuer : parts[3]);
  return 0;
}
