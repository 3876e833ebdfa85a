// captcha_speech_test.cpp: the audio captcha's text, random voice, program arguments and WAV
// header.
#include "core/captcha_speech.h"

#include <cppunit/extensions/HelperMacros.h>

#include <algorithm>
#include <cstdint>
#include <set>

namespace xueji {
namespace {

std::uint32_t le32(const std::string& s, std::size_t at) {
  std::uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(s[at + i]);
  return v;
}
std::uint32_t le16(const std::string& s, std::size_t at) {
  return static_cast<unsigned char>(s[at]) | (static_cast<unsigned char>(s[at + 1]) << 8);
}
bool has(const std::vector<std::string>& args, const std::string& arg) {
  return std::find(args.begin(), args.end(), arg) != args.end();
}

}  // namespace

class CaptchaSpeechTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(CaptchaSpeechTest);
  CPPUNIT_TEST(digits_are_read_one_by_one);
  CPPUNIT_TEST(anything_but_digits_gives_no_text);
  CPPUNIT_TEST(voices_stay_within_their_ranges_and_vary);
  CPPUNIT_TEST(programs_by_absolute_path_and_the_digits_in_no_argument);
  CPPUNIT_TEST(wav_header_describes_the_samples);
  CPPUNIT_TEST_SUITE_END();

 public:
  void digits_are_read_one_by_one() {
    CPPUNIT_ASSERT_EQUAL(std::string("5, 8, 2, 3"), captcha_speech_text("5823"));
    CPPUNIT_ASSERT_EQUAL(std::string("0, 0, 0, 7"), captcha_speech_text("0007"));
    CPPUNIT_ASSERT_EQUAL(std::string("9"), captcha_speech_text("9"));
  }

  void anything_but_digits_gives_no_text() {
    for (const char* bad : {"", "58a3", "58 3", "５８２３", "-123", "5823\n"}) {
      CPPUNIT_ASSERT_EQUAL_MESSAGE(bad, std::string(), captcha_speech_text(bad));
    }
  }

  void voices_stay_within_their_ranges_and_vary() {
    crypto::Random random;
    std::set<int> pitches, leads, colours, noises;
    for (int i = 0; i < 300; ++i) {
      CaptchaVoice v = random_captcha_voice(random);
      CPPUNIT_ASSERT(v.pitch >= 35 && v.pitch <= 65);
      CPPUNIT_ASSERT(v.lead_ms >= kCaptchaAudioMinLeadMs && v.lead_ms <= kCaptchaAudioMaxLeadMs);
      CPPUNIT_ASSERT(v.noise_percent >= 22 && v.noise_percent <= 38);
      pitches.insert(v.pitch);
      leads.insert(v.lead_ms);
      colours.insert(static_cast<int>(v.colour));
      noises.insert(v.noise_percent);
    }
    CPPUNIT_ASSERT(pitches.size() > 10);
    CPPUNIT_ASSERT(leads.size() > 50);
    CPPUNIT_ASSERT_EQUAL(std::size_t{3}, colours.size());
    CPPUNIT_ASSERT(noises.size() > 10);
  }

  void programs_by_absolute_path_and_the_digits_in_no_argument() {
    CaptchaVoice v{42, 615, NoiseColour::kBrown, 31};
    auto espeak = espeak_arguments(v);
    CPPUNIT_ASSERT_EQUAL(std::string("/usr/bin/espeak-ng"), espeak[0]);
    CPPUNIT_ASSERT(has(espeak, "cmn") && has(espeak, "--stdin") && has(espeak, "--stdout"));
    CPPUNIT_ASSERT(has(espeak, "42"));
    auto sox = sox_arguments(v);
    CPPUNIT_ASSERT_EQUAL(std::string("/usr/bin/sox"), sox[0]);
    CPPUNIT_ASSERT(has(sox, "0.615") && has(sox, "0.500"));  // lead and tail silence
    CPPUNIT_ASSERT(has(sox, "brownnoise") && has(sox, "mix"));
    CPPUNIT_ASSERT(has(sox, "1v0.800,2v0.310"));
    CPPUNIT_ASSERT(has(sox, std::to_string(kCaptchaAudioRate)));
    // No argument is given to a shell, and none carries text to speak.
    for (const auto& a : espeak) CPPUNIT_ASSERT_MESSAGE(a, a.find(',') == std::string::npos);
  }

  void wav_header_describes_the_samples() {
    std::string samples(3201, '\x01');  // an odd last byte is dropped
    std::string wav = wav_from_pcm16(samples, 16000);
    CPPUNIT_ASSERT_EQUAL(std::size_t{44 + 3200}, wav.size());
    CPPUNIT_ASSERT_EQUAL(std::string("RIFF"), wav.substr(0, 4));
    CPPUNIT_ASSERT_EQUAL(std::uint32_t(wav.size() - 8), le32(wav, 4));
    CPPUNIT_ASSERT_EQUAL(std::string("WAVEfmt "), wav.substr(8, 8));
    CPPUNIT_ASSERT_EQUAL(std::uint32_t{16}, le32(wav, 16));
    CPPUNIT_ASSERT_EQUAL(std::uint32_t{1}, le16(wav, 20));      // PCM
    CPPUNIT_ASSERT_EQUAL(std::uint32_t{1}, le16(wav, 22));      // mono
    CPPUNIT_ASSERT_EQUAL(std::uint32_t{16000}, le32(wav, 24));  // rate
    CPPUNIT_ASSERT_EQUAL(std::uint32_t{32000}, le32(wav, 28));  // bytes per second
    CPPUNIT_ASSERT_EQUAL(std::uint32_t{2}, le16(wav, 32));
    CPPUNIT_ASSERT_EQUAL(std::uint32_t{16}, le16(wav, 34));
    CPPUNIT_ASSERT_EQUAL(std::string("data"), wav.substr(36, 4));
    CPPUNIT_ASSERT_EQUAL(std::uint32_t{3200}, le32(wav, 40));
    CPPUNIT_ASSERT_EQUAL(std::size_t{44}, wav_from_pcm16("").size());
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(CaptchaSpeechTest);

}  // namespace xueji
