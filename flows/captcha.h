// captcha.h: the image captcha of every public form (product.md §4): 4 digits, one per form per
// session, single use, 5 minutes; only an HMAC of the answer is stored.
#pragma once
#include <string>
#include <string_view>

#include "fcgi/context.h"
#include "fcgi/session.h"

namespace xueji {

// Makes a new captcha for (session, form), replacing any earlier one, and returns its PNG.
std::string issue_captcha(const Session& session, std::string_view form, Context& ctx);

enum class CaptchaCheck { kPassed, kWrong, kMissingOrExpired };

// Consumes the captcha of (session, form) whatever the answer: a second try needs a new image.
CaptchaCheck check_captcha(const Session& session, std::string_view form, std::string_view answer,
                           Context& ctx);
// The message shown next to the 驗證碼 field for a failed check.
const char* captcha_message(CaptchaCheck result);

}  // namespace xueji
