// code_page_store.h: the one query of the 輸入驗證代碼 page: the session and its newest e-mail
// code of a purpose.
#pragma once
#include <optional>
#include <string>

#include "sql/email_code_store.h"
#include "sql/session_store.h"

namespace xueji::store {

struct CodePageRows {
  SessionRow session;
  std::optional<EmailCodeRow> newest;  // nullopt: no code of that purpose sent in this session
};

// The live session `id_hash` with its newest code of `purpose`, or nullopt when no such session
// is live at `now`. One statement instead of two takes about a quarter off the page's cost.
std::optional<CodePageRows> find_code_page_rows(Db& db, const std::string& id_hash, TimePoint now,
                                                const std::string& purpose);

}  // namespace xueji::store
