// oidc_discovery.cpp: GET /.well-known/openid-configuration — the provider's metadata
// (OpenID Connect Discovery 1.0): issuer, endpoints and what they support.
#include "core/json.h"
#include "fcgi/handler.h"
#include "flows/oidc.h"

xueji::http::Response handle_oidc_discovery(const xueji::http::Request&, xueji::Context& ctx) {
  using namespace xueji;
  const std::string& iss = ctx.config.issuer;
  if (iss.empty()) throw std::runtime_error("XUEJI_ISSUER is not set: no single sign-on");
  std::string body =
      json::Object()
          .add("issuer", iss)
          .add("authorization_endpoint", iss + "/oidc/authorize")
          .add("token_endpoint", iss + "/oidc/token")
          .add("userinfo_endpoint", iss + "/oidc/userinfo")
          .add("jwks_uri", iss + "/oidc/jwks")
          .add("end_session_endpoint", iss + "/oidc/logout")
          .add_raw("response_types_supported", json::array({"code"}))
          .add_raw("response_modes_supported", json::array({"query"}))
          .add_raw("grant_types_supported", json::array({"authorization_code"}))
          .add_raw("subject_types_supported", json::array({"public"}))
          .add_raw("id_token_signing_alg_values_supported", json::array({"ES256"}))
          .add_raw("code_challenge_methods_supported", json::array({"S256"}))
          .add_raw("token_endpoint_auth_methods_supported",
                   json::array({"client_secret_basic", "client_secret_post"}))
          .add_raw("scopes_supported", json::array({"openid", "profile", "email", "xueji"}))
          .add_raw("claims_supported",
                   json::array({"iss", "sub", "aud", "exp", "iat", "auth_time", "nonce", "amr",
                                "name", "preferred_username", "email", "email_verified",
                                "xueji_duties"}))
          .add_raw("prompt_values_supported", json::array({"login"}))
          .add("authorization_response_iss_parameter_supported", true)
          .add("claims_parameter_supported", false)
          .add("request_parameter_supported", false)
          .str();
  http::Response r = json_response(200, std::move(body));
  r.headers.clear();
  r.add_header("Cache-Control", "public, max-age=300");
  return r;
}
