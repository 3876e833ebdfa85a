// email_address.h: the E-Mail field of the wizard: a plain ASCII address (the SMTP path has no
// SMTPUTF8), at most 254 characters, local part at most 64, checked by syntax only.
#pragma once
#include <string>
#include <string_view>

namespace xueji {

inline constexpr std::size_t kEmailMaxLength = 254;
inline constexpr std::size_t kEmailLocalMaxLength = 64;
inline constexpr std::size_t kEmailLabelMaxLength = 63;

enum class EmailProblem { kNone, kEmpty, kNotAscii, kTooLong, kFormat };

// The messages shown next to the E-Mail field.
inline constexpr std::string_view kEmailEmptyMessage = "請輸入 E-Mail。";
inline constexpr std::string_view kEmailNotAsciiMessage =
    "E-Mail 僅能使用英文字母、數字及半形符號，請勿輸入中文、全形字元或空格。";
inline constexpr std::string_view kEmailTooLongMessage =
    "E-Mail 過長：全長不得超過 254 個字元，@ 之前不得超過 64 個字元。";
inline constexpr std::string_view kEmailFormatMessage =
    "E-Mail 格式不正確，請確認後重新輸入（例如 name@example.com）。";

// What is wrong with `address` (already trimmed of surrounding spaces), or kNone. Accepted: a
// dot-atom local part (letters, digits and !#$%&'*+/=?^_`{|}~- with single inner dots) and a
// domain of two or more labels (letters, digits, inner hyphens; the last label has a letter).
// Quoted local parts and address literals are refused: no mail service a teacher uses needs them.
EmailProblem email_problem(std::string_view address);

std::string_view email_problem_message(EmailProblem problem);

// The address as it is stored and mailed: the domain in lower case (domains ignore case, local
// parts may not). Expects an address without problems.
std::string normalize_email(std::string_view address);

}  // namespace xueji
