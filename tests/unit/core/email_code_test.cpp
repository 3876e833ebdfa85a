// email_code_test.cpp: the XX-NNNNNN code — alphabet, length, spread over the DRBG's draws, new
// letters on every resend — how typed input is read, the keyed hash, and every decision about a
// submitted code or another send, with a fixed clock.
#include "core/email_code.h"

#include <cppunit/extensions/HelperMacros.h>

#include <map>
#include <set>

namespace xueji {
namespace {

const TimePoint kT0 = TimePoint(Seconds(1785542400));  // 2026-08-01 00:00:00 UTC

StoredCode live_code(int tries = 0) { return {"live", kT0 + kEmailCodeLifetime, tries}; }

}  // namespace

class EmailCodeTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(EmailCodeTest);
  CPPUNIT_TEST(code_has_two_letters_and_six_digits);
  CPPUNIT_TEST(letters_avoid_i_and_o_and_cover_the_rest);
  CPPUNIT_TEST(digits_cover_every_value_in_every_place);
  CPPUNIT_TEST(codes_differ_from_draw_to_draw);
  CPPUNIT_TEST(new_code_never_repeats_the_previous_letters);
  CPPUNIT_TEST(typed_digits_are_read_leniently);
  CPPUNIT_TEST(typed_whole_code_keeps_its_letters);
  CPPUNIT_TEST(typed_garbage_is_refused);
  CPPUNIT_TEST(hmac_binds_secret_session_address_and_code);
  CPPUNIT_TEST(live_code_in_time_is_accepted_and_a_wrong_one_counts);
  CPPUNIT_TEST(code_expires_five_minutes_after_sending);
  CPPUNIT_TEST(older_code_is_superseded_whatever_the_newest_state);
  CPPUNIT_TEST(dead_or_tried_out_code_is_too_many_tries);
  CPPUNIT_TEST(used_or_missing_code_is_no_code);
  CPPUNIT_TEST(fifth_wrong_try_kills);
  CPPUNIT_TEST(resend_waits_three_minutes);
  CPPUNIT_TEST(change_of_address_skips_the_cooldown);
  CPPUNIT_TEST(five_sends_an_hour_per_session);
  CPPUNIT_TEST(five_sends_an_hour_per_address);
  CPPUNIT_TEST(wait_text_reads_naturally);
  CPPUNIT_TEST_SUITE_END();

 public:
  void code_has_two_letters_and_six_digits() {
    crypto::Random random;
    for (int i = 0; i < 200; ++i) {
      EmailCode code = new_email_code(random);
      CPPUNIT_ASSERT_EQUAL(std::size_t(2), code.prefix.size());
      CPPUNIT_ASSERT_EQUAL(std::size_t(6), code.digits.size());
      for (char c : code.digits) CPPUNIT_ASSERT(c >= '0' && c <= '9');
      CPPUNIT_ASSERT_EQUAL(code.prefix + "-" + code.digits, code.text());
      CPPUNIT_ASSERT_EQUAL(std::size_t(9), code.text().size());
    }
  }

  void letters_avoid_i_and_o_and_cover_the_rest() {
    CPPUNIT_ASSERT_EQUAL(std::size_t(24), kEmailCodeLetters.size());
    crypto::Random random;
    std::set<char> seen;
    for (int i = 0; i < 2000; ++i) {
      for (char c : new_email_code(random).prefix) {
        CPPUNIT_ASSERT(c >= 'A' && c <= 'Z');
        CPPUNIT_ASSERT_MESSAGE(std::string("misreadable letter ") + c, c != 'I' && c != 'O');
        seen.insert(c);
      }
    }
    // 4000 draws from 24 letters: missing one would take odds of about 24 * (23/24)^4000.
    CPPUNIT_ASSERT_EQUAL(std::size_t(24), seen.size());
  }

  void digits_cover_every_value_in_every_place() {
    crypto::Random random;
    std::map<int, std::set<char>> by_place;
    for (int i = 0; i < 1000; ++i) {
      std::string digits = new_email_code(random).digits;
      for (int p = 0; p < 6; ++p) by_place[p].insert(digits[p]);
    }
    for (int p = 0; p < 6; ++p) CPPUNIT_ASSERT_EQUAL(std::size_t(10), by_place[p].size());
  }

  void codes_differ_from_draw_to_draw() {
    // From the process's DRBG: two generators (two worker children) do not repeat each other.
    crypto::Random a;
    crypto::Random b;
    std::set<std::string> seen;
    for (int i = 0; i < 500; ++i) {
      seen.insert(new_email_code(a).text());
      seen.insert(new_email_code(b).text());
    }
    CPPUNIT_ASSERT(seen.size() >= 998);  // 5.76e8 codes: a repeat or two at most by chance
  }

  void new_code_never_repeats_the_previous_letters() {
    crypto::Random random;
    std::string previous = "AB";
    for (int i = 0; i < 3000; ++i) {
      EmailCode code = new_email_code(random, previous);
      CPPUNIT_ASSERT(code.prefix != previous);
      previous = code.prefix;
    }
  }

  void typed_digits_are_read_leniently() {
    for (const char* typed : {"617580", " 617580 ", "617 580", "617-580", "６１７５８０"}) {
      auto code = parse_typed_code(typed);
      CPPUNIT_ASSERT_MESSAGE(typed, code.has_value());
      CPPUNIT_ASSERT_EQUAL(std::string("617580"), code->digits);
      CPPUNIT_ASSERT_EQUAL(std::string(), code->prefix);
    }
  }

  void typed_whole_code_keeps_its_letters() {
    for (const char* typed : {"SB-617580", "sb617580", "SB - 617580", "ＳＢ－６１７５８０"}) {
      auto code = parse_typed_code(typed);
      CPPUNIT_ASSERT_MESSAGE(typed, code.has_value());
      CPPUNIT_ASSERT_EQUAL(std::string("SB"), code->prefix);
      CPPUNIT_ASSERT_EQUAL(std::string("617580"), code->digits);
    }
  }

  void typed_garbage_is_refused() {
    for (const char* typed : {"", "12345", "1234567", "61758a", "S617580", "SB-61758", "1B617580",
                              "SB6175801", "六一七五八零", "617580\x01"}) {
      CPPUNIT_ASSERT_MESSAGE(typed, !parse_typed_code(typed).has_value());
    }
  }

  void hmac_binds_secret_session_address_and_code() {
    std::string secret(32, 's');
    std::string session(32, '\x01');
    std::string base = email_code_hmac(secret, "apply", session, "a@example.com", "SB", "617580");
    CPPUNIT_ASSERT_EQUAL(std::size_t(32), base.size());
    CPPUNIT_ASSERT(base ==
                   email_code_hmac(secret, "apply", session, "a@example.com", "SB", "617580"));
    CPPUNIT_ASSERT(base != email_code_hmac(std::string(32, 't'), "apply", session, "a@example.com",
                                           "SB", "617580"));
    CPPUNIT_ASSERT(base !=
                   email_code_hmac(secret, "reset", session, "a@example.com", "SB", "617580"));
    CPPUNIT_ASSERT(base != email_code_hmac(secret, "apply", std::string(32, '\x02'),
                                           "a@example.com", "SB", "617580"));
    CPPUNIT_ASSERT(base !=
                   email_code_hmac(secret, "apply", session, "b@example.com", "SB", "617580"));
    CPPUNIT_ASSERT(base !=
                   email_code_hmac(secret, "apply", session, "a@example.com", "SC", "617580"));
    CPPUNIT_ASSERT(base !=
                   email_code_hmac(secret, "apply", session, "a@example.com", "SB", "617581"));
    // The code itself is nowhere in the stored value.
    CPPUNIT_ASSERT(base.find("617580") == std::string::npos);
  }

  void live_code_in_time_is_accepted_and_a_wrong_one_counts() {
    CPPUNIT_ASSERT(judge_code(live_code(), true, false, kT0) == CodeVerdict::kAccepted);
    CPPUNIT_ASSERT(judge_code(live_code(4), true, false, kT0 + Seconds(299)) ==
                   CodeVerdict::kAccepted);
    CPPUNIT_ASSERT(judge_code(live_code(), false, false, kT0) == CodeVerdict::kWrong);
    CPPUNIT_ASSERT(judge_code(live_code(3), false, false, kT0) == CodeVerdict::kWrong);
  }

  void code_expires_five_minutes_after_sending() {
    CPPUNIT_ASSERT(judge_code(live_code(), true, false, kT0 + Seconds(300)) ==
                   CodeVerdict::kExpired);
    CPPUNIT_ASSERT(judge_code(live_code(), false, false, kT0 + Seconds(301)) ==
                   CodeVerdict::kExpired);
    CPPUNIT_ASSERT(
        judge_code(live_code(), true, false, kT0 + Seconds(299) + std::chrono::milliseconds(999)) ==
        CodeVerdict::kAccepted);
  }

  void older_code_is_superseded_whatever_the_newest_state() {
    CPPUNIT_ASSERT(judge_code(live_code(), false, true, kT0) == CodeVerdict::kSuperseded);
    CPPUNIT_ASSERT(judge_code(live_code(), false, true, kT0 + Seconds(600)) ==
                   CodeVerdict::kSuperseded);
    StoredCode dead{"dead", kT0 + kEmailCodeLifetime, 5};
    CPPUNIT_ASSERT(judge_code(dead, false, true, kT0) == CodeVerdict::kSuperseded);
  }

  void dead_or_tried_out_code_is_too_many_tries() {
    StoredCode dead{"dead", kT0 + kEmailCodeLifetime, 5};
    CPPUNIT_ASSERT(judge_code(dead, true, false, kT0) == CodeVerdict::kTooManyTries);
    CPPUNIT_ASSERT(judge_code(live_code(5), true, false, kT0) == CodeVerdict::kTooManyTries);
  }

  void used_or_missing_code_is_no_code() {
    CPPUNIT_ASSERT(judge_code(std::nullopt, true, false, kT0) == CodeVerdict::kNoCode);
    StoredCode used{"used", kT0 + kEmailCodeLifetime, 0};
    CPPUNIT_ASSERT(judge_code(used, true, false, kT0) == CodeVerdict::kNoCode);
  }

  void fifth_wrong_try_kills() {
    CPPUNIT_ASSERT(!wrong_try_kills(0));
    CPPUNIT_ASSERT(!wrong_try_kills(3));
    CPPUNIT_ASSERT(wrong_try_kills(4));
  }

  void resend_waits_three_minutes() {
    SendHistory h;
    h.session_sends = 1;
    h.session_oldest = h.session_newest = kT0;
    SendDecision d = decide_send(h, true, kT0 + Seconds(20));
    CPPUNIT_ASSERT(d.limit == SendLimit::kCooldown);
    CPPUNIT_ASSERT_EQUAL(160L, static_cast<long>(d.wait.count()));
    CPPUNIT_ASSERT_EQUAL(std::string("2 分 40 秒"), wait_text(d.wait));
    d = decide_send(h, true, kT0 + Seconds(179) + std::chrono::milliseconds(1));
    CPPUNIT_ASSERT(d.limit == SendLimit::kCooldown);
    CPPUNIT_ASSERT_EQUAL(1L, static_cast<long>(d.wait.count()));  // rounded up, never "0 秒"
    CPPUNIT_ASSERT(decide_send(h, true, kT0 + Seconds(180)).limit == SendLimit::kAllowed);
    CPPUNIT_ASSERT(decide_send(SendHistory{}, true, kT0).limit == SendLimit::kAllowed);
  }

  void change_of_address_skips_the_cooldown() {
    SendHistory h;
    h.session_sends = 1;
    h.session_oldest = h.session_newest = kT0;
    CPPUNIT_ASSERT(decide_send(h, false, kT0 + Seconds(5)).limit == SendLimit::kAllowed);
  }

  void five_sends_an_hour_per_session() {
    SendHistory h;
    h.session_sends = 5;
    h.session_oldest = kT0;
    h.session_newest = kT0 + Seconds(600);
    for (bool resend : {true, false}) {
      SendDecision d = decide_send(h, resend, kT0 + Seconds(1200));
      CPPUNIT_ASSERT(d.limit == SendLimit::kSessionHourly);
      CPPUNIT_ASSERT_EQUAL(2400L, static_cast<long>(d.wait.count()));
    }
    h.session_sends = 4;
    CPPUNIT_ASSERT(decide_send(h, true, kT0 + Seconds(1200)).limit == SendLimit::kAllowed);
  }

  void five_sends_an_hour_per_address() {
    SendHistory h;
    h.address_sends = 5;
    h.address_oldest = kT0;
    SendDecision d = decide_send(h, false, kT0 + Seconds(3000));
    CPPUNIT_ASSERT(d.limit == SendLimit::kAddressHourly);
    CPPUNIT_ASSERT_EQUAL(600L, static_cast<long>(d.wait.count()));
    h.address_sends = 4;
    CPPUNIT_ASSERT(decide_send(h, false, kT0 + Seconds(3000)).limit == SendLimit::kAllowed);
  }

  void wait_text_reads_naturally() {
    CPPUNIT_ASSERT_EQUAL(std::string("35 秒"), wait_text(Seconds(35)));
    CPPUNIT_ASSERT_EQUAL(std::string("60 秒"), wait_text(Seconds(60)));
    CPPUNIT_ASSERT_EQUAL(std::string("2 分"), wait_text(Seconds(120)));
    CPPUNIT_ASSERT_EQUAL(std::string("4 分 5 秒"), wait_text(Seconds(245)));
    CPPUNIT_ASSERT_EQUAL(std::string("0 秒"), wait_text(Seconds(-3)));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(EmailCodeTest);

}  // namespace xueji
