// personal_data.cpp: keyed hashing of ID numbers.
#include "core/personal_data.h"

#include "core/crypto.h"

namespace xueji {

std::string national_id_hmac(std::string_view secret, std::string_view normalized_id) {
  // The label keeps this use of the secret apart from every other HMAC made with it.
  return crypto::hmac_sha256(secret, "national-id\n" + std::string(normalized_id));
}

}  // namespace xueji
