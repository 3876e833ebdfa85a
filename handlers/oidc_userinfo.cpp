// oidc_userinfo.cpp: GET /oidc/userinfo — the claims of the access token's person
// (Authorization: Bearer …), as its scope grants them; 401 with WWW-Authenticate otherwise.
#include "core/json.h"
#include "core/oidc.h"
#include "core/school_year.h"
#include "fcgi/handler.h"
#include "flows/oidc.h"

xueji::http::Response handle_oidc_userinfo(const xueji::http::Request& req, xueji::Context& ctx) {
  using namespace xueji;
  auto refuse = [] {
    http::Response r = oauth_error(401, "invalid_token", "missing, expired or revoked access token");
    r.add_header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    return r;
  };
  std::string_view header = req.header("HTTP_AUTHORIZATION");
  if (header.size() < 8 || header.substr(0, 7) != "Bearer ") return refuse();
  TimePoint now = ctx.clock.now();
  auto token = store::find_live_oidc_token(ctx.db, oidc::token_hash(header.substr(7)), now);
  if (!token) return refuse();
  auto person = store::find_account_with_duties(ctx.db, token->account_id, school_year_at(now));
  if (!person) return refuse();
  json::Object claims;
  add_person_claims(claims, ctx, person->account, person->duties, token->scope);
  return json_response(200, claims.str());
}
