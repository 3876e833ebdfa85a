// device_trust.cpp: reading and issuing the device cookie; the counters a try is charged to.
#include "flows/device_trust.h"

#include "core/device_token.h"
#include "fcgi/session.h"

namespace xueji {
namespace {

// The key of a keyed counter: an HMAC of what is counted, so attempt_counters holds no name.
store::AttemptCounter keyed_counter(Context& ctx, std::string_view subject) {
  std::string key = crypto::hmac_sha256(ctx.config.secret, "attempt-counter");
  return store::AttemptCounter::keyed(crypto::hmac_sha256(key, subject));
}

// Every value of the device cookie sent, one token list each (a repeated cookie is read whole).
std::vector<std::string_view> sent_tokens(const http::Request& req, const Context& ctx) {
  std::vector<std::string_view> tokens;
  for (std::string_view value : our_cookie_values(req, ctx.config, kDeviceCookie)) {
    for (std::string_view token : device_cookie_tokens(value)) tokens.push_back(token);
  }
  return tokens;
}

}  // namespace

std::optional<std::string> trusted_device(const http::Request& req, const store::Account& account,
                                          Context& ctx) {
  std::string key = device_cookie_key(ctx.config.secret);
  TimePoint now = ctx.clock.now();
  for (std::string_view text : sent_tokens(req, ctx)) {
    auto token = decode_device_token(key, text);
    if (token && token->account_id == account.id && token->epoch == account.device_epoch &&
        token->issued_at <= now && now - token->issued_at < kDeviceTrustLifetime) {
      return token->device_id;
    }
  }
  return std::nullopt;
}

void trust_device(const http::Request& req, const store::Account& account, Context& ctx) {
  DeviceToken token;
  token.account_id = account.id;
  token.epoch = account.device_epoch;
  token.issued_at = ctx.clock.now();
  token.device_id = trusted_device(req, account, ctx).value_or(ctx.random.bytes(kDeviceIdBytes));
  auto sent = our_cookie_values(req, ctx.config, kDeviceCookie);
  std::string value = device_cookie_value(device_cookie_key(ctx.config.secret),
                                          sent.empty() ? std::string_view{} : sent.front(), token);
  ctx.pending_cookies.push_back(
      our_cookie_header(ctx.config, kDeviceCookie, value, kDeviceTrustLifetime.count()));
}

ChargedCounter password_counter(const http::Request& req, const store::Account* account,
                                std::string_view login_key, Context& ctx) {
  if (!account) return {keyed_counter(ctx, "name:" + std::string(login_key)), false};
  if (auto device = trusted_device(req, *account, ctx)) {
    return {keyed_counter(ctx, "device-password:" + *device), true};
  }
  return {store::AttemptCounter::account_passwords(account->id), false};
}

ChargedCounter code_counter(const http::Request& req, const store::Account& account, Context& ctx) {
  if (auto device = trusted_device(req, account, ctx)) {
    return {keyed_counter(ctx, "device-code:" + *device), true};
  }
  return {store::AttemptCounter::account_codes(account.id), false};
}

}  // namespace xueji
