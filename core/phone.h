// phone.h: Taiwan phone numbers (聯絡電話) — mobile 09xxxxxxxx or a landline with its area code,
// optionally with an extension — checked and written one canonical way.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace xueji {

inline constexpr std::string_view kPhoneInvalid =
    "聯絡電話格式不正確，請輸入手機（例如 0912-345-678）或含區碼的市話（例如 02-2345-6789#123）";

// The canonical form of a phone number, or nullopt when it is not one:
//  - mobile: "0912345678";
//  - landline: "<area code>-<subscriber number>", e.g. "02-23456789", "037-123456",
//    "0836-12345", with "#<extension>" (1–6 digits) appended when given.
// Accepted input: ASCII or full-width digits; spaces, dashes and parentheses anywhere between
// them ("(02) 2345-6789", "0912 345 678"); "+886" / "886" for the leading 0; an extension after
// "#", "ext", "ext." or "分機" — landlines only, mobiles have no extensions.
std::optional<std::string> normalize_phone(std::string_view input);

}  // namespace xueji
