// national_id.h: 身分證字號 and 統一證號 (resident numbers): format, check digit, mask.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace xueji {

// Trims ASCII whitespace at both ends and upper-cases ASCII letters; other bytes are kept, so
// full-width characters stay full-width and are then rejected by classify_national_id.
std::string normalize_national_id(std::string_view input);

enum class IdKind {
  kNationalId,   // 身分證字號: letter, 1 or 2, 8 digits
  kNewResident,  // 統一證號 issued since 2021: letter, 8 or 9, 8 digits
  kOldResident,  // 統一證號 before 2021: letter, A–D, 8 digits
};

// Which kind of number `normalized` is, or nullopt when its format or check digit is wrong.
// Expects the output of normalize_national_id: lower-case letters are rejected here.
std::optional<IdKind> classify_national_id(std::string_view normalized);

inline bool is_valid_national_id(std::string_view normalized) {
  return classify_national_id(normalized).has_value();
}

// "A12****789": the form shown on pages and stored beside the keyed hash. Input other than ten
// characters comes back as all stars of the same length, so a bad value never leaks.
std::string mask_national_id(std::string_view normalized);

// True when any ten consecutive characters of `text`, upper-cased, are shaped like one of the
// three kinds of number. The check digit is ignored on purpose: an account name must not look
// like anybody's ID number, valid or not.
bool contains_any_national_id(std::string_view text);

}  // namespace xueji
