// address_mask.h: e-mail addresses as log lines and CLI output may show them — the first
// character of the local part and the domain, `t***@example.com` — so no recipient appears in
// clear outside the database.
#pragma once
#include <string>
#include <string_view>

namespace xueji {

// One address: "teacher@example.com" → "t***@example.com"; text without an '@' → "***".
std::string mask_address(std::string_view address);

// Free text (an SMTP reply, an error message) with every address-like run `local@domain`
// masked as mask_address does; everything else kept. Masking twice changes nothing more.
std::string mask_addresses(std::string_view text);

}  // namespace xueji
