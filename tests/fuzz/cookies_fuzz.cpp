// cookies_fuzz.cpp: parse_cookies never refuses a request (no exception at all), keeps only our
// cookies, within the limits and free of control characters, and its result survives being
// written back as a header and parsed again.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>

#include "fcgi/parse.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

using namespace xueji::http;

bool name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '.' || c == '-';
}

Limits tight_limits() {
  Limits limits;
  limits.max_name = 16;
  limits.max_cookie_header = 64;
  limits.max_own_cookies = 2;
  return limits;
}

}  // namespace

// The first byte picks the limits (odd: tight ones); the rest is the Cookie header.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const Limits limits = (data[0] & 1) ? tight_limits() : Limits{};
  std::string_view header = xueji::fuzz::as_text(data + 1, size - 1);

  Cookies cookies = parse_cookies(header, limits);  // must not throw, whatever the header

  FUZZ_CHECK(cookies.size() <= limits.max_own_cookies);
  std::string_view seen = header.substr(0, limits.max_cookie_header);
  for (const auto& [name, value] : cookies) {
    FUZZ_CHECK(name.starts_with("xueji_") || name.starts_with("__Host-xueji_"));
    FUZZ_CHECK(name.size() <= limits.max_name);
    for (char c : name) FUZZ_CHECK(name_char(c));
    for (unsigned char c : value) FUZZ_CHECK(c >= 0x20 && c != 0x7F);
    FUZZ_CHECK(value.find(';') == std::string::npos);
    FUZZ_CHECK(seen.find(value) != std::string_view::npos);  // taken from what was read
  }

  // Written back with every value quoted, the same cookies in the same order come out.
  std::string again;
  for (const auto& [name, value] : cookies) {
    if (!again.empty()) again += "; ";
    again += name + "=\"" + value + "\"";
  }
  Limits roomy = limits;
  roomy.max_cookie_header = std::numeric_limits<std::size_t>::max();
  FUZZ_CHECK(parse_cookies(again, roomy) == cookies);
  return 0;
}
