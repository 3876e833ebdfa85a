// phone_fuzz.cpp: normalize_phone gives nothing or one canonical form — a mobile "09" + 8 digits,
// or "<area>-<number>" with an optional "#<extension>" — and the canonical form is its own
// normalization (the function is idempotent).
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/phone.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

bool all_digits(std::string_view text) {
  return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace xueji;
  std::string_view input = fuzz::as_text(data, size);
  auto phone = normalize_phone(input);
  if (!phone) return 0;
  FUZZ_CHECK(input.size() <= 60);
  const std::string& p = *phone;
  FUZZ_CHECK(normalize_phone(p) == phone);
  if (p.starts_with("09")) {
    FUZZ_CHECK(p.size() == 10 && all_digits(p));
    return 0;
  }
  std::size_t dash = p.find('-');
  FUZZ_CHECK(dash >= 2 && dash <= 4);
  std::string_view area = std::string_view(p).substr(0, dash);
  FUZZ_CHECK(area[0] == '0' && all_digits(area));
  std::string_view rest = std::string_view(p).substr(dash + 1);
  std::size_t hash = rest.find('#');
  std::string_view number = rest.substr(0, hash);
  FUZZ_CHECK(all_digits(number) && number.size() >= 5 && number.size() <= 8);
  FUZZ_CHECK(number[0] != '0' && number[0] != '1');
  if (hash != std::string_view::npos) {
    std::string_view extension = rest.substr(hash + 1);
    FUZZ_CHECK(all_digits(extension) && extension.size() <= 6);
  }
  return 0;
}
