// password_history.h: the "not one of the last 3 passwords" rule (product.md §3), which needs
// the stored hashes and so cannot live with the pure password rules.
#pragma once
#include <string>

#include "fcgi/context.h"
#include "sql/account_store.h"

namespace xueji {

// True when `password` is the account's current one or one of its recent ones, hash by hash.
bool reuses_recent_password(Context& ctx, const store::Account& account,
                            const std::string& password);

}  // namespace xueji
