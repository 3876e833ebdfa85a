// oidc.h: what the single sign-on handlers share — the signing keys (made on first use, opened
// with the server secret), the claims of a person, the ID token, the /auth headers' duties, the
// authorization request waiting for the login, and the JSON answers of the back channel.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/json.h"
#include "core/jwt.h"
#include "fcgi/context.h"
#include "fcgi/http.h"
#include "flows/login_flow.h"
#include "sql/oidc_store.h"

namespace xueji {

struct PublishedKey {
  std::string kid;
  jwt::EcKey key;  // public part only
};
struct SigningKey {
  std::string kid;
  jwt::EcKey key;  // with the private scalar
};

// The keys of the JWKS: the current one and those retired less than kRetiredKeyKept ago. When
// there is none yet, the first is made (xueji-ctl keys rotate makes the next ones).
std::vector<PublishedKey> published_keys(Context& ctx);
// The current key, opened. Throws when the sealed key does not open (another server secret).
SigningKey current_signing_key(Context& ctx);

std::string oidc_subject(Context& ctx, std::int64_t account_id);
// The person's name as /home shows it: the first staff record's, else the account's.
std::string person_name(const store::Account& account, const store::PersonDuties& duties);
// "SCHOOLCODE:duty,duty;SCHOOLCODE:duty", each code and duty percent-encoded (X-Xueji-Duties).
std::string duties_header(const store::PersonDuties& duties);

// The claims a scope grants (openid: sub; profile: name, preferred_username; email: email,
// email_verified; xueji: xueji_duties), as members added to `claims`.
void add_person_claims(json::Object& claims, Context& ctx, const store::Account& account,
                       const store::PersonDuties& duties, const std::string& scope);
// The signed ID token of a code's login.
std::string make_id_token(Context& ctx, const store::OidcCode& code, const store::Account& account,
                          const store::PersonDuties& duties);
// The payload of an ID token we signed with a published key, or nullopt.
std::optional<std::string> verified_id_token_payload(Context& ctx, const std::string& token);

// A JSON answer of the back channel (never cached).
http::Response json_response(int status, std::string body);
// RFC 6749 §5.2 error: {"error": code, "error_description": description}.
http::Response oauth_error(int status, const std::string& code, const std::string& description);
// 303 to an absolute URL that was checked against a client's registration.
http::Response redirect_to_client(const std::string& url);

}  // namespace xueji
