// secret_box.cpp: AES-256-GCM through mbedtls_gcm_* (see secret_box.h).
#include "core/secret_box.h"

#include <mbedtls/gcm.h>

#include <stdexcept>

namespace xueji {
namespace {

const unsigned char* bytes(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

// The mbedTLS context, freed on every path.
class Gcm {
public:
  explicit Gcm(std::string_view key) {
    if (key.size() != kSecretBoxKeyBytes)
      throw std::invalid_argument("secret box key must be 32 bytes");
    mbedtls_gcm_init(&ctx_);
    if (mbedtls_gcm_setkey(&ctx_, MBEDTLS_CIPHER_ID_AES, bytes(key), 256) != 0) {
      mbedtls_gcm_free(&ctx_);
      throw std::runtime_error("mbedtls_gcm_setkey failed");
    }
  }
  ~Gcm() { mbedtls_gcm_free(&ctx_); }
  Gcm(const Gcm&) = delete;
  Gcm& operator=(const Gcm&) = delete;
  mbedtls_gcm_context* get() { return &ctx_; }

private:
  mbedtls_gcm_context ctx_;
};

}  // namespace

std::string totp_box_key(std::string_view server_secret) {
  return crypto::hmac_sha256(server_secret, "totp-key");
}

std::string captcha_box_key(std::string_view server_secret) {
  return crypto::hmac_sha256(server_secret, "captcha-key");
}

std::string seal_secret(std::string_view key, std::string_view plaintext, std::string_view context,
                        crypto::Random& random) {
  Gcm gcm(key);
  std::string nonce = random.bytes(kSecretBoxNonceBytes);
  std::string out = nonce;
  out.resize(kSecretBoxNonceBytes + plaintext.size() + kSecretBoxTagBytes);
  auto* cipher = reinterpret_cast<unsigned char*>(out.data()) + kSecretBoxNonceBytes;
  if (mbedtls_gcm_crypt_and_tag(gcm.get(), MBEDTLS_GCM_ENCRYPT, plaintext.size(), bytes(nonce),
                                nonce.size(), bytes(context), context.size(), bytes(plaintext),
                                cipher, kSecretBoxTagBytes, cipher + plaintext.size()) != 0) {
    throw std::runtime_error("mbedtls_gcm_crypt_and_tag failed");
  }
  return out;
}

std::optional<std::string> open_secret(std::string_view key, std::string_view box,
                                       std::string_view context) {
  if (box.size() < kSecretBoxNonceBytes + kSecretBoxTagBytes) return std::nullopt;
  Gcm gcm(key);
  std::string_view nonce = box.substr(0, kSecretBoxNonceBytes);
  std::size_t length = box.size() - kSecretBoxNonceBytes - kSecretBoxTagBytes;
  std::string_view cipher = box.substr(kSecretBoxNonceBytes, length);
  std::string_view tag = box.substr(kSecretBoxNonceBytes + length);
  std::string plain(length, '\0');
  int rc = mbedtls_gcm_auth_decrypt(gcm.get(), length, bytes(nonce), nonce.size(), bytes(context),
                                    context.size(), bytes(tag), tag.size(), bytes(cipher),
                                    reinterpret_cast<unsigned char*>(plain.data()));
  if (rc != 0) return std::nullopt;
  return plain;
}

}  // namespace xueji
