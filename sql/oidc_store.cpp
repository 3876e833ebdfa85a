// oidc_store.cpp: the SQL of oidc_clients, oidc_signing_keys, oidc_pending, oidc_codes and
// oidc_tokens.
#include "sql/oidc_store.h"

#include "core/oidc.h"

namespace xueji::store {
namespace {

const std::string kClientColumns =
    "client_id, name, HEX(secret_hash) AS secret_hex, redirect_uris, post_logout_redirect_uris, "
    "created_at";
const std::string kInsertClient =
    "INSERT INTO oidc_clients (client_id, name, secret_hash, redirect_uris, "
    "post_logout_redirect_uris, created_at, secret_set_at) VALUES (?, ?, UNHEX(?), ?, ?, ?, ?)";
const std::string kFindClient = "SELECT " + kClientColumns + " FROM oidc_clients WHERE client_id = ?";
const std::string kListClients = "SELECT " + kClientColumns + " FROM oidc_clients ORDER BY created_at";
const std::string kDeleteClient = "DELETE FROM oidc_clients WHERE client_id = ?";
const std::string kDeleteClientCodes = "DELETE FROM oidc_codes WHERE client_id = ?";
const std::string kDeleteClientTokens = "DELETE FROM oidc_tokens WHERE client_id = ?";
const std::string kDeleteClientPending = "DELETE FROM oidc_pending WHERE client_id = ?";
const std::string kSetClientSecret =
    "UPDATE oidc_clients SET secret_hash = UNHEX(?), secret_set_at = ? WHERE client_id = ?";

const std::string kRetireSigningKeys =
    "UPDATE oidc_signing_keys SET retired_at = ? WHERE retired_at IS NULL";
const std::string kInsertSigningKey =
    "INSERT INTO oidc_signing_keys (kid, private_box, public_x, public_y, created_at) "
    "VALUES (?, UNHEX(?), UNHEX(?), UNHEX(?), ?)";
const std::string kPublishedSigningKeys =
    "SELECT kid, HEX(private_box) AS box_hex, HEX(public_x) AS x_hex, HEX(public_y) AS y_hex, "
    "created_at, retired_at FROM oidc_signing_keys WHERE retired_at IS NULL OR retired_at > ? "
    "ORDER BY retired_at IS NULL DESC, created_at DESC";
const std::string kDeleteOldSigningKeys =
    "DELETE FROM oidc_signing_keys WHERE retired_at IS NOT NULL AND retired_at <= ?";

const std::string kInsertPending =
    "INSERT INTO oidc_pending (id_hash, client_id, redirect_uri, scope, state, nonce, "
    "code_challenge, fresh_after, expires_at) VALUES (UNHEX(?), ?, ?, ?, ?, ?, ?, ?, ?)";
const std::string kFindPending =
    "SELECT client_id, redirect_uri, scope, state, nonce, code_challenge, fresh_after "
    "FROM oidc_pending WHERE id_hash = UNHEX(?) AND expires_at > ?";
const std::string kDeletePending = "DELETE FROM oidc_pending WHERE id_hash = UNHEX(?)";

const std::string kInsertCode =
    "INSERT INTO oidc_codes (code_hash, client_id, redirect_uri, account_id, scope, nonce, "
    "code_challenge, auth_time, expires_at) VALUES (UNHEX(?), ?, ?, ?, ?, ?, ?, ?, ?)";
const std::string kFindCode =
    "SELECT client_id, redirect_uri, account_id, scope, nonce, code_challenge, auth_time, "
    "expires_at, used_at FROM oidc_codes WHERE code_hash = UNHEX(?)";
const std::string kClaimCode =
    "UPDATE oidc_codes SET used_at = ? WHERE code_hash = UNHEX(?) AND used_at IS NULL "
    "AND expires_at > ?";

const std::string kInsertToken =
    "INSERT INTO oidc_tokens (token_hash, code_hash, client_id, account_id, scope, expires_at) "
    "VALUES (UNHEX(?), UNHEX(?), ?, ?, ?, ?)";
const std::string kFindLiveToken =
    "SELECT client_id, account_id, scope FROM oidc_tokens WHERE token_hash = UNHEX(?) "
    "AND expires_at > ? AND revoked_at IS NULL";
const std::string kRevokeTokensOfCode =
    "UPDATE oidc_tokens SET revoked_at = ? WHERE code_hash = UNHEX(?) AND revoked_at IS NULL";
const std::string kRevokeTokensOfAccount =
    "UPDATE oidc_tokens SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL "
    "AND expires_at > ?";

OidcClient read_client(sql::ResultSet& rs) {
  OidcClient c;
  c.client_id = rs.getString("client_id");
  c.name = rs.getString("name");
  c.secret_hash = read_bytes(rs, "secret_hex");
  c.redirect_uris = oidc::split_lines(std::string(rs.getString("redirect_uris")));
  c.post_logout_redirect_uris =
      oidc::split_lines(std::string(rs.getString("post_logout_redirect_uris")));
  c.created_at = read_time(rs, "created_at");
  return c;
}

int update(Db& db, const std::string& sql, Repeat repeat, auto&&... args) {
  return db.run(sql, repeat,
                [&](sql::PreparedStatement& ps) { return bind_all(ps, args...).executeUpdate(); });
}

}  // namespace

void insert_oidc_client(Db& db, const OidcClient& c, TimePoint now) {
  update(db, kInsertClient, Repeat::kUnsafe, c.client_id, c.name, Bytes{c.secret_hash},
         oidc::join_lines(c.redirect_uris), oidc::join_lines(c.post_logout_redirect_uris), now,
         now);
}

std::optional<OidcClient> find_oidc_client(Db& db, const std::string& client_id) {
  return db.run(kFindClient, Repeat::kSafe,
                [&](sql::PreparedStatement& ps) -> std::optional<OidcClient> {
                  auto rs = query(bind_all(ps, client_id));
                  if (!rs->next()) return std::nullopt;
                  return read_client(*rs);
                });
}

std::vector<OidcClient> list_oidc_clients(Db& db) {
  return db.run(kListClients, Repeat::kSafe, [&](sql::PreparedStatement& ps) {
    std::vector<OidcClient> out;
    auto rs = query(ps);
    while (rs->next()) out.push_back(read_client(*rs));
    return out;
  });
}

bool delete_oidc_client(Db& db, const std::string& client_id) {
  return db.transaction([&] {
    update(db, kDeleteClientTokens, Repeat::kSafe, client_id);
    update(db, kDeleteClientCodes, Repeat::kSafe, client_id);
    update(db, kDeleteClientPending, Repeat::kSafe, client_id);
    return update(db, kDeleteClient, Repeat::kSafe, client_id) > 0;
  });
}

bool set_oidc_client_secret(Db& db, const std::string& client_id, const std::string& secret_hash,
                            TimePoint now) {
  return update(db, kSetClientSecret, Repeat::kSafe, Bytes{secret_hash}, now, client_id) > 0;
}

void add_signing_key(Db& db, const SigningKeyRow& key, TimePoint now) {
  update(db, kRetireSigningKeys, Repeat::kSafe, now);
  update(db, kInsertSigningKey, Repeat::kUnsafe, key.kid, Bytes{key.private_box}, Bytes{key.x},
         Bytes{key.y}, now);
}

std::vector<SigningKeyRow> published_signing_keys(Db& db, TimePoint retired_since) {
  return db.run(kPublishedSigningKeys, Repeat::kSafe, [&](sql::PreparedStatement& ps) {
    std::vector<SigningKeyRow> out;
    auto rs = query(bind_all(ps, retired_since));
    while (rs->next()) {
      SigningKeyRow k;
      k.kid = rs->getString("kid");
      k.private_box = read_bytes(*rs, "box_hex");
      k.x = read_bytes(*rs, "x_hex");
      k.y = read_bytes(*rs, "y_hex");
      k.created_at = read_time(*rs, "created_at");
      k.retired_at = read_optional_time(*rs, "retired_at");
      out.push_back(std::move(k));
    }
    return out;
  });
}

int delete_old_signing_keys(Db& db, TimePoint retired_before) {
  return update(db, kDeleteOldSigningKeys, Repeat::kSafe, retired_before);
}

void insert_oidc_pending(Db& db, const std::string& id_hash, const OidcRequest& r,
                         TimePoint expires_at) {
  update(db, kInsertPending, Repeat::kUnsafe, Bytes{id_hash}, r.client_id, r.redirect_uri, r.scope,
         r.state, r.nonce, r.code_challenge, r.fresh_after, expires_at);
}

std::optional<OidcRequest> find_oidc_pending(Db& db, const std::string& id_hash, TimePoint now) {
  return db.run(kFindPending, Repeat::kSafe,
                [&](sql::PreparedStatement& ps) -> std::optional<OidcRequest> {
                  auto rs = query(bind_all(ps, Bytes{id_hash}, now));
                  if (!rs->next()) return std::nullopt;
                  OidcRequest r;
                  r.client_id = rs->getString("client_id");
                  r.redirect_uri = rs->getString("redirect_uri");
                  r.scope = rs->getString("scope");
                  r.state = rs->getString("state");
                  r.nonce = rs->getString("nonce");
                  r.code_challenge = rs->getString("code_challenge");
                  r.fresh_after = read_optional_time(*rs, "fresh_after");
                  return r;
                });
}

void delete_oidc_pending(Db& db, const std::string& id_hash) {
  update(db, kDeletePending, Repeat::kSafe, Bytes{id_hash});
}

void insert_oidc_code(Db& db, const std::string& code_hash, const OidcCode& c) {
  update(db, kInsertCode, Repeat::kUnsafe, Bytes{code_hash}, c.client_id, c.redirect_uri,
         c.account_id, c.scope, c.nonce, c.code_challenge, c.auth_time, c.expires_at);
}

std::optional<OidcCode> find_oidc_code(Db& db, const std::string& code_hash) {
  return db.run(kFindCode, Repeat::kSafe,
                [&](sql::PreparedStatement& ps) -> std::optional<OidcCode> {
                  auto rs = query(bind_all(ps, Bytes{code_hash}));
                  if (!rs->next()) return std::nullopt;
                  OidcCode c;
                  c.client_id = rs->getString("client_id");
                  c.redirect_uri = rs->getString("redirect_uri");
                  c.account_id = rs->getInt64("account_id");
                  c.scope = rs->getString("scope");
                  c.nonce = rs->getString("nonce");
                  c.code_challenge = rs->getString("code_challenge");
                  c.auth_time = read_time(*rs, "auth_time");
                  c.expires_at = read_time(*rs, "expires_at");
                  c.used_at = read_optional_time(*rs, "used_at");
                  return c;
                });
}

bool claim_oidc_code(Db& db, const std::string& code_hash, TimePoint now) {
  return update(db, kClaimCode, Repeat::kUnsafe, now, Bytes{code_hash}, now) == 1;
}

void insert_oidc_token(Db& db, const std::string& token_hash, const std::string& code_hash,
                       const OidcToken& t, TimePoint expires_at) {
  update(db, kInsertToken, Repeat::kUnsafe, Bytes{token_hash}, Bytes{code_hash}, t.client_id,
         t.account_id, t.scope, expires_at);
}

std::optional<OidcToken> find_live_oidc_token(Db& db, const std::string& token_hash,
                                              TimePoint now) {
  return db.run(kFindLiveToken, Repeat::kSafe,
                [&](sql::PreparedStatement& ps) -> std::optional<OidcToken> {
                  auto rs = query(bind_all(ps, Bytes{token_hash}, now));
                  if (!rs->next()) return std::nullopt;
                  return OidcToken{rs->getString("client_id"), rs->getInt64("account_id"),
                                   rs->getString("scope")};
                });
}

int revoke_oidc_tokens_of_code(Db& db, const std::string& code_hash, TimePoint now) {
  return update(db, kRevokeTokensOfCode, Repeat::kSafe, now, Bytes{code_hash});
}

int revoke_oidc_tokens_of_account(Db& db, std::int64_t account_id, TimePoint now) {
  return update(db, kRevokeTokensOfAccount, Repeat::kSafe, now, account_id, now);
}

}  // namespace xueji::store
