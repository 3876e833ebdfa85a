// jwt.h: ES256 (ECDSA P-256 with SHA-256, mbedTLS) keys, signatures and compact JWS/JWT, for the
// OpenID Connect ID tokens. Only ES256 exists here: a token naming any other algorithm ("none"
// included) never verifies.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "core/crypto.h"

namespace xueji::jwt {

// A P-256 key as raw big-endian numbers of 32 bytes each: the private scalar d (empty for a
// public key) and the public point (x, y).
struct EcKey {
  std::string d;
  std::string x;
  std::string y;
};

EcKey generate_p256(crypto::Random& random);
// The 64-byte JWS signature r ‖ s of SHA-256(message).
std::string es256_sign(const EcKey& key, std::string_view message, crypto::Random& random);
bool es256_verify(const EcKey& public_key, std::string_view message, std::string_view signature);

// base64url without padding, strictly: anything outside the alphabet, padding included, fails.
std::optional<std::string> base64url_decode(std::string_view text);

// The protected header we write: {"alg":"ES256","typ":"JWT","kid":KID}.
std::string header_json(std::string_view kid);
// header.payload.signature for `payload_json` signed with `key` under `kid`.
std::string sign(std::string_view kid, std::string_view payload_json, const EcKey& key,
                 crypto::Random& random);
// The payload JSON of `token` when its header is exactly header_json(kid) and the signature
// verifies with `public_key`; nullopt otherwise.
std::optional<std::string> verify(std::string_view token, std::string_view kid,
                                  const EcKey& public_key);
// The key id of a token's header, when the header is one we could have written.
std::optional<std::string> kid_of(std::string_view token);

// The JWK of a public key: {"kty":"EC","crv":"P-256","x":…,"y":…,"kid":…,"use":"sig","alg":"ES256"}.
std::string public_jwk(std::string_view kid, const EcKey& key);

}  // namespace xueji::jwt
