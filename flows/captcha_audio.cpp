// captcha_audio.cpp: espeak-ng reads the digits from its standard input (so they appear in no
// process listing), sox pads the speech and mixes noise under it, and the samples get a WAV
// header of our own (sox cannot finish one on a pipe).
#include "flows/captcha_audio.h"

#include <stdexcept>

#include "core/captcha_speech.h"
#include "flows/child_process.h"

namespace xueji {
namespace {

// espeak-ng says four digits in ~0.1 s of CPU and sox mixes them in less; the bounds leave room
// for a busy machine and still answer the visitor within seconds.
constexpr ChildLimits kEspeakLimits{std::chrono::milliseconds(4000), 2 << 20};
constexpr ChildLimits kSoxLimits{std::chrono::milliseconds(4000), 2 << 20};

}  // namespace

std::string speak_captcha_wav(std::string_view digits, crypto::Random& random) {
  std::string text = captcha_speech_text(digits);
  if (text.empty()) throw std::invalid_argument("captcha audio: not a row of digits");
  CaptchaVoice voice = random_captcha_voice(random);
  std::string speech = run_child(espeak_arguments(voice), text + "\n", kEspeakLimits);
  std::string samples = run_child(sox_arguments(voice), speech, kSoxLimits);
  if (samples.size() < 2 * kCaptchaAudioRate / 2) {
    throw ChildFailed("captcha audio: sox gave under half a second");
  }
  return wav_from_pcm16(samples);
}

}  // namespace xueji
