// secret_box_test.cpp: AES-256-GCM boxes open with the same key and context only, and any change
// to a box is detected.
#include "core/secret_box.h"

#include <cppunit/extensions/HelperMacros.h>

#include <string>

namespace xueji {

class SecretBoxTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(SecretBoxTest);
  CPPUNIT_TEST(key_is_derived_from_the_server_secret);
  CPPUNIT_TEST(box_opens_to_the_plaintext);
  CPPUNIT_TEST(box_layout_is_nonce_cipher_tag);
  CPPUNIT_TEST(each_box_has_its_own_nonce);
  CPPUNIT_TEST(other_key_does_not_open);
  CPPUNIT_TEST(other_context_does_not_open);
  CPPUNIT_TEST(any_flipped_bit_is_detected);
  CPPUNIT_TEST(short_boxes_are_refused);
  CPPUNIT_TEST(wrong_key_size_throws);
  CPPUNIT_TEST_SUITE_END();

public:
  void key_is_derived_from_the_server_secret() {
    std::string key = totp_box_key("server secret of at least thirty-two bytes");
    CPPUNIT_ASSERT_EQUAL(kSecretBoxKeyBytes, key.size());
    CPPUNIT_ASSERT(key ==
                   crypto::hmac_sha256("server secret of at least thirty-two bytes", "totp-key"));
    CPPUNIT_ASSERT(key != totp_box_key("another server secret, thirty-two bytes"));
  }

  void box_opens_to_the_plaintext() {
    auto opened = open_secret(key_, seal_secret(key_, kSecret, "account:1", random_), "account:1");
    CPPUNIT_ASSERT(opened.has_value());
    CPPUNIT_ASSERT_EQUAL(kSecret, *opened);
  }

  void box_layout_is_nonce_cipher_tag() {
    std::string box = seal_secret(key_, kSecret, "account:1", random_);
    CPPUNIT_ASSERT_EQUAL(kSecretBoxNonceBytes + kSecret.size() + kSecretBoxTagBytes, box.size());
    // The plaintext does not appear in the box.
    CPPUNIT_ASSERT(box.find(kSecret) == std::string::npos);
  }

  void each_box_has_its_own_nonce() {
    std::string a = seal_secret(key_, kSecret, "account:1", random_);
    std::string b = seal_secret(key_, kSecret, "account:1", random_);
    CPPUNIT_ASSERT(a.substr(0, kSecretBoxNonceBytes) != b.substr(0, kSecretBoxNonceBytes));
    CPPUNIT_ASSERT(a != b);
  }

  void other_key_does_not_open() {
    std::string box = seal_secret(key_, kSecret, "account:1", random_);
    CPPUNIT_ASSERT(
        !open_secret(totp_box_key("a different server secret, 32+ bytes"), box, "account:1"));
  }

  void other_context_does_not_open() {
    std::string box = seal_secret(key_, kSecret, "account:1", random_);
    CPPUNIT_ASSERT(!open_secret(key_, box, "account:2"));
  }

  void any_flipped_bit_is_detected() {
    std::string box = seal_secret(key_, kSecret, "account:1", random_);
    for (std::size_t i = 0; i < box.size(); ++i) {
      std::string damaged = box;
      damaged[i] = static_cast<char>(damaged[i] ^ 0x01);
      CPPUNIT_ASSERT_MESSAGE("byte " + std::to_string(i), !open_secret(key_, damaged, "account:1"));
    }
  }

  void short_boxes_are_refused() {
    CPPUNIT_ASSERT(!open_secret(key_, "", "account:1"));
    CPPUNIT_ASSERT(!open_secret(key_, std::string(27, 'x'), "account:1"));
    // An empty plaintext still makes a valid (28-byte) box.
    std::string empty = seal_secret(key_, "", "account:1", random_);
    CPPUNIT_ASSERT_EQUAL(std::size_t{28}, empty.size());
    CPPUNIT_ASSERT_EQUAL(std::string(), *open_secret(key_, empty, "account:1"));
  }

  void wrong_key_size_throws() {
    CPPUNIT_ASSERT_THROW(seal_secret("short", kSecret, "", random_), std::invalid_argument);
  }

private:
  const std::string kSecret = "12345678901234567890";
  crypto::Random random_;
  std::string key_ = totp_box_key("the server secret of this test, 32+ bytes long");
};

CPPUNIT_TEST_SUITE_REGISTRATION(SecretBoxTest);

}  // namespace xueji
