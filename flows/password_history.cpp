// password_history.cpp: checks a new password against the account's recent hashes.
#include "flows/password_history.h"

#include "core/password_hash.h"

namespace xueji {

bool reuses_recent_password(Context& ctx, const store::Account& account,
                            const std::string& password) {
  if (verify_password(account.password_hash, password)) return true;
  for (const auto& hash : store::recent_password_hashes(ctx.db, account.id)) {
    if (hash != account.password_hash && verify_password(hash, password)) return true;
  }
  return false;
}

}  // namespace xueji
