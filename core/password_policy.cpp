// password_policy.cpp: checks a proposed password against each rule of product.md §3.
#include "core/password_policy.h"

#include "core/account_policy.h"
#include "core/holder_id.h"
#include "core/utf8.h"

namespace xueji {
namespace {

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// ASCII whitespace plus the Unicode spaces a Chinese input method or a copy from a document
// can slip in (the full-width space U+3000 above all), which look like nothing on screen.
bool is_whitespace(char32_t cp) {
  return cp == U' ' || (cp >= U'\t' && cp <= U'\r') || cp == U'\u0085' || cp == U'\u00A0' ||
         cp == U'\u1680' || (cp >= U'\u2000' && cp <= U'\u200A') || cp == U'\u2028' ||
         cp == U'\u2029' || cp == U'\u202F' || cp == U'\u205F' || cp == U'\u3000';
}

int character_classes(std::string_view password) {
  bool upper = false, lower = false, digit = false, symbol = false;
  for (char c : password) {
    if (c >= 'A' && c <= 'Z') {
      upper = true;
    } else if (c >= 'a' && c <= 'z') {
      lower = true;
    } else if (c >= '0' && c <= '9') {
      digit = true;
    } else if (c > ' ' && c < 0x7F) {
      symbol = true;  // any other printable ASCII character
    }
  }
  return int{upper} + int{lower} + int{digit} + int{symbol};
}

bool contains_folded(std::string_view haystack_lower, std::string_view needle) {
  return !needle.empty() && haystack_lower.find(ascii_lower(needle)) != std::string_view::npos;
}

}  // namespace

std::vector<std::string> password_problems(std::string_view password,
                                           const PasswordRuleContext& context) {
  if (password.empty()) return {std::string(kPasswordEmpty)};

  std::vector<std::string> problems;
  const std::vector<char32_t> characters = utf8_code_points(password);
  const auto length = static_cast<int>(characters.size());
  if (length < kPasswordMinLength || length > kPasswordMaxLength) {
    problems.emplace_back(kPasswordLength);
  }
  for (char32_t cp : characters) {
    if (is_whitespace(cp)) {
      problems.emplace_back(kPasswordWhitespace);
      break;
    }
  }
  if (character_classes(password) < kPasswordMinClasses) problems.emplace_back(kPasswordClasses);

  const std::string folded = ascii_lower(password);
  if (contains_folded(folded, context.account_name)) problems.emplace_back(kPasswordAccountName);
  if (contains_folded(folded, context.national_id) ||
      (!context.id_hmac.empty() &&
       contains_holder_id(password, context.id_secret, context.id_hmac))) {
    problems.emplace_back(kPasswordIdNumber);
  }
  for (const std::string& form : birth_date_forms(context.birth_date)) {
    if (folded.find(form) != std::string::npos) {
      problems.emplace_back(kPasswordBirthDate);
      break;
    }
  }
  if (is_common_password(password)) problems.emplace_back(kPasswordCommon);
  return problems;
}

bool password_expired(TimePoint changed_at, TimePoint now) {
  return now - changed_at > kPasswordMaxAge;
}

bool password_too_young(TimePoint changed_at, TimePoint now) {
  return now - changed_at < kPasswordMinAge;
}

}  // namespace xueji
