// national_id.cpp: classification and check-digit arithmetic of product.md §2.
#include "core/national_id.h"

#include <array>

namespace xueji {
namespace {

constexpr std::size_t kIdLength = 10;

// The letters in the order of their two-digit codes 10..35. The order is historical (I, O, W–Z
// were added late), which is why it is not alphabetical.
constexpr std::string_view kLetterOrder = "ABCDEFGHJKLMNPQRSTUVXYWZIO";

// Weights over: letter tens, letter units, the 8 following digits, the check digit.
constexpr std::array<int, 11> kWeights = {1, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1};

bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
char to_upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

int letter_code(char c) { return static_cast<int>(kLetterOrder.find(c)) + 10; }

// The kind the first two characters announce, ignoring the other eight.
std::optional<IdKind> kind_of_prefix(char first, char second) {
  if (!is_upper(first)) return std::nullopt;
  if (second == '1' || second == '2') return IdKind::kNationalId;
  if (second == '8' || second == '9') return IdKind::kNewResident;
  if (second >= 'A' && second <= 'D') return IdKind::kOldResident;
  return std::nullopt;
}

// Format only: ten characters, a known prefix, eight digits.
std::optional<IdKind> kind_of_shape(std::string_view s) {
  if (s.size() != kIdLength) return std::nullopt;
  const auto kind = kind_of_prefix(s[0], s[1]);
  if (!kind) return std::nullopt;
  for (std::size_t i = 2; i < kIdLength; ++i) {
    if (!is_digit(s[i])) return std::nullopt;
  }
  return kind;
}

bool checksum_ok(std::string_view s, IdKind kind) {
  const int first = letter_code(s[0]);
  // An old resident number's second letter stands for the units digit of its own code.
  const int second = kind == IdKind::kOldResident ? letter_code(s[1]) % 10 : s[1] - '0';
  std::array<int, 11> values{first / 10, first % 10, second};
  for (std::size_t i = 2; i < kIdLength; ++i) values[i + 1] = s[i] - '0';
  int sum = 0;
  for (std::size_t i = 0; i < values.size(); ++i) sum += values[i] * kWeights[i];
  return sum % 10 == 0;
}

}  // namespace

std::string normalize_national_id(std::string_view input) {
  while (!input.empty() && is_ascii_space(input.front())) input.remove_prefix(1);
  while (!input.empty() && is_ascii_space(input.back())) input.remove_suffix(1);
  std::string out(input);
  for (char& c : out) c = to_upper(c);
  return out;
}

std::optional<IdKind> classify_national_id(std::string_view normalized) {
  const auto kind = kind_of_shape(normalized);
  if (!kind || !checksum_ok(normalized, *kind)) return std::nullopt;
  return kind;
}

std::string mask_national_id(std::string_view normalized) {
  if (normalized.size() != kIdLength) return std::string(normalized.size(), '*');
  return std::string(normalized.substr(0, 3)) + "****" + std::string(normalized.substr(7));
}

bool contains_any_national_id(std::string_view text) {
  if (text.size() < kIdLength) return false;
  std::string upper(text);
  for (char& c : upper) c = to_upper(c);
  const std::string_view view(upper);
  for (std::size_t start = 0; start + kIdLength <= view.size(); ++start) {
    if (kind_of_shape(view.substr(start, kIdLength))) return true;
  }
  return false;
}

}  // namespace xueji
