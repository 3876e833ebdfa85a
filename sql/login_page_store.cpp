// login_page_store.cpp: sessions joined with accounts, persons and duties.
#include "sql/login_page_store.h"

namespace xueji::store {
namespace {

const std::string& login_page_query() {
  static const std::string text =
      "SELECT STRAIGHT_JOIN " + session_columns() + ", " + account_with_duties_columns() +
      " FROM sessions s LEFT JOIN accounts a ON a.id = s.account_id "
      "LEFT JOIN persons p ON p.id = a.person_id " +
      account_with_duties_joins() + " WHERE s.id_hash = UNHEX(?) AND s.expires_at > ?";
  return text;
}

}  // namespace

std::optional<LoginPageRows> find_login_page_rows(Db& db, const std::string& id_hash, TimePoint now,
                                                  int fallback_year) {
  return db.run(db.causal(login_page_query()), Repeat::kSafe,
                [&](sql::PreparedStatement& ps) -> std::optional<LoginPageRows> {
                  auto rs = query(bind_all(ps, fallback_year, fallback_year, Bytes{id_hash}, now));
                  if (!rs->next()) return std::nullopt;
                  LoginPageRows rows{read_session_row(*rs, id_hash), std::nullopt};
                  if (!rs->isNull("id")) rows.account = read_account_with_duties(*rs);
                  return rows;
                });
}

}  // namespace xueji::store
