// oidc_store.h: the SQL of single sign-on — clients, signing keys, pending authorization
// requests, codes and access tokens (sql/migrations/011_oidc.sql). Hashes are 32 raw bytes.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sql/db.h"

namespace xueji::store {

struct OidcClient {
  std::string client_id;
  std::string name;
  std::string secret_hash;
  std::vector<std::string> redirect_uris;
  std::vector<std::string> post_logout_redirect_uris;
  TimePoint created_at;
};

void insert_oidc_client(Db& db, const OidcClient& client, TimePoint now);
std::optional<OidcClient> find_oidc_client(Db& db, const std::string& client_id);
std::vector<OidcClient> list_oidc_clients(Db& db);
// True when the client existed. Its codes and tokens go with it.
bool delete_oidc_client(Db& db, const std::string& client_id);
bool set_oidc_client_secret(Db& db, const std::string& client_id, const std::string& secret_hash,
                            TimePoint now);

struct SigningKeyRow {
  std::string kid;
  std::string private_box;
  std::string x, y;
  TimePoint created_at;
  std::optional<TimePoint> retired_at;
};
// Adds `key` and retires every other live key at `now`. Call inside db.transaction().
void add_signing_key(Db& db, const SigningKeyRow& key, TimePoint now);
// The keys of the JWKS at `now`: the live one first, then retired ones retired after
// `retired_since`. Retired keys older than that are deleted by the same call's caller
// (delete_old_signing_keys).
std::vector<SigningKeyRow> published_signing_keys(Db& db, TimePoint retired_since);
int delete_old_signing_keys(Db& db, TimePoint retired_before);

struct OidcRequest {
  std::string client_id;
  std::string redirect_uri;
  std::string scope;
  std::string state;
  std::string nonce;
  std::string code_challenge;
  std::optional<TimePoint> fresh_after;
};
void insert_oidc_pending(Db& db, const std::string& id_hash, const OidcRequest& request,
                         TimePoint expires_at);
std::optional<OidcRequest> find_oidc_pending(Db& db, const std::string& id_hash, TimePoint now);
void delete_oidc_pending(Db& db, const std::string& id_hash);

struct OidcCode {
  std::string client_id;
  std::string redirect_uri;
  std::int64_t account_id = 0;
  std::string scope;
  std::string nonce;
  std::string code_challenge;
  TimePoint auth_time;
  TimePoint expires_at;
  std::optional<TimePoint> used_at;
};
void insert_oidc_code(Db& db, const std::string& code_hash, const OidcCode& code);
std::optional<OidcCode> find_oidc_code(Db& db, const std::string& code_hash);
// Marks the code used if it is unused and unexpired at `now`; true for the one caller that did.
bool claim_oidc_code(Db& db, const std::string& code_hash, TimePoint now);

struct OidcToken {
  std::string client_id;
  std::int64_t account_id = 0;
  std::string scope;
};
void insert_oidc_token(Db& db, const std::string& token_hash, const std::string& code_hash,
                       const OidcToken& token, TimePoint expires_at);
// A token that is neither expired nor revoked at `now`.
std::optional<OidcToken> find_live_oidc_token(Db& db, const std::string& token_hash, TimePoint now);
// Revokes what a code issued (a second use of the code); the number of tokens revoked.
int revoke_oidc_tokens_of_code(Db& db, const std::string& code_hash, TimePoint now);
// Revokes every live token of an account (logout).
int revoke_oidc_tokens_of_account(Db& db, std::int64_t account_id, TimePoint now);

}  // namespace xueji::store
