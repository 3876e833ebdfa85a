// oidc.cpp: signing keys, claims, ID tokens and the back channel's JSON answers (flows/oidc.h).
#include "flows/oidc.h"

#include "core/oidc.h"
#include "core/oidc_keys.h"
#include "core/percent_encoding.h"

namespace xueji {
namespace {

oidc::SealedKey sealed_of(const store::SigningKeyRow& row) {
  return {row.kid, row.private_box, row.x, row.y};
}

std::vector<store::SigningKeyRow> key_rows(Context& ctx) {
  TimePoint now = ctx.clock.now();
  auto rows = store::published_signing_keys(ctx.db, now - oidc::kRetiredKeyKept);
  if (!rows.empty() && !rows.front().retired_at) return rows;
  // No live key yet: the first token of a fresh installation makes it. Two nodes doing so at
  // once end with two keys, the older retired; both stay published, so nothing breaks.
  oidc::SealedKey sealed = oidc::new_sealed_key(ctx.config.secret, ctx.random);
  ctx.db.transaction([&] {
    store::add_signing_key(ctx.db, {sealed.kid, sealed.private_box, sealed.x, sealed.y, now, {}},
                           now);
  });
  return store::published_signing_keys(ctx.db, now - oidc::kRetiredKeyKept);
}

}  // namespace

std::vector<PublishedKey> published_keys(Context& ctx) {
  std::vector<PublishedKey> out;
  for (const auto& row : key_rows(ctx)) out.push_back({row.kid, {"", row.x, row.y}});
  return out;
}

SigningKey current_signing_key(Context& ctx) {
  auto rows = key_rows(ctx);
  auto key = oidc::open_key(ctx.config.secret, sealed_of(rows.front()));
  if (!key) throw std::runtime_error("the current OIDC signing key does not open");
  return {rows.front().kid, *key};
}

std::string oidc_subject(Context& ctx, std::int64_t account_id) {
  return oidc::subject_of(ctx.config.secret, account_id);
}

std::string person_name(const store::Account& account, const store::PersonDuties& duties) {
  if (!duties.schools.empty()) return duties.schools.front().staff_name;
  return account.display_name;
}

std::string duties_header(const store::PersonDuties& duties) {
  std::string out;
  for (const auto& school : duties.schools) {
    if (!out.empty()) out += ';';
    out += percent_encode(school.school_code) + ":";
    for (std::size_t i = 0; i < school.duties.size(); ++i) {
      out += (i ? "," : "") + percent_encode(school.duties[i]);
    }
  }
  return out;
}

void add_person_claims(json::Object& claims, Context& ctx, const store::Account& account,
                       const store::PersonDuties& duties, const std::string& scope) {
  claims.add("sub", oidc_subject(ctx, account.id));
  if (oidc::has_scope(scope, "profile")) {
    claims.add("name", person_name(account, duties));
    claims.add("preferred_username", account.login_name);
  }
  if (oidc::has_scope(scope, "email") && account.email) {
    claims.add("email", *account.email);
    claims.add("email_verified", account.email_verified_at.has_value());
  }
  if (oidc::has_scope(scope, "xueji")) {
    std::vector<std::string> schools;
    for (const auto& school : duties.schools) {
      schools.push_back(json::Object()
                            .add("school_code", school.school_code)
                            .add("school_name", school.school_name)
                            .add_raw("duties", json::array(school.duties))
                            .str());
    }
    claims.add_raw("xueji_duties", json::array_raw(schools));
  }
}

std::string make_id_token(Context& ctx, const store::OidcCode& code, const store::Account& account,
                          const store::PersonDuties& duties) {
  auto seconds = [](TimePoint t) {
    return static_cast<std::int64_t>(
        std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count());
  };
  TimePoint now = ctx.clock.now();
  json::Object claims;
  claims.add("iss", ctx.config.issuer);
  add_person_claims(claims, ctx, account, duties, code.scope);
  claims.add("aud", code.client_id)
      .add("exp", seconds(now + oidc::kIdTokenLifetime))
      .add("iat", seconds(now))
      .add("auth_time", seconds(code.auth_time));
  if (!code.nonce.empty()) claims.add("nonce", code.nonce);
  // Every complete login passed the password and the authenticator's code.
  claims.add_raw("amr", json::array({"pwd", "otp"}));
  SigningKey key = current_signing_key(ctx);
  return jwt::sign(key.kid, claims.str(), key.key, ctx.random);
}

std::optional<std::string> verified_id_token_payload(Context& ctx, const std::string& token) {
  auto kid = jwt::kid_of(token);
  if (!kid) return std::nullopt;
  for (const auto& key : published_keys(ctx)) {
    if (key.kid == *kid) return jwt::verify(token, key.kid, key.key);
  }
  return std::nullopt;
}

http::Response json_response(int status, std::string body) {
  http::Response r;
  r.status = status;
  r.content_type = "application/json";
  r.body = std::move(body);
  r.add_header("Cache-Control", "no-store");
  r.add_header("Pragma", "no-cache");
  return r;
}

http::Response oauth_error(int status, const std::string& code, const std::string& description) {
  return json_response(status,
                       json::Object().add("error", code).add("error_description", description).str());
}

http::Response redirect_to_client(const std::string& url) {
  http::Response r;
  r.status = 303;
  r.content_type = "text/plain; charset=utf-8";
  r.add_header("Location", url);
  return r;
}

}  // namespace xueji
