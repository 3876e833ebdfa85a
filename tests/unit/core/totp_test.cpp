// totp_test.cpp: HOTP/TOTP against the RFC 4226 and RFC 6238 vectors, the ±1 step window, replay
// refusal, base32 (RFC 4648 vectors) and the otpauth URI of the bind page.
#include "core/totp.h"

#include <cppunit/extensions/HelperMacros.h>

#include <chrono>
#include <string>

namespace xueji {
namespace {

using namespace std::chrono;

// The secret of both RFCs' SHA-1 vectors.
const std::string kRfcSecret = "12345678901234567890";

TimePoint at_unix(std::int64_t seconds) { return TimePoint{std::chrono::seconds{seconds}}; }

}  // namespace

class TotpTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(TotpTest);
  CPPUNIT_TEST(hotp_matches_rfc4226_vectors);
  CPPUNIT_TEST(totp_matches_rfc6238_sha1_vectors);
  CPPUNIT_TEST(six_digit_codes_keep_leading_zeros);
  CPPUNIT_TEST(steps_are_thirty_seconds);
  CPPUNIT_TEST(code_of_now_and_one_step_either_side_is_accepted);
  CPPUNIT_TEST(codes_two_steps_away_are_refused);
  CPPUNIT_TEST(a_used_step_and_earlier_ones_are_refused);
  CPPUNIT_TEST(a_later_step_is_still_accepted_after_use);
  CPPUNIT_TEST(malformed_codes_are_refused);
  CPPUNIT_TEST(base32_matches_rfc4648_vectors);
  CPPUNIT_TEST(base32_decodes_what_people_copy);
  CPPUNIT_TEST(base32_refuses_garbage);
  CPPUNIT_TEST(base32_round_trips_a_secret);
  CPPUNIT_TEST(key_is_shown_in_groups_of_four);
  CPPUNIT_TEST(otpauth_uri_encodes_issuer_and_label);
  CPPUNIT_TEST_SUITE_END();

public:
  void hotp_matches_rfc4226_vectors() {
    const char* expected[] = {"755224", "287082", "359152", "969429", "338314",
                              "254676", "287922", "162583", "399871", "520489"};
    for (int counter = 0; counter < 10; ++counter) {
      CPPUNIT_ASSERT_EQUAL(std::string(expected[counter]), totp::code_at(kRfcSecret, counter));
    }
  }

  // RFC 6238's last vector (T = 20000000000, year 2603) is past what system_clock's nanoseconds
  // can hold (year 2262); its step is checked directly instead.
  void totp_matches_rfc6238_sha1_vectors() {
    CPPUNIT_ASSERT_EQUAL(std::string("65353130"), totp::code_at(kRfcSecret, 20000000000 / 30, 8));
    struct Vector {
      std::int64_t time;
      const char* code;
    } vectors[] = {{59, "94287082"},
                   {1111111109, "07081804"},
                   {1111111111, "14050471"},
                   {1234567890, "89005924"},
                   {2000000000, "69279037"}};
    for (const auto& v : vectors) {
      CPPUNIT_ASSERT_EQUAL(std::string(v.code),
                           totp::code_at(kRfcSecret, totp::time_step(at_unix(v.time)), 8));
    }
  }

  void six_digit_codes_keep_leading_zeros() {
    // 07081804 as 8 digits is 081804 as 6: the zero must stay.
    CPPUNIT_ASSERT_EQUAL(std::string("081804"),
                         totp::code_at(kRfcSecret, totp::time_step(at_unix(1111111109))));
  }

  void steps_are_thirty_seconds() {
    CPPUNIT_ASSERT_EQUAL(std::int64_t{0}, totp::time_step(at_unix(29)));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{1}, totp::time_step(at_unix(30)));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{1}, totp::time_step(at_unix(59) + milliseconds(999)));
    CPPUNIT_ASSERT_EQUAL(std::int64_t{37037036}, totp::time_step(at_unix(1111111109)));
  }

  void code_of_now_and_one_step_either_side_is_accepted() {
    TimePoint now = at_unix(1234567890);
    std::int64_t step = totp::time_step(now);
    for (std::int64_t s = step - 1; s <= step + 1; ++s) {
      auto accepted =
          totp::accepted_step(kRfcSecret, totp::code_at(kRfcSecret, s), now, std::nullopt);
      CPPUNIT_ASSERT(accepted.has_value());
      CPPUNIT_ASSERT_EQUAL(s, *accepted);
    }
  }

  void codes_two_steps_away_are_refused() {
    TimePoint now = at_unix(1234567890);
    std::int64_t step = totp::time_step(now);
    CPPUNIT_ASSERT(
        !totp::accepted_step(kRfcSecret, totp::code_at(kRfcSecret, step - 2), now, std::nullopt));
    CPPUNIT_ASSERT(
        !totp::accepted_step(kRfcSecret, totp::code_at(kRfcSecret, step + 2), now, std::nullopt));
  }

  void a_used_step_and_earlier_ones_are_refused() {
    TimePoint now = at_unix(1234567890);
    std::int64_t step = totp::time_step(now);
    std::string code = totp::code_at(kRfcSecret, step);
    CPPUNIT_ASSERT(!totp::accepted_step(kRfcSecret, code, now, step));
    CPPUNIT_ASSERT(!totp::accepted_step(kRfcSecret, code, now, step + 1));
    // After a code of the next step was used, the previous step's code is old news too.
    CPPUNIT_ASSERT(
        !totp::accepted_step(kRfcSecret, totp::code_at(kRfcSecret, step - 1), now, step - 1));
  }

  void a_later_step_is_still_accepted_after_use() {
    TimePoint now = at_unix(1234567890);
    std::int64_t step = totp::time_step(now);
    auto accepted = totp::accepted_step(kRfcSecret, totp::code_at(kRfcSecret, step + 1), now, step);
    CPPUNIT_ASSERT(accepted.has_value());
    CPPUNIT_ASSERT_EQUAL(step + 1, *accepted);
  }

  void malformed_codes_are_refused() {
    TimePoint now = at_unix(1234567890);
    std::string code = totp::code_at(kRfcSecret, totp::time_step(now));
    CPPUNIT_ASSERT(totp::well_formed_code(code));
    CPPUNIT_ASSERT(totp::well_formed_code(code.substr(0, 3) + " " + code.substr(3)));
    CPPUNIT_ASSERT(totp::accepted_step(kRfcSecret, code.substr(0, 3) + " " + code.substr(3), now,
                                       std::nullopt));
    for (std::string bad : {std::string(""), code.substr(0, 5), code + "0", std::string("12a456"),
                            std::string("１２３４５６"), code.substr(0, 5) + "-"}) {
      CPPUNIT_ASSERT_MESSAGE(bad, !totp::well_formed_code(bad));
      CPPUNIT_ASSERT_MESSAGE(bad, !totp::accepted_step(kRfcSecret, bad, now, std::nullopt));
    }
  }

  void base32_matches_rfc4648_vectors() {
    const char* plain[] = {"", "f", "fo", "foo", "foob", "fooba", "foobar"};
    const char* encoded[] = {"", "MY", "MZXQ", "MZXW6", "MZXW6YQ", "MZXW6YTB", "MZXW6YTBOI"};
    for (int i = 0; i < 7; ++i) {
      CPPUNIT_ASSERT_EQUAL(std::string(encoded[i]), totp::base32_encode(plain[i]));
      auto decoded = totp::base32_decode(encoded[i]);
      CPPUNIT_ASSERT(decoded.has_value());
      CPPUNIT_ASSERT_EQUAL(std::string(plain[i]), *decoded);
    }
    CPPUNIT_ASSERT_EQUAL(std::string("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"),
                         totp::base32_encode(kRfcSecret));
  }

  void base32_decodes_what_people_copy() {
    CPPUNIT_ASSERT_EQUAL(kRfcSecret,
                         *totp::base32_decode("gezd gnbv gy3t qojq gezd gnbv gy3t qojq"));
    CPPUNIT_ASSERT_EQUAL(std::string("foobar"), *totp::base32_decode("MZXW6YTBOI======"));
    CPPUNIT_ASSERT_EQUAL(std::string("fooba"), *totp::base32_decode("MZXW-6YTB"));
  }

  void base32_refuses_garbage() {
    CPPUNIT_ASSERT(!totp::base32_decode("MZXW1"));    // 1 is not in the alphabet
    CPPUNIT_ASSERT(!totp::base32_decode("MZXW6Y0"));  // nor 0
    CPPUNIT_ASSERT(!totp::base32_decode("M"));        // 5 bits cannot end a byte
    CPPUNIT_ASSERT(!totp::base32_decode("MZX"));
    CPPUNIT_ASSERT(!totp::base32_decode("MZXW6Y"));
    CPPUNIT_ASSERT(!totp::base32_decode("MZ=XQ"));  // padding only at the end
  }

  void base32_round_trips_a_secret() {
    std::string secret;
    for (int i = 0; i < 20; ++i) secret += static_cast<char>(i * 37 + 11);
    std::string encoded = totp::base32_encode(secret);
    CPPUNIT_ASSERT_EQUAL(std::size_t{32}, encoded.size());
    CPPUNIT_ASSERT_EQUAL(secret, *totp::base32_decode(encoded));
  }

  void key_is_shown_in_groups_of_four() {
    CPPUNIT_ASSERT_EQUAL(std::string("GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ"),
                         totp::group_key("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"));
    CPPUNIT_ASSERT_EQUAL(std::string("ABCD EF"), totp::group_key("ABCDEF"));
    CPPUNIT_ASSERT_EQUAL(std::string(""), totp::group_key(""));
  }

  void otpauth_uri_encodes_issuer_and_label() {
    std::string uri = totp::otpauth_uri(kRfcSecret, "teacher.01");
    const std::string issuer = "%E5%AD%B8%E7%B1%8D%E7%B3%BB%E7%B5%B1%202.0";
    CPPUNIT_ASSERT_EQUAL("otpauth://totp/" + issuer + ":teacher.01?secret=" +
                             "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=" + issuer +
                             "&algorithm=SHA1&digits=6&period=30",
                         uri);
    // A name with characters that would break the URI is escaped, not passed through.
    CPPUNIT_ASSERT(totp::otpauth_uri(kRfcSecret, "a&b?c").find("a%26b%3Fc") != std::string::npos);
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(TotpTest);

}  // namespace xueji
