// password_hash.h: Argon2id password hashes as PHC strings ($argon2id$v=19$m=…).
#pragma once
#include <string>
#include <string_view>

#include "core/crypto.h"

namespace xueji {

// m = 19 MiB, t = 2, p = 1: about 20–25 ms on one core here (OWASP's minimum for Argon2id).
inline constexpr unsigned kArgon2MemoryKiB = 19456;
inline constexpr unsigned kArgon2Passes = 2;

std::string hash_password(std::string_view password, crypto::Random& random);
// False for a wrong password or a malformed hash; never throws for those.
bool verify_password(std::string_view phc_hash, std::string_view password);
// A fixed, valid hash of an unguessable value: verify against it when an account does not exist
// so that answer takes as long as a wrong password does.
const std::string& dummy_password_hash();

}  // namespace xueji
