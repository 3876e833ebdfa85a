// password_hash.h: Argon2id password hashes as PHC strings ($argon2id$v=19$m=…).
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "core/crypto.h"

namespace xueji {

// m = 19 MiB, t = 2, p = 1: about 20–25 ms on one core here (OWASP's minimum for Argon2id).
inline constexpr unsigned kArgon2MemoryKiB = 19456;
inline constexpr unsigned kArgon2Passes = 2;

// What a PHC string carries: the cost parameters and the raw salt and hash bytes.
struct PasswordHashParts {
  unsigned memory_kib = 0, passes = 0, lanes = 0;
  std::string salt, hash;
  bool operator==(const PasswordHashParts&) const = default;
};

// "$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>" as libargon2 and hash_password write it, or
// nullopt; the bounds keep a damaged row from asking for gigabytes (m <= 256 MiB, t <= 16,
// p <= 8, salt 8..64 bytes, hash 16..64 bytes).
std::optional<PasswordHashParts> parse_password_hash(std::string_view phc_hash);
// The PHC string of `parts`, base64 without padding.
std::string format_password_hash(const PasswordHashParts& parts);

std::string hash_password(std::string_view password, crypto::Random& random);
// False for a wrong password or a malformed hash; never throws for those.
bool verify_password(std::string_view phc_hash, std::string_view password);
// A fixed, valid hash of an unguessable value: verify against it when an account does not exist
// so that answer takes as long as a wrong password does.
const std::string& dummy_password_hash();

}  // namespace xueji
