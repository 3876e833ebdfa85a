// oidc.cpp: the pure rules of core/oidc.h.
#include "core/oidc.h"

#include "core/crypto.h"
#include "core/percent_encoding.h"

namespace xueji::oidc {
namespace {

bool plain_text(std::string_view text) {
  for (unsigned char c : text) {
    if (c <= ' ' || c == 0x7F || c == '\\') return false;
  }
  return true;
}

bool loopback_host(std::string_view rest) {
  for (std::string_view host : {"127.0.0.1", "localhost", "[::1]"}) {
    if (rest.rfind(host, 0) == 0) {
      std::string_view after = rest.substr(host.size());
      if (after.empty() || after[0] == ':' || after[0] == '/' || after[0] == '?') return true;
    }
  }
  return false;
}

}  // namespace

bool valid_code_verifier(std::string_view verifier) {
  if (verifier.size() < 43 || verifier.size() > 128) return false;
  for (unsigned char c : verifier) {
    if (!is_unreserved(c)) return false;
  }
  return true;
}

bool valid_code_challenge(std::string_view challenge) {
  if (challenge.size() != 43) return false;
  for (unsigned char c : challenge) {
    if (!is_unreserved(c) || c == '.' || c == '~') return false;
  }
  return true;
}

bool pkce_s256_matches(std::string_view verifier, std::string_view challenge) {
  if (!valid_code_verifier(verifier) || !valid_code_challenge(challenge)) return false;
  return crypto::constant_time_equal(crypto::base64url(crypto::sha256(verifier)), challenge);
}

bool valid_redirect_uri(std::string_view uri) {
  if (uri.size() > 500 || !plain_text(uri) || uri.find('#') != std::string_view::npos) return false;
  std::string_view rest;
  if (uri.rfind("https://", 0) == 0) {
    rest = uri.substr(8);
  } else if (uri.rfind("http://", 0) == 0) {
    rest = uri.substr(7);
    if (!loopback_host(rest)) return false;
  } else {
    return false;
  }
  return !rest.empty() && rest[0] != '/' && rest[0] != '?' && rest[0] != ':';
}

bool redirect_uri_registered(const std::vector<std::string>& registered, std::string_view uri) {
  for (const auto& one : registered) {
    if (one == uri) return true;
  }
  return false;
}

std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> out;
  while (!text.empty()) {
    std::size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    if (!line.empty()) out.emplace_back(line);
    if (nl == std::string_view::npos) break;
    text.remove_prefix(nl + 1);
  }
  return out;
}

std::string join_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) out += (out.empty() ? "" : "\n") + line;
  return out;
}

bool safe_local_path(std::string_view path) {
  if (path.empty() || path.size() > 500 || path[0] != '/') return false;
  if (path.size() > 1 && (path[1] == '/' || path[1] == '\\')) return false;
  return plain_text(path);
}

std::string subject_of(std::string_view server_secret, long long account_id) {
  std::string key = crypto::hmac_sha256(server_secret, "oidc-subject");
  return crypto::base64url(crypto::hmac_sha256(key, "account:" + std::to_string(account_id)));
}

std::string signing_key_box_key(std::string_view server_secret) {
  return crypto::hmac_sha256(server_secret, "oidc-signing-key");
}

std::string token_hash(std::string_view token) { return crypto::sha256(token); }

std::vector<std::string> scope_words(std::string_view scope) {
  std::vector<std::string> out;
  while (!scope.empty()) {
    std::size_t space = scope.find(' ');
    std::string_view word = scope.substr(0, space);
    if (!word.empty()) out.emplace_back(word);
    if (space == std::string_view::npos) break;
    scope.remove_prefix(space + 1);
  }
  return out;
}

bool has_scope(std::string_view scope, std::string_view word) {
  for (const auto& w : scope_words(scope)) {
    if (w == word) return true;
  }
  return false;
}

std::string add_query(std::string url, std::string_view name, std::string_view value) {
  url += url.find('?') == std::string::npos ? '?' : '&';
  url += percent_encode(name);
  url += '=';
  url += percent_encode(value);
  return url;
}

}  // namespace xueji::oidc
