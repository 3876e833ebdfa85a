// oidc_keys.h: the ES256 signing keys as the database keeps them — the private scalar sealed
// (core/secret_box.h) under a key derived from the server secret and bound to the key id, the
// public point in clear for the JWKS.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "core/crypto.h"
#include "core/jwt.h"

namespace xueji::oidc {

struct SealedKey {
  std::string kid;          // 16 base64url characters
  std::string private_box;  // secret_box of d
  std::string x, y;         // 32 raw bytes each
};

SealedKey new_sealed_key(std::string_view server_secret, crypto::Random& random);
// The private key, or nullopt when the box does not open (another secret, altered, moved to
// another kid).
std::optional<jwt::EcKey> open_key(std::string_view server_secret, const SealedKey& sealed);

}  // namespace xueji::oidc
