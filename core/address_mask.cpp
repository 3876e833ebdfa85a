// address_mask.cpp: masking the local part of e-mail addresses for logs and CLI output.
#include "core/address_mask.h"

namespace xueji {
namespace {

constexpr std::string_view kMask = "***";

bool is_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Characters of a local part as SMTP servers quote it back (dot-atom), generously: a run of
// them before an '@' is treated as a local part.
bool is_local_char(char c) {
  static constexpr std::string_view kSpecials = "!#$%&'*+/=?^_`{|}~-.";
  return is_alnum(c) || kSpecials.find(c) != std::string_view::npos;
}

bool is_domain_char(char c) { return is_alnum(c) || c == '-' || c == '.' || c == '_'; }

std::string masked_local(std::string_view local) {
  return std::string(local.substr(0, 1)) + std::string(kMask);
}

}  // namespace

std::string mask_address(std::string_view address) {
  std::size_t at = address.rfind('@');
  if (at == std::string_view::npos || at == 0) return std::string(kMask);
  return masked_local(address.substr(0, at)) + std::string(address.substr(at));
}

std::string mask_addresses(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t copied = 0;  // text[0, copied) is already in out
  for (std::size_t at = text.find('@'); at != std::string_view::npos; at = text.find('@', at + 1)) {
    std::size_t start = at;
    while (start > copied && is_local_char(text[start - 1])) --start;
    bool has_domain = at + 1 < text.size() && is_domain_char(text[at + 1]);
    if (start == at || !has_domain) continue;
    out.append(text.substr(copied, start - copied));
    out += masked_local(text.substr(start, at - start));
    copied = at;  // the '@' and the domain follow as they are
  }
  out.append(text.substr(copied));
  return out;
}

}  // namespace xueji
