// captcha_audio.h: speaks captcha digits in Mandarin (espeak-ng, voice cmn) with background
// noise mixed by sox, as a WAV file: the audio alternative of the captcha image (WCAG 1.1.1).
#pragma once
#include <string>
#include <string_view>

#include "core/crypto.h"

namespace xueji {

// The WAV (16-bit mono PCM, core/captcha_speech.h kCaptchaAudioRate) of `digits` spoken one by
// one over noise; voice and noise vary with every call. Each program runs within a bounded time
// (flows/child_process.h). Throws ChildFailed (flows/child_process.h) naming the program — never
// the digits — when one fails.
std::string speak_captcha_wav(std::string_view digits, crypto::Random& random);

}  // namespace xueji
