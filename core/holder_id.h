// holder_id.h: does a text contain the holder's own ID number, known only by its keyed hash?
// The wizard never keeps the clear number after 身分驗證, yet the account and password rules
// (product.md §3) must refuse it: every ten-character window is hashed the same way and compared.
#pragma once
#include <string_view>

namespace xueji {

// True when some ten consecutive bytes of `text`, upper-cased, hash (national_id_hmac under
// `secret`) to `id_hmac`.
bool contains_holder_id(std::string_view text, std::string_view secret, std::string_view id_hmac);

}  // namespace xueji
