-- 011_oidc (issue 17): single sign-on — the OpenID Connect clients the sysadmin registers, the
-- ES256 signing keys (private part sealed with a key derived from the server secret, so every
-- node signs alike and the database alone cannot), authorization requests waiting for the login,
-- codes (60 s, single use) and access tokens (5 minutes). Secrets, codes and tokens are stored
-- as their SHA-256 only.
CREATE TABLE IF NOT EXISTS oidc_clients (
  client_id VARCHAR(64) NOT NULL PRIMARY KEY,
  name VARCHAR(100) NOT NULL,
  secret_hash BINARY(32) NOT NULL,
  redirect_uris TEXT NOT NULL,             -- one per line, matched exactly
  post_logout_redirect_uris TEXT NOT NULL, -- likewise; may be empty
  created_at DATETIME(6) NOT NULL,
  secret_set_at DATETIME(6) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- retired_at: set when a newer key takes over; the key stays in the JWKS a while after.
CREATE TABLE IF NOT EXISTS oidc_signing_keys (
  kid VARCHAR(32) NOT NULL PRIMARY KEY,
  private_box VARBINARY(128) NOT NULL,
  public_x BINARY(32) NOT NULL,
  public_y BINARY(32) NOT NULL,
  created_at DATETIME(6) NOT NULL,
  retired_at DATETIME(6) NULL,
  KEY oidc_signing_keys_created (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- An authorization request validated at /oidc/authorize, waiting for the login; the browser's
-- session holds the random handle whose hash is id_hash. fresh_after: prompt=login or max_age
-- asked for a login at or after that time.
CREATE TABLE IF NOT EXISTS oidc_pending (
  id_hash BINARY(32) NOT NULL PRIMARY KEY,
  client_id VARCHAR(64) NOT NULL,
  redirect_uri VARCHAR(512) NOT NULL,
  scope VARCHAR(255) NOT NULL,
  state VARCHAR(512) NOT NULL,
  nonce VARCHAR(512) NOT NULL,
  code_challenge VARCHAR(64) NOT NULL,
  fresh_after DATETIME(6) NULL,
  expires_at DATETIME(6) NOT NULL,
  KEY oidc_pending_expires (expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE IF NOT EXISTS oidc_codes (
  code_hash BINARY(32) NOT NULL PRIMARY KEY,
  client_id VARCHAR(64) NOT NULL,
  redirect_uri VARCHAR(512) NOT NULL,
  account_id BIGINT UNSIGNED NOT NULL,
  scope VARCHAR(255) NOT NULL,
  nonce VARCHAR(512) NOT NULL,
  code_challenge VARCHAR(64) NOT NULL,
  auth_time DATETIME(6) NOT NULL,
  expires_at DATETIME(6) NOT NULL,
  used_at DATETIME(6) NULL,
  KEY oidc_codes_expires (expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE IF NOT EXISTS oidc_tokens (
  token_hash BINARY(32) NOT NULL PRIMARY KEY,
  code_hash BINARY(32) NOT NULL,
  client_id VARCHAR(64) NOT NULL,
  account_id BIGINT UNSIGNED NOT NULL,
  scope VARCHAR(255) NOT NULL,
  expires_at DATETIME(6) NOT NULL,
  revoked_at DATETIME(6) NULL,
  KEY oidc_tokens_code (code_hash),
  KEY oidc_tokens_account (account_id),
  KEY oidc_tokens_expires (expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
