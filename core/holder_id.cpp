// holder_id.cpp: finding the holder's ID number in a text through its HMAC.
#include "core/holder_id.h"

#include <string>

#include "core/crypto.h"
#include "core/personal_data.h"

namespace xueji {

bool contains_holder_id(std::string_view text, std::string_view secret, std::string_view id_hmac) {
  constexpr std::size_t kIdLength = 10;
  if (text.size() < kIdLength || id_hmac.empty()) return false;
  std::string upper(text);
  for (char& c : upper) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  bool found = false;
  // Every window is hashed, found or not, so the time taken says nothing about where it was.
  for (std::size_t start = 0; start + kIdLength <= upper.size(); ++start) {
    std::string hmac = national_id_hmac(secret, std::string_view(upper).substr(start, kIdLength));
    found = crypto::constant_time_equal(hmac, id_hmac) || found;
  }
  return found;
}

}  // namespace xueji
