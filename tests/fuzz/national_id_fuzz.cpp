// national_id_fuzz.cpp: normalize_national_id is idempotent; a number classified valid has the
// documented shape, is found by contains_any_national_id, masks to the same length without its
// middle digits, and stops being valid when its check digit changes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/national_id.h"
#include "tests/fuzz/fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace xueji;
  std::string_view input = fuzz::as_text(data, size);
  std::string normalized = normalize_national_id(input);
  FUZZ_CHECK(normalize_national_id(normalized) == normalized);
  FUZZ_CHECK(normalized.size() <= input.size());
  FUZZ_CHECK(normalized.find_first_of("abcdefghijklmnopqrstuvwxyz") == std::string::npos);

  std::string masked = mask_national_id(input);
  FUZZ_CHECK(masked.size() == input.size());

  // A raw input with lower-case letters is never valid as it is.
  if (input.find_first_of("abcdefghijklmnopqrstuvwxyz") != std::string_view::npos) {
    FUZZ_CHECK(!is_valid_national_id(input));
  }

  auto kind = classify_national_id(normalized);
  if (!kind) return 0;
  FUZZ_CHECK(normalized.size() == 10);
  FUZZ_CHECK(normalized[0] >= 'A' && normalized[0] <= 'Z');
  const char second = normalized[1];
  switch (*kind) {
    case IdKind::kNationalId:
      FUZZ_CHECK(second == '1' || second == '2');
      break;
    case IdKind::kNewResident:
      FUZZ_CHECK(second == '8' || second == '9');
      break;
    case IdKind::kOldResident:
      FUZZ_CHECK(second >= 'A' && second <= 'D');
      break;
  }
  FUZZ_CHECK(normalized.find_first_not_of("0123456789", 2) == std::string::npos);
  FUZZ_CHECK(contains_any_national_id(normalized));
  FUZZ_CHECK(contains_any_national_id(input));
  FUZZ_CHECK(contains_any_national_id("name-" + std::string(input) + "-x"));

  std::string mask = mask_national_id(normalized);
  FUZZ_CHECK(mask == normalized.substr(0, 3) + "****" + normalized.substr(7));

  // The check digit catches every change of itself.
  for (char digit = '0'; digit <= '9'; ++digit) {
    if (digit == normalized[9]) continue;
    std::string other = normalized;
    other[9] = digit;
    FUZZ_CHECK(!is_valid_national_id(other));
  }
  return 0;
}
