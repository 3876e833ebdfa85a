// login_page_store.h: the one query of a logged-in page: the session, its account and the
// person's duties of the active school year.
#pragma once
#include <optional>
#include <string>

#include "sql/account_store.h"
#include "sql/session_store.h"

namespace xueji::store {

struct LoginPageRows {
  SessionRow session;
  std::optional<AccountWithDuties> account;  // nullopt: no account (not a login session, or gone)
};

// The live session `id_hash` with its account, or nullopt when no such session is live at `now`.
// Every page behind the login runs this first; one statement instead of two takes about a
// quarter off GET /home's cost.
std::optional<LoginPageRows> find_login_page_rows(Db& db, const std::string& id_hash, TimePoint now,
                                                  int fallback_year);

}  // namespace xueji::store
