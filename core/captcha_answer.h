// captcha_answer.h: the rules of captcha answers, apart from any image or storage.
#pragma once
#include <string>
#include <string_view>

#include "core/crypto.h"

namespace xueji {

inline constexpr int kCaptchaDigits = 4;

// The forms that carry a captcha; any other name is refused.
bool valid_captcha_form(std::string_view form);
// Four random digits.
std::string new_captcha_answer(crypto::Random& random);
// What the visitor typed, as four ASCII digits: surrounding spaces are dropped and full-width
// digits (０-９, common with Chinese input methods) are accepted. Empty when it cannot be an answer.
std::string normalize_captcha_input(std::string_view typed);
// The stored form of an answer: bound to the session and the form so a hash cannot be replayed
// elsewhere, and keyed so 10,000 guesses cannot recover it from the database.
std::string captcha_answer_hmac(std::string_view secret, std::string_view session_hash,
                                std::string_view form, std::string_view answer);

}  // namespace xueji
