// personal_data.h: how an ID number is kept: an HMAC under the server secret for lookups (the
// masked form, mask_national_id(), is for display). The clear number is never stored.
#pragma once
#include <string>
#include <string_view>

namespace xueji {

// 32 raw bytes; `normalized_id` is the output of normalize_national_id().
std::string national_id_hmac(std::string_view secret, std::string_view normalized_id);

}  // namespace xueji
