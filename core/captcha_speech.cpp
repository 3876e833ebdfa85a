// captcha_speech.cpp: the audio captcha's text, voice, program arguments and WAV header.
#include "core/captcha_speech.h"

#include <cstdint>
#include <cstdio>

namespace xueji {
namespace {

void put_le(std::string& out, std::uint32_t value, int bytes) {
  for (int i = 0; i < bytes; ++i) out += static_cast<char>((value >> (8 * i)) & 0xFF);
}

const char* colour_name(NoiseColour colour) {
  switch (colour) {
    case NoiseColour::kWhite: return "whitenoise";
    case NoiseColour::kPink: return "pinknoise";
    case NoiseColour::kBrown: return "brownnoise";
  }
  return "pinknoise";
}

// 1250 → "1.250": seconds from milliseconds, or a gain from thousandths.
std::string thousandths(int value) {
  char text[16];
  std::snprintf(text, sizeof text, "%d.%03d", value / 1000, value % 1000);
  return text;
}

}  // namespace

std::string captcha_speech_text(std::string_view digits) {
  std::string text;
  for (char c : digits) {
    if (c < '0' || c > '9') return {};
    if (!text.empty()) text += ", ";
    text += c;
  }
  return text;
}

CaptchaVoice random_captcha_voice(crypto::Random& random) {
  CaptchaVoice voice;
  voice.pitch = 35 + static_cast<int>(random.uniform(31));
  voice.lead_ms = kCaptchaAudioMinLeadMs +
                  static_cast<int>(random.uniform(kCaptchaAudioMaxLeadMs - kCaptchaAudioMinLeadMs + 1));
  voice.colour = static_cast<NoiseColour>(random.uniform(3));
  voice.noise_percent = 22 + static_cast<int>(random.uniform(17));
  return voice;
}

std::vector<std::string> espeak_arguments(const CaptchaVoice& voice) {
  return {kEspeakProgram, "-v", "cmn", "-s", "140", "-p", std::to_string(voice.pitch),
          "--stdin", "--stdout"};
}

std::vector<std::string> sox_arguments(const CaptchaVoice& voice) {
  // Two channels: the speech, and a silent one that synth fills with noise (the speech channel
  // is multiplied by a 0 Hz sine at its peak, i.e. kept as it is); remix then adds the noise
  // under the speech at noise_percent, the speech at 80% so the sum seldom clips.
  return {kSoxProgram, "-q", "-t", "wav", "-", "-t", "raw", "-e", "signed-integer", "-b", "16",
          "-L", "-r", std::to_string(kCaptchaAudioRate), "-c", "1", "-",
          "pad", thousandths(voice.lead_ms), thousandths(kCaptchaAudioTailMs),
          "remix", "1", "0",
          "synth", "0", "sine", "amod", "0", "0", "25", colour_name(voice.colour), "mix",
          "remix", "1v0.800,2v" + thousandths(voice.noise_percent * 10)};
}

std::string wav_from_pcm16(std::string_view samples, int rate) {
  const std::uint32_t data_size = static_cast<std::uint32_t>(samples.size() & ~std::size_t{1});
  std::string out;
  out.reserve(44 + data_size);
  out += "RIFF";
  put_le(out, 36 + data_size, 4);
  out += "WAVEfmt ";
  put_le(out, 16, 4);                                    // fmt chunk size
  put_le(out, 1, 2);                                     // PCM
  put_le(out, 1, 2);                                     // mono
  put_le(out, static_cast<std::uint32_t>(rate), 4);      // sample rate
  put_le(out, static_cast<std::uint32_t>(rate) * 2, 4);  // byte rate
  put_le(out, 2, 2);                                     // block align
  put_le(out, 16, 2);                                    // bits per sample
  out += "data";
  put_le(out, data_size, 4);
  out.append(samples.substr(0, data_size));
  return out;
}

}  // namespace xueji
