// captcha.h: the image captcha of every public form (product.md §4): 4 digits, one per form per
// session, single use, 5 minutes; an HMAC of the answer is stored for the check, and the answer
// sealed under a key of the server secret for its audio alternative (issue 21).
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "fcgi/context.h"
#include "fcgi/session.h"

namespace xueji {

// Makes a new captcha for (session, form), replacing any earlier one, and returns its PNG.
std::string issue_captcha(const Session& session, std::string_view form, Context& ctx);

// The audio alternative of the image: a WAV of the same captcha's digits spoken over noise
// (flows/captcha_audio.h), or nullopt when (session, form) has no live captcha. It does not use
// the captcha up, and a new image (「更換圖片」) means new digits here too.
std::optional<std::string> captcha_audio(const Session& session, std::string_view form,
                                         Context& ctx);

enum class CaptchaCheck { kPassed, kWrong, kMissingOrExpired };

// Consumes the captcha of (session, form) whatever the answer: a second try needs a new image.
CaptchaCheck check_captcha(const Session& session, std::string_view form, std::string_view answer,
                           Context& ctx);
// The message shown next to the 驗證碼 field for a failed check.
const char* captcha_message(CaptchaCheck result);

}  // namespace xueji
