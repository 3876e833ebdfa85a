// device_trust.h: the device cookie (issue 15 §4) and the choice of the counter a try is charged
// to. After a complete login (password and second factor) the browser is given a signed cookie
// naming the account; a browser that shows a valid one for the account has counters of its own
// and is not held by the account's ordinary lock, so someone who only knows the account name
// cannot lock its owner out. A password or two-factor reset revokes every such cookie
// (store::revoke_devices).
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "fcgi/context.h"
#include "fcgi/http.h"
#include "sql/account_store.h"
#include "sql/attempt_store.h"

namespace xueji {

// The plain name; "__Host-xueji_device" over TLS (fcgi/session.h our_cookie_header()).
inline constexpr const char* kDeviceCookie = "xueji_device";

// The id of this browser as a trusted device of `account`: its cookie holds a token for the
// account, signed with this server's key, of the account's current generation and not older
// than kDeviceTrustLifetime. nullopt otherwise.
std::optional<std::string> trusted_device(const http::Request& req, const store::Account& account,
                                          Context& ctx);

// After a complete login: queues the cookie with a fresh token for `account` (the device keeps
// its id when it already had one for the account; tokens of other accounts are kept).
void trust_device(const http::Request& req, const store::Account& account, Context& ctx);

// The counter of a password try: the trusted device's own, the account's, or — for a name
// nobody holds (`account` null) — the name's, so an unknown name locks like a real one.
// `device` tells which it was (a device's lock sends no notice mail: it is the owner's own).
struct ChargedCounter {
  store::AttemptCounter counter;
  bool device = false;
};
ChargedCounter password_counter(const http::Request& req, const store::Account* account,
                                std::string_view login_key, Context& ctx);
// The counter of a two-factor code: the trusted device's own or the account's.
ChargedCounter code_counter(const http::Request& req, const store::Account& account, Context& ctx);

}  // namespace xueji
