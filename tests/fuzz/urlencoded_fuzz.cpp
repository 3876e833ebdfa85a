// urlencoded_fuzz.cpp: parse_urlencoded (query strings and form bodies) either refuses with
// http::Error 400/413 or returns fields within every limit, and its result survives
// percent_encode and a second parse unchanged.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/percent_encoding.h"
#include "core/utf8.h"
#include "fcgi/parse.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

using namespace xueji::http;
using xueji::percent_encode;

bool name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '.' || c == '-';
}

// Small limits, so a short input reaches every one of them.
Limits tight_limits() {
  Limits limits;
  limits.max_fields = 4;
  limits.max_name = 8;
  limits.max_value = 16;
  return limits;
}

void check_within_limits(const Fields& fields, const Limits& limits) {
  FUZZ_CHECK(fields.size() <= limits.max_fields);
  for (const auto& [name, value] : fields) {
    FUZZ_CHECK(!name.empty() && name.size() <= limits.max_name);
    for (char c : name) FUZZ_CHECK(name_char(c));
    FUZZ_CHECK(value.size() <= limits.max_value);
    FUZZ_CHECK(xueji::is_valid_utf8(value));
    for (unsigned char c : value) FUZZ_CHECK(c >= 0x20 && c != 0x7F);
  }
}

}  // namespace

// The first byte picks the limits (odd: tight ones); the rest is the text.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const Limits limits = (data[0] & 1) ? tight_limits() : Limits{};
  std::string_view text = xueji::fuzz::as_text(data + 1, size - 1);

  // Any byte string survives percent_encode → percent_decode.
  FUZZ_CHECK(percent_decode(percent_encode(text)) == text);

  Fields fields;
  try {
    fields = parse_urlencoded(text, limits);
  } catch (const Error& e) {  // hostile input: the one expected refusal
    FUZZ_CHECK(e.status() == 400 || e.status() == 413);
    return 0;
  }
  check_within_limits(fields, limits);
  std::string again;
  for (const auto& [name, value] : fields) {
    if (!again.empty()) again += '&';
    again += percent_encode(name) + "=" + percent_encode(value);
  }
  FUZZ_CHECK(parse_urlencoded(again, limits) == fields);  // a throw here is a finding too
  return 0;
}
