// captcha_audio_test.cpp: espeak-ng and sox really run (the Debian packages scripts/test
// installs): a WAV of the right shape and length, different noise each time.
#include "flows/captcha_audio.h"

#include <cppunit/extensions/HelperMacros.h>

#include "core/captcha_speech.h"

namespace xueji {
namespace {

double seconds_of(const std::string& wav) {
  return static_cast<double>(wav.size() - 44) / (2.0 * kCaptchaAudioRate);
}

}  // namespace

class CaptchaAudioTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(CaptchaAudioTest);
  CPPUNIT_TEST(four_digits_make_a_few_seconds_of_wav);
  CPPUNIT_TEST(same_digits_same_length_class_other_noise);
  CPPUNIT_TEST(not_digits_is_refused);
  CPPUNIT_TEST_SUITE_END();

 public:
  void four_digits_make_a_few_seconds_of_wav() {
    crypto::Random random;
    std::string wav = speak_captcha_wav("5823", random);
    CPPUNIT_ASSERT_EQUAL(std::string("RIFF"), wav.substr(0, 4));
    CPPUNIT_ASSERT_EQUAL(std::string("WAVE"), wav.substr(8, 4));
    double s = seconds_of(wav);
    CPPUNIT_ASSERT_MESSAGE(std::to_string(s), s > 2.0 && s < 6.0);
    // Not silence: the speech and the noise are there.
    int loud = 0;
    for (std::size_t i = 44; i + 1 < wav.size(); i += 2) {
      auto sample = static_cast<std::int16_t>(static_cast<unsigned char>(wav[i]) |
                                              (static_cast<unsigned char>(wav[i + 1]) << 8));
      if (sample > 8000 || sample < -8000) ++loud;
    }
    CPPUNIT_ASSERT(loud > 1000);
  }

  void same_digits_same_length_class_other_noise() {
    crypto::Random random;
    std::string a = speak_captcha_wav("1234", random);
    std::string b = speak_captcha_wav("1234", random);
    CPPUNIT_ASSERT(a != b);
    double gap = seconds_of(a) - seconds_of(b);
    CPPUNIT_ASSERT_MESSAGE(std::to_string(gap), gap < 0.45 && gap > -0.45);
    // Two digits say less than four.
    std::string shorter = speak_captcha_wav("12", random);
    CPPUNIT_ASSERT(seconds_of(shorter) + 0.3 < std::min(seconds_of(a), seconds_of(b)));
  }

  void not_digits_is_refused() {
    crypto::Random random;
    CPPUNIT_ASSERT_THROW(speak_captcha_wav("12a4", random), std::invalid_argument);
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(CaptchaAudioTest);

}  // namespace xueji
