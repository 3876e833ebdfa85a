// captcha_image.h: draws captcha digits as a noisy PNG with libgd.
#pragma once
#include <string>

#include "core/crypto.h"

namespace xueji {

inline constexpr int kCaptchaWidth = 120;
inline constexpr int kCaptchaHeight = 40;

std::string draw_captcha_png(const std::string& digits, crypto::Random& random);

}  // namespace xueji
