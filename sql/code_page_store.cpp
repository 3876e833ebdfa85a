// code_page_store.cpp: sessions joined with their email_codes; the newest is picked in C++ (a
// session has a handful of codes: resends are limited to 5 an hour).
#include "sql/code_page_store.h"

namespace xueji::store {
namespace {

const std::string& code_page_query() {
  static const std::string text =
      "SELECT STRAIGHT_JOIN " + session_columns() +
      ", c.id, c.address, c.prefix, HEX(c.code_hmac) AS code_hex, c.sent_at, c.expires_at, "
      "c.tries, c.state FROM sessions s "
      "LEFT JOIN email_codes c ON c.session_hash = s.id_hash AND c.purpose = ? "
      "WHERE s.id_hash = UNHEX(?) AND s.expires_at > ?";
  return text;
}

}  // namespace

std::optional<CodePageRows> find_code_page_rows(Db& db, const std::string& id_hash, TimePoint now,
                                                const std::string& purpose) {
  return db.run(db.causal(code_page_query()), Repeat::kSafe,
                [&](sql::PreparedStatement& ps) -> std::optional<CodePageRows> {
                  auto rs = query(bind_all(ps, purpose, Bytes{id_hash}, now));
                  if (!rs->next()) return std::nullopt;
                  CodePageRows rows{read_session_row(*rs, id_hash), std::nullopt};
                  do {
                    if (rs->isNull("id")) continue;
                    EmailCodeRow code = read_code(*rs);
                    if (!rows.newest || is_newer(code, *rows.newest)) rows.newest = std::move(code);
                  } while (rs->next());
                  return rows;
                });
}

}  // namespace xueji::store
