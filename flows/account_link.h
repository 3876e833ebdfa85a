// account_link.h: the one-time links the console mails a staff member (account_tokens): after an
// AA's password reset, to set a new password; after a 諮詢專員's e-mail reset, to confirm the new
// address (and set a new password with it). The link is /forgot/password/reset?token=…; the
// token is 256 random bits, only its SHA-256 is stored, and it works once, for 60 minutes.
#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "fcgi/context.h"
#include "fcgi/http.h"
#include "sql/account_store.h"

namespace xueji {

inline constexpr std::chrono::minutes kAccountLinkLifetime{60};

// Stores a new link for the account (earlier ones stop working) and queues its mail to
// `address`. purpose: store::kTokenPassword or store::kTokenEmail. Call inside db.transaction().
void issue_account_link(Context& ctx, const store::Account& account, const std::string& purpose,
                        const std::string& address, TimePoint now);

// The stored hash of a token as it arrives in the link; nullopt when it cannot be one.
std::optional<std::string> account_link_hash(std::string_view token);

// /forgot/password/reset with a `token` (the query of the GET, a field of the POST): the page of
// the link, and its submit. A right submit, once: the new password under every rule of
// product.md §3 but the minimum age, the lock cleared, device trust and every session of the
// account ended, an e-mail link's address made the verified e-mail, the 「密碼已重設」 notice
// queued, the audit row — in one transaction; then the login page.
http::Response account_link_page(const http::Request& req, Context& ctx);

}  // namespace xueji
