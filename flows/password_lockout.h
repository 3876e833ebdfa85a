// password_lockout.h: what every page that verifies an account's password does with a wrong one
// (product.md §6): count it, lock the account at the third, and report the lock by audit row and
// notice mail — all in one transaction. The numbers are core/lockout.h's.
#pragma once
#include <string>

#include "fcgi/context.h"
#include "fcgi/http.h"
#include "sql/account_store.h"

namespace xueji {

// Counts one wrong password for `account` (audit action `audit_action`, by `actor`). True when
// the account is now locked: by this failure, or by another request a moment before (then
// nothing was counted).
bool count_wrong_password(const http::Request& req, Context& ctx, const store::Account& account,
                          const std::string& actor, const std::string& audit_action);

}  // namespace xueji
