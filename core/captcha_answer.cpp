// captcha_answer.cpp: captcha answer generation, normalisation and hashing.
#include "core/captcha_answer.h"

#include <array>

namespace xueji {

bool valid_captcha_form(std::string_view form) {
  static constexpr std::array<std::string_view, 8> kForms = {
      "login",          "apply_identity",  "apply_email",     "apply_account",
      "account_change", "password_change", "forgot_password", "forgot_account"};
  for (std::string_view f : kForms) {
    if (f == form) return true;
  }
  return false;
}

std::string new_captcha_answer(crypto::Random& random) {
  std::string answer;
  for (int i = 0; i < kCaptchaDigits; ++i) answer += static_cast<char>('0' + random.uniform(10));
  return answer;
}

std::string normalize_captcha_input(std::string_view typed) {
  std::string digits;
  for (std::size_t i = 0; i < typed.size();) {
    unsigned char c = typed[i];
    if (c == ' ' || c == '\t') {
      ++i;
    } else if (c >= '0' && c <= '9') {
      digits += static_cast<char>(c);
      ++i;
    } else if (c == 0xEF && i + 2 < typed.size() && static_cast<unsigned char>(typed[i + 1]) == 0xBC &&
               static_cast<unsigned char>(typed[i + 2]) >= 0x90 &&
               static_cast<unsigned char>(typed[i + 2]) <= 0x99) {
      // U+FF10..U+FF19 are EF BC 90..99 in UTF-8.
      digits += static_cast<char>('0' + (static_cast<unsigned char>(typed[i + 2]) - 0x90));
      i += 3;
    } else {
      return {};
    }
    if (digits.size() > kCaptchaDigits) return {};
  }
  return digits.size() == kCaptchaDigits ? digits : std::string{};
}

std::string captcha_answer_hmac(std::string_view secret, std::string_view session_hash,
                                std::string_view form, std::string_view answer) {
  std::string message = "captcha\n";
  message += session_hash;
  message += '\n';
  message += form;
  message += '\n';
  message += answer;
  return crypto::hmac_sha256(secret, message);
}

}  // namespace xueji
