// oidc_keys.cpp: making and opening the sealed signing keys of core/oidc_keys.h.
#include "core/oidc_keys.h"

#include "core/oidc.h"
#include "core/secret_box.h"

namespace xueji::oidc {
namespace {

std::string box_context(std::string_view kid) { return "oidc-key:" + std::string(kid); }

}  // namespace

SealedKey new_sealed_key(std::string_view server_secret, crypto::Random& random) {
  jwt::EcKey key = jwt::generate_p256(random);
  SealedKey sealed;
  sealed.kid = random.token(12);
  sealed.private_box =
      seal_secret(signing_key_box_key(server_secret), key.d, box_context(sealed.kid), random);
  sealed.x = key.x;
  sealed.y = key.y;
  return sealed;
}

std::optional<jwt::EcKey> open_key(std::string_view server_secret, const SealedKey& sealed) {
  auto d = open_secret(signing_key_box_key(server_secret), sealed.private_box,
                       box_context(sealed.kid));
  if (!d || d->size() != 32) return std::nullopt;
  return jwt::EcKey{*d, sealed.x, sealed.y};
}

}  // namespace xueji::oidc
