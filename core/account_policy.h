// account_policy.h: the account-name (帳號) rules of product.md §3, as zh-TW messages per rule.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/taipei_time.h"

namespace xueji {

inline constexpr int kAccountNameMinLength = 6;
inline constexpr int kAccountNameMaxLength = 20;

// One message per rule, shown next to the 帳號 field. Handlers and tests compare against these.
inline constexpr std::string_view kAccountNameEmpty = "請輸入帳號";
inline constexpr std::string_view kAccountNameLength = "帳號長度須為 6 至 20 個字元";
inline constexpr std::string_view kAccountNameFirstLetter = "帳號須以英文字母開頭";
inline constexpr std::string_view kAccountNameCharacters = "帳號僅能包含英文字母、數字及 . _ -";
inline constexpr std::string_view kAccountNameLetterAndDigit = "帳號須同時包含英文字母及數字";
inline constexpr std::string_view kAccountNameIdNumber = "帳號不得為或包含身分證/外籍人士統一證號";
inline constexpr std::string_view kAccountNameBirthDate = "帳號不得包含出生年月日";

// What the rules need to know about the holder. An empty national_id or an impossible
// birth_date (the default {0,0,0}) skips the holder-specific check it would feed.
struct AccountRuleContext {
  std::string national_id;  // normalized (upper-case); the holder's own number
  CivilDate birth_date;
};

// Every rule `name` breaks, in the order of the rules above; empty means acceptable. An empty
// name gets only kAccountNameEmpty, since the other messages would say nothing useful.
// Uniqueness is not checked here: it needs the database (compare account_login_key values).
std::vector<std::string> account_name_problems(std::string_view name,
                                               const AccountRuleContext& context);

// The key under which account names are unique and looked up: ASCII lower-case, so "Teacher01"
// and "teacher01" are the same account.
std::string account_login_key(std::string_view name);

// An account whose name is an ID number or ARC number (身分證/外籍人士統一證號) of any holder, as
// the old system allowed. Per section 二.4 of the manual its holder has no 個人業務帳號: such an
// account cannot log in, and the holder applies through the wizard, which retires it.
bool is_id_number_account(std::string_view name);

// The spellings of a birth date that account names and passwords must not contain:
// yyyymmdd, and the ROC date as yyymmdd — for a 2-digit ROC year both "0750102" and "750102"
// (1986-01-02), for a 3-digit one "1050102" (2016-01-02). Empty for an impossible date; no ROC
// form for dates before 1912 (the ROC calendar starts there).
std::vector<std::string> birth_date_forms(CivilDate birth_date);

}  // namespace xueji
