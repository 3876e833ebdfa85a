// account_policy.cpp: checks a proposed account name against each rule of product.md §3.
#include "core/account_policy.h"

#include <cstdio>

#include "core/national_id.h"
#include "core/school_year.h"
#include "core/utf8.h"

namespace xueji {
namespace {

bool is_letter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_allowed(char c) { return is_letter(c) || is_digit(c) || c == '.' || c == '_' || c == '-'; }

char to_upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = to_upper(c);
  return out;
}

bool contains_clear_national_id(std::string_view name, std::string_view national_id) {
  if (national_id.empty()) return false;
  return upper(name).find(upper(national_id)) != std::string::npos;
}

bool contains_birth_date(std::string_view name, CivilDate birth_date) {
  for (const std::string& form : birth_date_forms(birth_date)) {
    if (name.find(form) != std::string_view::npos) return true;
  }
  return false;
}

}  // namespace

std::vector<std::string> account_name_problems(std::string_view name,
                                               const AccountRuleContext& context) {
  if (name.empty()) return {std::string(kAccountNameEmpty)};

  std::vector<std::string> problems;
  // Characters as a person counts them: "王小明" is 3 long, not 9.
  const int length = static_cast<int>(utf8_length(name));
  if (length < kAccountNameMinLength || length > kAccountNameMaxLength) {
    problems.emplace_back(kAccountNameLength);
  }
  if (!is_letter(name.front())) problems.emplace_back(kAccountNameFirstLetter);

  bool all_allowed = true;
  bool has_letter = false;
  bool has_digit = false;
  for (char c : name) {
    all_allowed = all_allowed && is_allowed(c);
    has_letter = has_letter || is_letter(c);
    has_digit = has_digit || is_digit(c);
  }
  if (!all_allowed) problems.emplace_back(kAccountNameCharacters);
  if (!has_letter || !has_digit) problems.emplace_back(kAccountNameLetterAndDigit);

  // Anyone's number by its shape (legacy accounts were often someone's ID), and the holder's own
  // even if it were stored in a shape we do not recognise.
  if (contains_any_national_id(name) || contains_clear_national_id(name, context.national_id)) {
    problems.emplace_back(kAccountNameIdNumber);
  }
  if (contains_birth_date(name, context.birth_date)) problems.emplace_back(kAccountNameBirthDate);
  return problems;
}

std::string account_login_key(std::string_view name) {
  std::string key(name);
  for (char& c : key) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return key;
}

bool is_id_number_account(std::string_view name) {
  return is_valid_national_id(normalize_national_id(name));
}

std::vector<std::string> birth_date_forms(CivilDate birth_date) {
  if (!is_valid_date(birth_date) || birth_date.year < 1 || birth_date.year > 9999) return {};
  char text[32];
  std::vector<std::string> forms;
  std::snprintf(text, sizeof text, "%04d%02d%02d", birth_date.year, birth_date.month,
                birth_date.day);
  forms.emplace_back(text);

  const int roc_year = birth_date.year - kRocYearOffset;
  if (roc_year < 1) return forms;
  // Three-digit form first ("0750102"); for years below 100 people also write the year with two
  // digits ("750102"), which is a substring of the first and so catches both.
  std::snprintf(text, sizeof text, "%03d%02d%02d", roc_year, birth_date.month, birth_date.day);
  forms.emplace_back(text);
  if (roc_year < 100) {
    std::snprintf(text, sizeof text, "%02d%02d%02d", roc_year, birth_date.month, birth_date.day);
    forms.emplace_back(text);
  }
  return forms;
}

}  // namespace xueji
