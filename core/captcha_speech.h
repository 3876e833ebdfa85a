// captcha_speech.h: the audio captcha's rules without I/O (issue 21, WCAG 1.1.1) — what
// espeak-ng is asked to say, the noise sox mixes under it, the programs' arguments, and the WAV
// file around sox's samples. flows/captcha_audio.cpp runs the programs.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/crypto.h"

namespace xueji {

// Programs run by absolute path, never looked up in PATH.
inline constexpr const char* kEspeakProgram = "/usr/bin/espeak-ng";
inline constexpr const char* kSoxProgram = "/usr/bin/sox";

inline constexpr int kCaptchaAudioRate = 16000;  // samples per second, 16-bit mono
// Silence before the first digit and after the last one, in milliseconds: the lead varies so
// the digits do not start at a fixed offset.
inline constexpr int kCaptchaAudioMinLeadMs = 300;
inline constexpr int kCaptchaAudioMaxLeadMs = 700;
inline constexpr int kCaptchaAudioTailMs = 500;

// The text espeak-ng reads (on its standard input, never as an argument): the digits one by one,
// with a pause between them — "5, 8, 2, 3" — which the Mandarin voice says 「五、八、二、三」.
// Empty unless `digits` is all ASCII digits.
std::string captcha_speech_text(std::string_view digits);

enum class NoiseColour { kWhite, kPink, kBrown };

// What changes from one rendering to the next: the voice's pitch, the lead silence, the colour
// and loudness of the background noise (sox also draws the noise itself at random).
struct CaptchaVoice {
  int pitch = 50;         // espeak-ng -p, 0..99
  int lead_ms = 500;      // kCaptchaAudioMinLeadMs..kCaptchaAudioMaxLeadMs
  NoiseColour colour = NoiseColour::kPink;
  int noise_percent = 30;  // the noise's gain against the speech, 22..38
};
CaptchaVoice random_captcha_voice(crypto::Random& random);

// argv of espeak-ng: the Mandarin voice (cmn), text on stdin, a WAV on stdout.
std::vector<std::string> espeak_arguments(const CaptchaVoice& voice);
// argv of sox: espeak-ng's WAV on stdin; on stdout raw signed 16-bit little-endian mono samples
// at kCaptchaAudioRate, padded, with the noise mixed under the speech.
std::vector<std::string> sox_arguments(const CaptchaVoice& voice);

// A RIFF/WAVE file (PCM, 16-bit mono, `rate` Hz) around raw little-endian samples; an odd last
// byte is dropped.
std::string wav_from_pcm16(std::string_view samples, int rate = kCaptchaAudioRate);

}  // namespace xueji
