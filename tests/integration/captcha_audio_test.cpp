// captcha_audio_test.cpp: the audio alternative of the captcha image (issue 21, WCAG 1.1.1) over
// HTTP through nginx — GET /captcha/audio?form=NAME speaks the session's captcha of that form as
// a WAV: not without a session or for an unknown form, not once the captcha is used, new digits
// after 「更換圖片」, the same length class for the same captcha, and as long as espeak-ng takes
// to say the test stack's answer. Every captcha page offers 「語音播放」.
#include <cppunit/extensions/HelperMacros.h>

#include <cstdint>

#include "core/captcha_speech.h"
#include "tests/integration/support/login_support.h"

using namespace xueji::testing;

namespace {

std::uint32_t le32(const std::string& s, std::size_t at) {
  std::uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(s[at + i]);
  return v;
}

// Checks the RIFF/WAVE header against the body and returns the length in seconds.
double wav_seconds(const HttpResponse& r) {
  CPPUNIT_ASSERT_EQUAL_MESSAGE(r.body.substr(0, 200), 200L, r.status);
  CPPUNIT_ASSERT_EQUAL(std::string("audio/wav"), r.header("content-type"));
  CPPUNIT_ASSERT_EQUAL(std::string("no-store"), r.header("cache-control"));
  const std::string& wav = r.body;
  CPPUNIT_ASSERT(wav.size() > 44);
  CPPUNIT_ASSERT_EQUAL(std::string("RIFF"), wav.substr(0, 4));
  CPPUNIT_ASSERT_EQUAL(std::uint32_t(wav.size() - 8), le32(wav, 4));
  CPPUNIT_ASSERT_EQUAL(std::string("WAVEfmt "), wav.substr(8, 8));
  CPPUNIT_ASSERT_EQUAL(std::string("data"), wav.substr(36, 4));
  CPPUNIT_ASSERT_EQUAL(std::uint32_t(wav.size() - 44), le32(wav, 40));
  const std::uint32_t byte_rate = le32(wav, 28);
  CPPUNIT_ASSERT_EQUAL(std::uint32_t(2 * xueji::kCaptchaAudioRate), byte_rate);
  return static_cast<double>(wav.size() - 44) / byte_rate;
}

std::string answer_box_hex(Browser& b, const std::string& form) {
  return scalar("SELECT HEX(c.answer_box) FROM captchas c WHERE c.form = '" + form +
                "' AND c.session_hash = UNHEX(SHA2('" + b.cookie("xueji_session") + "', 256))");
}

// How long espeak-ng takes to say the test stack's answer, as the product asks it to.
double reference_speech_seconds() {
  std::string file = var_dir() + "/captcha-reference.wav";
  run("printf '%s\\n' " + quoted(xueji::captcha_speech_text(captcha_answer())) +
      " | /usr/bin/espeak-ng -v cmn -s 140 -p 50 --stdin -w " + quoted(file));
  return std::stod(trimmed(run("soxi -D " + quoted(file))));
}

}  // namespace

class CaptchaAudioTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(CaptchaAudioTest);
  CPPUNIT_TEST(the_image_s_captcha_is_spoken_as_a_wav);
  CPPUNIT_TEST(no_session_no_captcha_or_unknown_form_is_refused);
  CPPUNIT_TEST(the_audio_does_not_use_the_captcha_up_the_check_does);
  CPPUNIT_TEST(a_new_image_changes_the_audio);
  CPPUNIT_TEST(every_captcha_page_offers_the_audio);
  CPPUNIT_TEST_SUITE_END();

 public:
  void the_image_s_captcha_is_spoken_as_a_wav() {
    Browser b;
    CPPUNIT_ASSERT_EQUAL(200L, b.get("/login").status);
    CPPUNIT_ASSERT_EQUAL(200L, b.get("/captcha?form=login").status);
    HttpResponse first = b.get("/captcha/audio?form=login");
    HttpResponse second = b.get("/captcha/audio?form=login");
    double a = wav_seconds(first);
    double c = wav_seconds(second);
    // The same captcha twice: other noise, the same length class (only the lead silence moves).
    CPPUNIT_ASSERT(first.body != second.body);
    const double spread = (xueji::kCaptchaAudioMaxLeadMs - xueji::kCaptchaAudioMinLeadMs) / 1000.0;
    CPPUNIT_ASSERT_MESSAGE(std::to_string(a) + " vs " + std::to_string(c),
                           a - c <= spread + 0.1 && c - a <= spread + 0.1);
    // As long as espeak-ng takes to say the answer (5823 in the test stack), plus the silences.
    double speech = reference_speech_seconds();
    double least = speech + (xueji::kCaptchaAudioMinLeadMs + xueji::kCaptchaAudioTailMs) / 1000.0;
    double most = speech + (xueji::kCaptchaAudioMaxLeadMs + xueji::kCaptchaAudioTailMs) / 1000.0;
    for (double s : {a, c}) {
      CPPUNIT_ASSERT_MESSAGE(std::to_string(s) + " not in [" + std::to_string(least) + ", " +
                                 std::to_string(most) + "]",
                             s > least - 0.15 && s < most + 0.15);
    }
    // What espeak-ng was given to say is in no log line of the worker.
    CPPUNIT_ASSERT(!contains(run("cat " + quoted(var_dir() + "/log/captcha-audio.log")),
                             xueji::captcha_speech_text(captcha_answer())));
  }

  void no_session_no_captcha_or_unknown_form_is_refused() {
    Browser none;
    HttpResponse r = none.get("/captcha/audio?form=login");
    CPPUNIT_ASSERT_EQUAL(404L, r.status);
    CPPUNIT_ASSERT(r.header("set-cookie").empty());  // no session is made for it
    CPPUNIT_ASSERT(r.header("content-type").find("audio") == std::string::npos);

    Browser b;
    b.get("/login");
    b.get("/captcha?form=login");
    CPPUNIT_ASSERT_EQUAL(400L, b.get("/captcha/audio?form=nosuchform").status);
    CPPUNIT_ASSERT_EQUAL(400L, b.get("/captcha/audio").status);
    // A form whose image was never drawn in this session: the same 404.
    CPPUNIT_ASSERT_EQUAL(404L, b.get("/captcha/audio?form=forgot_account").status);
    // Another browser's session does not hear this one's captcha.
    Browser other;
    other.get("/login");
    CPPUNIT_ASSERT_EQUAL(404L, other.get("/captcha/audio?form=login").status);
    CPPUNIT_ASSERT_EQUAL(405L, b.post("/captcha/audio?form=login", {}).status);
  }

  void the_audio_does_not_use_the_captcha_up_the_check_does() {
    Browser b;
    HttpResponse page = b.get("/login");
    b.get("/captcha?form=login");
    wav_seconds(b.get("/captcha/audio?form=login"));
    // The captcha still passes after its audio: the answer is about the account, not the captcha.
    HttpResponse r = post(b, "/login",
                          {{"csrf", csrf_of(page.body)},
                           {"account", "nosuch" + digits(6)},
                           {"password", "Whatever-Password-1"},
                           {"captcha", captcha_answer()}});
    CPPUNIT_ASSERT_MESSAGE(r.body, contains(r.body, kNeutral));
    // Used by the check: no audio any more, until a new image.
    CPPUNIT_ASSERT_EQUAL(404L, b.get("/captcha/audio?form=login").status);
    b.get("/captcha?form=login");
    wav_seconds(b.get("/captcha/audio?form=login"));
    // Expired: the same.
    sql("UPDATE captchas SET expires_at = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND WHERE form = "
        "'login' AND session_hash = UNHEX(SHA2('" + b.cookie("xueji_session") + "', 256))");
    CPPUNIT_ASSERT_EQUAL(404L, b.get("/captcha/audio?form=login").status);
  }

  void a_new_image_changes_the_audio() {
    Browser b;
    b.get("/apply/identity");
    b.get("/captcha?form=apply_identity");
    std::string box = answer_box_hex(b, "apply_identity");
    CPPUNIT_ASSERT_MESSAGE("the answer is kept sealed", box.size() > 2 * 28);
    HttpResponse before = b.get("/captcha/audio?form=apply_identity");
    wav_seconds(before);
    b.get("/captcha?form=apply_identity");  // 「更換圖片」
    // A new captcha: a new sealed answer (the test stack's answer is fixed, so the digits are
    // the same here; in production they are new), and new audio.
    CPPUNIT_ASSERT(answer_box_hex(b, "apply_identity") != box);
    HttpResponse after = b.get("/captcha/audio?form=apply_identity");
    wav_seconds(after);
    CPPUNIT_ASSERT(before.body != after.body);
    // Each form has its own captcha and so its own audio.
    CPPUNIT_ASSERT_EQUAL(404L, b.get("/captcha/audio?form=apply_email").status);
  }

  void every_captcha_page_offers_the_audio() {
    Browser b;
    for (const auto& [path, form] : std::vector<std::pair<std::string, std::string>>{
             {"/login", "login"},
             {"/apply/identity", "apply_identity"},
             {"/forgot/password", "forgot_password"},
             {"/forgot/account", "forgot_account"}}) {
      HttpResponse page = b.get(path);
      CPPUNIT_ASSERT_EQUAL_MESSAGE(path, 200L, page.status);
      // A plain link to the audio (it works without JavaScript), named 語音播放, next to the image.
      CPPUNIT_ASSERT_MESSAGE(path, contains(page.body, "<a id=\"captcha-audio\" class=\"link-button\" "
                                                       "href=\"/captcha/audio?form=" + form + "\""));
      CPPUNIT_ASSERT_MESSAGE(path, contains(page.body, ">語音播放</a>"));
      CPPUNIT_ASSERT(page.body.find("id=\"captcha-image\"") < page.body.find("id=\"captcha-audio\""));
    }
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(CaptchaAudioTest);
