// oidc_keys_test.cpp: sealed signing keys open with the server secret and their own kid only,
// and the opened key signs what the public part verifies.
#include "core/oidc_keys.h"

#include <cppunit/extensions/HelperMacros.h>

namespace xueji {

class OidcKeysTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(OidcKeysTest);
  CPPUNIT_TEST(sealed_key_opens_and_signs);
  CPPUNIT_TEST(other_secret_or_kid_does_not_open);
  CPPUNIT_TEST_SUITE_END();

  const std::string secret_ = "server secret of at least thirty-two bytes";

 public:
  void sealed_key_opens_and_signs() {
    crypto::Random random;
    oidc::SealedKey sealed = oidc::new_sealed_key(secret_, random);
    CPPUNIT_ASSERT_EQUAL(std::size_t{16}, sealed.kid.size());
    auto key = oidc::open_key(secret_, sealed);
    CPPUNIT_ASSERT(key);
    CPPUNIT_ASSERT(sealed.private_box.find(key->d) == std::string::npos);
    std::string sig = jwt::es256_sign(*key, "m", random);
    CPPUNIT_ASSERT(jwt::es256_verify({"", sealed.x, sealed.y}, "m", sig));
  }

  void other_secret_or_kid_does_not_open() {
    crypto::Random random;
    oidc::SealedKey sealed = oidc::new_sealed_key(secret_, random);
    CPPUNIT_ASSERT(!oidc::open_key("another server secret, thirty-two bytes", sealed));
    oidc::SealedKey moved = sealed;
    moved.kid = "AAAAAAAAAAAAAAAA";
    CPPUNIT_ASSERT(!oidc::open_key(secret_, moved));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(OidcKeysTest);

}  // namespace xueji
