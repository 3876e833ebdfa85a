// oidc_token.cpp: POST /oidc/token — the token endpoint: a code for an access token (opaque,
// 5 minutes, stored hashed) and an ES256 ID token. The client authenticates with HTTP Basic or
// client_id + client_secret in the body. No CSRF token: this is not a form of ours that a
// browser posts with the person's cookies, but the client's back-channel request, authenticated
// by its own secret (RFC 6749 §3.2); no cookie is read here, so a forged cross-site POST gains
// nothing. A code is single use: its second use is refused and revokes what the first issued.
#include "core/crypto.h"
#include "core/json.h"
#include "core/oidc.h"
#include "core/school_year.h"
#include "fcgi/audit.h"
#include "fcgi/handler.h"
#include "fcgi/parse.h"
#include "flows/oidc.h"

namespace {

using namespace xueji;

struct ClientCredentials {
  std::string id;
  std::string secret;
  bool basic = false;
};

// From "Authorization: Basic base64(urlencode(id):urlencode(secret))" or the body's fields;
// nullopt when both or neither are given, or the header is malformed.
std::optional<ClientCredentials> client_credentials(const http::Request& req) {
  std::string_view header = req.header("HTTP_AUTHORIZATION");
  bool in_body = !req.field("client_secret").empty();
  if (header.empty()) {
    if (!in_body) return std::nullopt;
    return ClientCredentials{std::string(req.field("client_id")),
                             std::string(req.field("client_secret")), false};
  }
  if (in_body || header.size() < 7 || header.substr(0, 6) != "Basic ") return std::nullopt;
  auto decoded = crypto::base64_decode(header.substr(6));
  if (!decoded) return std::nullopt;
  std::size_t colon = decoded->find(':');
  if (colon == std::string::npos) return std::nullopt;
  try {
    return ClientCredentials{http::percent_decode(decoded->substr(0, colon)),
                             http::percent_decode(decoded->substr(colon + 1)), true};
  } catch (const http::Error&) {
    return std::nullopt;
  }
}

http::Response invalid_client(bool basic) {
  http::Response r = oauth_error(401, "invalid_client", "client authentication failed");
  if (basic) r.add_header("WWW-Authenticate", "Basic realm=\"xueji\"");
  return r;
}

http::Response invalid_grant(const char* description) {
  return oauth_error(400, "invalid_grant", description);
}

}  // namespace

xueji::http::Response handle_oidc_token(const xueji::http::Request& req, xueji::Context& ctx) {
  auto credentials = client_credentials(req);
  if (!credentials) return invalid_client(!req.header("HTTP_AUTHORIZATION").empty());
  auto client = credentials->id.size() <= 64 ? store::find_oidc_client(ctx.db, credentials->id)
                                              : std::nullopt;
  // The same hash work whether or not the client exists.
  std::string presented = oidc::token_hash(credentials->secret);
  if (!client || !crypto::constant_time_equal(presented, client->secret_hash)) {
    audit_request(ctx, req, "client:" + credentials->id.substr(0, 64), "oidc.token.refused",
                  "invalid_client");
    return invalid_client(credentials->basic);
  }
  if (req.field("grant_type") != "authorization_code") {
    return oauth_error(400, "unsupported_grant_type", "only authorization_code");
  }
  std::string actor = "client:" + client->client_id;
  std::string code_hash = oidc::token_hash(req.field("code"));
  TimePoint now = ctx.clock.now();
  auto code = store::find_oidc_code(ctx.db, code_hash);
  if (!code || code->client_id != client->client_id) {
    audit_request(ctx, req, actor, "oidc.token.refused", "unknown code");
    return invalid_grant("unknown code");
  }
  std::string target = "account:" + std::to_string(code->account_id);
  if (code->used_at) {
    int revoked = store::revoke_oidc_tokens_of_code(ctx.db, code_hash, now);
    audit_request(ctx, req, actor, "oidc.token.code_reused",
                  target + " revoked:" + std::to_string(revoked));
    return invalid_grant("code already used");
  }
  if (code->expires_at <= now) {
    audit_request(ctx, req, actor, "oidc.token.refused", target + " expired code");
    return invalid_grant("code expired");
  }
  if (req.field("redirect_uri") != code->redirect_uri) {
    audit_request(ctx, req, actor, "oidc.token.refused", target + " redirect_uri");
    return invalid_grant("redirect_uri does not match");
  }
  if (!oidc::pkce_s256_matches(req.field("code_verifier"), code->code_challenge)) {
    audit_request(ctx, req, actor, "oidc.token.refused", target + " code_verifier");
    return invalid_grant("code_verifier does not match");
  }
  auto person = store::find_account_with_duties(ctx.db, code->account_id, school_year_at(now));
  if (!person) return invalid_grant("account gone");

  std::string access_token = ctx.random.token(32);
  std::string id_token = make_id_token(ctx, *code, person->account, person->duties);
  bool claimed = ctx.db.transaction([&] {
    if (!store::claim_oidc_code(ctx.db, code_hash, now)) return false;
    store::insert_oidc_token(ctx.db, oidc::token_hash(access_token), code_hash,
                             {client->client_id, code->account_id, code->scope},
                             now + oidc::kAccessTokenLifetime);
    audit_request(ctx, req, actor, "oidc.token", target);
    return true;
  });
  if (!claimed) {
    // Another request used the code between our read and our claim: that is a second use too.
    int revoked = store::revoke_oidc_tokens_of_code(ctx.db, code_hash, now);
    audit_request(ctx, req, actor, "oidc.token.code_reused",
                  target + " revoked:" + std::to_string(revoked));
    return invalid_grant("code already used");
  }
  return json_response(200, json::Object()
                                .add("access_token", access_token)
                                .add("token_type", "Bearer")
                                .add("expires_in", static_cast<std::int64_t>(
                                                       oidc::kAccessTokenLifetime.count()))
                                .add("id_token", id_token)
                                .add("scope", code->scope)
                                .str());
}
