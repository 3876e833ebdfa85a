// email_code.cpp: making, reading, hashing and judging e-mail verification codes.
#include "core/email_code.h"

#include <cstdio>

namespace xueji {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

char to_upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

// Chinese input methods type full-width forms: ０-９ are EF BC 90..99, Ａ-Ｚ EF BC A1..BA,
// ａ-ｚ EF BD 81..9A, the full-width hyphen EF BC 8D and the ideographic space E3 80 80.
// Returns the ASCII character and how many bytes it took, or 0 bytes for anything else.
std::pair<char, std::size_t> full_width_to_ascii(std::string_view s, std::size_t i) {
  if (i + 3 > s.size()) return {0, 0};
  auto b0 = static_cast<unsigned char>(s[i]);
  auto b1 = static_cast<unsigned char>(s[i + 1]);
  auto b2 = static_cast<unsigned char>(s[i + 2]);
  if (b0 == 0xEF && b1 == 0xBC && b2 >= 0x90 && b2 <= 0x99) return {char('0' + (b2 - 0x90)), 3};
  if (b0 == 0xEF && b1 == 0xBC && b2 >= 0xA1 && b2 <= 0xBA) return {char('A' + (b2 - 0xA1)), 3};
  if (b0 == 0xEF && b1 == 0xBD && b2 >= 0x81 && b2 <= 0x9A) return {char('A' + (b2 - 0x81)), 3};
  if (b0 == 0xEF && b1 == 0xBC && b2 == 0x8D) return {'-', 3};
  if (b0 == 0xE3 && b1 == 0x80 && b2 == 0x80) return {' ', 3};
  return {0, 0};
}

Seconds ceil_seconds(std::chrono::system_clock::duration d) {
  auto s = std::chrono::ceil<Seconds>(d);
  return s < Seconds{0} ? Seconds{0} : s;
}

}  // namespace

EmailCode new_email_code(crypto::Random& random, std::string_view previous_prefix) {
  EmailCode code;
  do {
    code.prefix.clear();
    for (int i = 0; i < 2; ++i) {
      auto index = random.uniform(static_cast<std::uint32_t>(kEmailCodeLetters.size()));
      code.prefix += kEmailCodeLetters[index];
    }
  } while (code.prefix == previous_prefix);
  for (int i = 0; i < kEmailCodeDigits; ++i) {
    code.digits += static_cast<char>('0' + random.uniform(10));
  }
  return code;
}

std::optional<TypedCode> parse_typed_code(std::string_view typed) {
  std::string plain;
  for (std::size_t i = 0; i < typed.size();) {
    char c = typed[i];
    std::size_t width = 1;
    if (static_cast<unsigned char>(c) >= 0x80) {
      auto [ascii, bytes] = full_width_to_ascii(typed, i);
      if (bytes == 0) return std::nullopt;
      c = ascii;
      width = bytes;
    }
    i += width;
    if (c == ' ' || c == '\t' || c == '-') continue;
    plain += to_upper(c);
    if (plain.size() > 2 + kEmailCodeDigits) return std::nullopt;
  }
  TypedCode code;
  std::string_view rest = plain;
  if (rest.size() == 2 + kEmailCodeDigits) {
    code.prefix = std::string(rest.substr(0, 2));
    for (char c : code.prefix) {
      if (c < 'A' || c > 'Z') return std::nullopt;
    }
    rest.remove_prefix(2);
  }
  if (rest.size() != kEmailCodeDigits) return std::nullopt;
  for (char c : rest) {
    if (!is_digit(c)) return std::nullopt;
  }
  code.digits = std::string(rest);
  return code;
}

std::string email_code_hmac(std::string_view secret, std::string_view purpose,
                            std::string_view session_hash, std::string_view address,
                            std::string_view prefix, std::string_view digits) {
  // Parts are separated by newlines, which none of them can contain; the session hash is raw
  // bytes, so it goes in as hex.
  std::string message = "email-code\n";
  message.append(purpose).append("\n");
  message.append(address).append("\n");
  message.append(prefix).append("-").append(digits).append("\n");
  message.append(crypto::to_hex(session_hash));
  return crypto::hmac_sha256(secret, message);
}

CodeVerdict judge_code(const std::optional<StoredCode>& newest, bool matches_live,
                       bool matches_older, TimePoint now) {
  if (!newest) return CodeVerdict::kNoCode;
  // An old mail's code: say which letters to look for, whatever state the newest code is in.
  if (matches_older) return CodeVerdict::kSuperseded;
  if (newest->state == "dead") return CodeVerdict::kTooManyTries;
  if (newest->state != "live") return CodeVerdict::kNoCode;
  if (now >= newest->expires_at) return CodeVerdict::kExpired;
  if (newest->tries >= kEmailCodeMaxTries) return CodeVerdict::kTooManyTries;
  return matches_live ? CodeVerdict::kAccepted : CodeVerdict::kWrong;
}

SendDecision decide_send(const SendHistory& history, bool is_resend, TimePoint now) {
  if (is_resend && history.session_newest) {
    TimePoint allowed_at = *history.session_newest + kEmailResendCooldown;
    if (now < allowed_at) return {SendLimit::kCooldown, ceil_seconds(allowed_at - now)};
  }
  if (history.session_sends >= kEmailSendsPerHour) {
    TimePoint oldest = history.session_oldest.value_or(now);
    return {SendLimit::kSessionHourly, ceil_seconds(oldest + kEmailSendWindow - now)};
  }
  if (history.address_sends >= kEmailSendsPerHour) {
    TimePoint oldest = history.address_oldest.value_or(now);
    return {SendLimit::kAddressHourly, ceil_seconds(oldest + kEmailSendWindow - now)};
  }
  return {};
}

std::string wait_text(Seconds wait) {
  long total = static_cast<long>(wait.count());
  if (total < 0) total = 0;
  // Up to a minute in seconds, then minutes and seconds (the resend cooldown: "2 分 40 秒").
  if (total <= 60) return std::to_string(total) + " 秒";
  long seconds = total % 60;
  std::string text = std::to_string(total / 60) + " 分";
  if (seconds > 0) text += " " + std::to_string(seconds) + " 秒";
  return text;
}

std::string countdown_text(long long seconds) {
  if (seconds < 0) seconds = 0;
  char text[24];
  std::snprintf(text, sizeof text, "%02lld:%02lld", seconds / 60, seconds % 60);
  return text;
}

}  // namespace xueji
