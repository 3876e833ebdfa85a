// oidc.h: the rules of single sign-on without I/O — PKCE S256, exact redirect URIs, the
// same-site return path of /login?rd=, the opaque subject, scopes, and the lifetimes.
#pragma once
#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace xueji::oidc {

inline constexpr std::chrono::seconds kCodeLifetime{60};
inline constexpr std::chrono::seconds kAccessTokenLifetime{5 * 60};
inline constexpr std::chrono::seconds kIdTokenLifetime{5 * 60};
// An authorization request waiting for the login in front of it.
inline constexpr std::chrono::seconds kPendingLifetime{30 * 60};
// A rotated-out signing key stays in the JWKS this long: longer than any token it signed lives.
inline constexpr std::chrono::seconds kRetiredKeyKept{kIdTokenLifetime * 2};

// RFC 7636: a verifier is 43–128 characters of [A-Za-z0-9-._~]; a S256 challenge is the
// base64url (no padding) of its SHA-256, 43 characters.
bool valid_code_verifier(std::string_view verifier);
bool valid_code_challenge(std::string_view challenge);
// Whether BASE64URL(SHA256(verifier)) is the challenge (compared in constant time).
bool pkce_s256_matches(std::string_view verifier, std::string_view challenge);

// What `xueji-ctl client add` accepts as a redirect URI: https://…, or http:// to a loopback
// host (development); no fragment, no spaces or control characters, at most 500 bytes.
bool valid_redirect_uri(std::string_view uri);
// Exact, byte-for-byte membership: no prefix, case or normalisation games.
bool redirect_uri_registered(const std::vector<std::string>& registered, std::string_view uri);
// The URIs of a stored newline-separated list, and the list of them.
std::vector<std::string> split_lines(std::string_view text);
std::string join_lines(const std::vector<std::string>& lines);

// A same-site absolute path for /login?rd= ("/app/"): starts with one '/', never "//" or "/\\",
// no control characters, spaces or backslashes, at most 500 bytes. Anything else is ignored.
bool safe_local_path(std::string_view path);

// The `sub` of an account: base64url of HMAC-SHA256 under a key derived from the server secret
// (label "oidc-subject") over the account id. Stable across renames, opaque, never the name or
// the ID number.
std::string subject_of(std::string_view server_secret, long long account_id);
// The AES key sealing the signing keys in the database (label "oidc-signing-key").
std::string signing_key_box_key(std::string_view server_secret);
// What is stored for a client secret or an access token or a code: its SHA-256 (they are 256
// random bits, so a slow hash adds nothing).
std::string token_hash(std::string_view token);

// Scopes: space-separated words; the ones we know are openid, profile, email, xueji.
std::vector<std::string> scope_words(std::string_view scope);
bool has_scope(std::string_view scope, std::string_view word);

// Appends name=value (percent-encoded) to a URL with '?' or '&' as needed.
std::string add_query(std::string url, std::string_view name, std::string_view value);

}  // namespace xueji::oidc
