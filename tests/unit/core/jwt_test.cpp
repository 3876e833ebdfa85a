// jwt_test.cpp: ES256 verifies RFC 7515 A.3's example signature, signs what it verifies, and
// refuses any change, another key, another header (alg none included) and loose base64url.
#include "core/jwt.h"

#include <cppunit/extensions/HelperMacros.h>

namespace xueji {

namespace {

std::string b64(const char* text) { return *jwt::base64url_decode(text); }

// RFC 7515 Appendix A.3: the ES256 example key, signing input and signature.
jwt::EcKey rfc_key() {
  return {b64("jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI"),
          b64("f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU"),
          b64("x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0")};
}
const char* kRfcInput =
    "eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ";
const char* kRfcSignature =
    "DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q";

}  // namespace

class JwtTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(JwtTest);
  CPPUNIT_TEST(rfc7515_example_verifies);
  CPPUNIT_TEST(own_signatures_verify_and_changes_do_not);
  CPPUNIT_TEST(generated_keys_are_p256);
  CPPUNIT_TEST(tokens_round_trip);
  CPPUNIT_TEST(tampered_tokens_fail);
  CPPUNIT_TEST(other_headers_fail);
  CPPUNIT_TEST(base64url_is_strict);
  CPPUNIT_TEST(jwk_names_the_key);
  CPPUNIT_TEST_SUITE_END();

 public:
  void rfc7515_example_verifies() {
    jwt::EcKey pub{"", rfc_key().x, rfc_key().y};
    CPPUNIT_ASSERT(jwt::es256_verify(pub, kRfcInput, b64(kRfcSignature)));
    CPPUNIT_ASSERT(!jwt::es256_verify(pub, std::string(kRfcInput) + "x", b64(kRfcSignature)));
  }

  void own_signatures_verify_and_changes_do_not() {
    crypto::Random random;
    std::string sig = jwt::es256_sign(rfc_key(), "message", random);
    CPPUNIT_ASSERT_EQUAL(std::size_t{64}, sig.size());
    CPPUNIT_ASSERT(jwt::es256_verify(rfc_key(), "message", sig));
    for (std::size_t i = 0; i < sig.size(); i += 7) {
      std::string bad = sig;
      bad[i] = static_cast<char>(bad[i] ^ 1);
      CPPUNIT_ASSERT(!jwt::es256_verify(rfc_key(), "message", bad));
    }
    CPPUNIT_ASSERT(!jwt::es256_verify(rfc_key(), "message", sig.substr(1)));
  }

  void generated_keys_are_p256() {
    crypto::Random random;
    jwt::EcKey a = jwt::generate_p256(random);
    jwt::EcKey b = jwt::generate_p256(random);
    CPPUNIT_ASSERT_EQUAL(std::size_t{32}, a.d.size());
    CPPUNIT_ASSERT(a.d != b.d);
    std::string sig = jwt::es256_sign(a, "m", random);
    CPPUNIT_ASSERT(jwt::es256_verify({"", a.x, a.y}, "m", sig));
    CPPUNIT_ASSERT(!jwt::es256_verify({"", b.x, b.y}, "m", sig));
    CPPUNIT_ASSERT(!jwt::es256_verify({"", a.x, b.y}, "m", sig));  // not on the curve
  }

  void tokens_round_trip() {
    crypto::Random random;
    std::string token = jwt::sign("k1", R"({"sub":"x"})", rfc_key(), random);
    CPPUNIT_ASSERT_EQUAL(std::string(R"({"sub":"x"})"), *jwt::verify(token, "k1", rfc_key()));
    CPPUNIT_ASSERT_EQUAL(std::string("k1"), *jwt::kid_of(token));
    CPPUNIT_ASSERT(!jwt::verify(token, "k2", rfc_key()));
  }

  void tampered_tokens_fail() {
    crypto::Random random;
    std::string token = jwt::sign("k1", R"({"sub":"x"})", rfc_key(), random);
    std::size_t dot = token.find('.');
    std::string other_payload =
        token.substr(0, dot) + "." + crypto::base64url(R"({"sub":"y"})") +
        token.substr(token.rfind('.'));
    CPPUNIT_ASSERT(!jwt::verify(other_payload, "k1", rfc_key()));
    CPPUNIT_ASSERT(!jwt::verify(token + ".", "k1", rfc_key()));
    CPPUNIT_ASSERT(!jwt::verify(token.substr(0, token.rfind('.')), "k1", rfc_key()));
    jwt::EcKey other = jwt::generate_p256(random);
    CPPUNIT_ASSERT(!jwt::verify(token, "k1", other));
  }

  void other_headers_fail() {
    crypto::Random random;
    std::string token = jwt::sign("k1", "{}", rfc_key(), random);
    std::string rest = token.substr(token.find('.'));
    std::string none = crypto::base64url(R"({"alg":"none","typ":"JWT","kid":"k1"})");
    CPPUNIT_ASSERT(!jwt::verify(none + rest, "k1", rfc_key()));
    CPPUNIT_ASSERT(!jwt::kid_of(none + rest));
    std::string hs = crypto::base64url(R"({"alg":"HS256","typ":"JWT","kid":"k1"})");
    CPPUNIT_ASSERT(!jwt::verify(hs + rest, "k1", rfc_key()));
  }

  void base64url_is_strict() {
    CPPUNIT_ASSERT_EQUAL(std::string("\xfb\xff", 2), *jwt::base64url_decode("-_8"));
    CPPUNIT_ASSERT(!jwt::base64url_decode("+/8"));
    CPPUNIT_ASSERT(!jwt::base64url_decode("YQ=="));
    CPPUNIT_ASSERT(!jwt::base64url_decode("Y"));
  }

  void jwk_names_the_key() {
    std::string jwk = jwt::public_jwk("k1", rfc_key());
    CPPUNIT_ASSERT_EQUAL(
        std::string(R"({"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU",)"
                    R"("y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0","kid":"k1","use":"sig","alg":"ES256"})"),
        jwk);
    CPPUNIT_ASSERT(jwk.find("jpsQ") == std::string::npos);  // never the private part
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(JwtTest);

}  // namespace xueji
