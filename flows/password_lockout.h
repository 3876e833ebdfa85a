// password_lockout.h: what every page that checks a typed password does (product.md §6 as
// amended by issue 15): charge the try to its counter (flows/device_trust.h) *before* the slow
// Argon2 check, refuse at once while the counter is locked or full, give the try back when the
// password was right, and after a wrong one lock at the third — with audit row and notice mail
// in one transaction. A name nobody holds goes through the very same steps against a dummy hash,
// so neither the answer nor its time tells whether an account exists.
#pragma once
#include <string>
#include <string_view>

#include "fcgi/context.h"
#include "fcgi/http.h"
#include "sql/account_store.h"

namespace xueji {

enum class PasswordVerdict {
  kRight,
  kWrong,
  kLocked,  // refused unchecked (locked or no try left), or this wrong try locked it
};

// Checks `password` for `account` (null: the typed name, whose login key is `login_key`, is held
// by nobody). `actor` and `audit_action` name the audit row of a wrong password.
PasswordVerdict check_password_try(const http::Request& req, Context& ctx,
                                   const store::Account* account, std::string_view login_key,
                                   std::string_view password, const std::string& actor,
                                   const std::string& audit_action);

}  // namespace xueji
