// site_text_store.h: the site's editable texts (site_texts), e.g. the 系統公告.
#pragma once
#include <optional>
#include <string>

#include "sql/db.h"

namespace xueji::store {

inline constexpr const char* kAnnouncementText = "announcement";

std::optional<std::string> read_site_text(Db& db, const std::string& name);
void write_site_text(Db& db, const std::string& name, const std::string& body, TimePoint now);

}  // namespace xueji::store
