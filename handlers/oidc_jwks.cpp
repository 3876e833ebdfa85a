// oidc_jwks.cpp: GET /oidc/jwks — the public signing keys (EC P-256, ES256): the current one and
// the ones rotated out while tokens they signed may still be presented.
#include "core/json.h"
#include "core/jwt.h"
#include "fcgi/handler.h"
#include "flows/oidc.h"

xueji::http::Response handle_oidc_jwks(const xueji::http::Request&, xueji::Context& ctx) {
  using namespace xueji;
  std::vector<std::string> keys;
  for (const auto& key : published_keys(ctx)) keys.push_back(jwt::public_jwk(key.kid, key.key));
  http::Response r = json_response(200, json::Object().add_raw("keys", json::array_raw(keys)).str());
  r.headers.clear();
  // Short, so a rotation reaches clients before the new key signs much.
  r.add_header("Cache-Control", "public, max-age=60");
  return r;
}
