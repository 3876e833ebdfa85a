// site_text_store.cpp: the SQL of site_texts.
#include "sql/site_text_store.h"

namespace xueji::store {
namespace {

const std::string kReadSiteText = "SELECT body FROM site_texts WHERE name = ?";
const std::string kWriteSiteText =
    "INSERT INTO site_texts (name, body, updated_at) VALUES (?, ?, ?) "
    "ON DUPLICATE KEY UPDATE body = VALUES(body), updated_at = VALUES(updated_at)";

}  // namespace

std::optional<std::string> read_site_text(Db& db, const std::string& name) {
  return db.run(kReadSiteText, Repeat::kSafe,
                [&](sql::PreparedStatement& ps) -> std::optional<std::string> {
                  auto rs = query(bind_all(ps, name));
                  if (!rs->next()) return std::nullopt;
                  return rs->getString("body");
                });
}

void write_site_text(Db& db, const std::string& name, const std::string& body, TimePoint now) {
  db.run(kWriteSiteText, Repeat::kSafe, [&](sql::PreparedStatement& ps) {
    bind_all(ps, name, body, now).executeUpdate();
  });
}

}  // namespace xueji::store
