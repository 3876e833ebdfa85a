// password_policy.h: the password (密碼) rules of product.md §3 and the pure password-age tests.
#pragma once
#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/taipei_time.h"

namespace xueji {

inline constexpr int kPasswordMinLength = 12;
inline constexpr int kPasswordMaxLength = 64;
inline constexpr int kPasswordMinClasses = 3;
// A password older than kPasswordMaxAge must be changed at login. A user may not change their own
// password again sooner than kPasswordMinAge; forced and admin-reset changes are exempt, which the
// caller decides.
inline constexpr std::chrono::days kPasswordMaxAge{90};
inline constexpr std::chrono::days kPasswordMinAge{1};

// One message per rule, shown next to the 新密碼 field.
inline constexpr std::string_view kPasswordEmpty = "請輸入密碼";
inline constexpr std::string_view kPasswordLength = "密碼長度須為 12 至 64 個字元";
inline constexpr std::string_view kPasswordWhitespace = "密碼不得包含空格或其他空白字元";
inline constexpr std::string_view kPasswordClasses =
    "密碼須包含大寫英文字母、小寫英文字母、數字及符號（例如 ! @ # $ %）四種中的至少三種";
inline constexpr std::string_view kPasswordAccountName = "密碼不得包含帳號";
inline constexpr std::string_view kPasswordIdNumber = "密碼不得包含身分證/外籍人士統一證號";
inline constexpr std::string_view kPasswordBirthDate = "密碼不得包含出生年月日";
inline constexpr std::string_view kPasswordCommon = "此密碼太常見，容易被他人猜中，請改用其他密碼";

// What the rules need to know about the holder; empty strings and an impossible birth date
// (the default {0,0,0}) skip the check they would feed.
struct PasswordRuleContext {
  std::string account_name;
  std::string national_id;  // in clear, where the caller still has it
  CivilDate birth_date;
  // The holder's ID number known only by its keyed hash (the clear number is not kept after
  // 身分驗證): the secret that keyed it and the HMAC. Empty: not checked this way.
  std::string id_secret{};
  std::string id_hmac{};
};

// Every rule `password` breaks, in the order of the messages above; empty means acceptable.
// Length counts characters (UTF-8 code points), not bytes. Reuse of the last 3 passwords is
// checked elsewhere, against their hashes. An empty password gets only kPasswordEmpty.
std::vector<std::string> password_problems(std::string_view password,
                                           const PasswordRuleContext& context);

// True when the password, ASCII lower-cased, is exactly one of the shipped common passwords.
bool is_common_password(std::string_view password);

// The shipped list (lower-case, no duplicates), defined in common_passwords.cpp.
const std::vector<std::string_view>& common_passwords();

// More than kPasswordMaxAge since the change.
bool password_expired(TimePoint changed_at, TimePoint now);

// Less than kPasswordMinAge since the change. A change time in the future (clock skew) counts
// as too young rather than letting the rule be skipped.
bool password_too_young(TimePoint changed_at, TimePoint now);

}  // namespace xueji
