// password_hash.cpp: libargon2 behind two functions.
#include "core/password_hash.h"

#include <argon2.h>

#include <stdexcept>

namespace xueji {
namespace {

constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kHashBytes = 32;

}  // namespace

std::string hash_password(std::string_view password, crypto::Random& random) {
  std::string salt = random.bytes(kSaltBytes);
  std::size_t length = argon2_encodedlen(kArgon2Passes, kArgon2MemoryKiB, 1, kSaltBytes,
                                         kHashBytes, Argon2_id);
  std::string encoded(length, '\0');  // argon2_encodedlen counts the terminating NUL
  int rc = argon2id_hash_encoded(kArgon2Passes, kArgon2MemoryKiB, 1, password.data(),
                                 password.size(), salt.data(), salt.size(), kHashBytes,
                                 encoded.data(), encoded.size());
  if (rc != ARGON2_OK) throw std::runtime_error(std::string("argon2: ") + argon2_error_message(rc));
  encoded.resize(encoded.find('\0'));
  return encoded;
}

bool verify_password(std::string_view phc_hash, std::string_view password) {
  std::string hash(phc_hash);  // argon2 wants a NUL-terminated string
  return argon2id_verify(hash.c_str(), password.data(), password.size()) == ARGON2_OK;
}

const std::string& dummy_password_hash() {
  // Hash of a random value made once per process: same parameters, so the same cost.
  static const std::string hash = [] {
    crypto::Random random;
    return hash_password(random.token(24), random);
  }();
  return hash;
}

}  // namespace xueji
