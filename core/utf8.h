// utf8.h: UTF-8 text, checked once for every input (HTTP fields, CSV files, announcements) and
// measured in code points.
#pragma once
#include <cstddef>
#include <string_view>
#include <vector>

namespace xueji {

// True when text is well-formed UTF-8 (no overlong forms, surrogates or values past U+10FFFF).
bool is_valid_utf8(std::string_view text);

// Number of code points of well-formed UTF-8 text.
std::size_t utf8_length(std::string_view text);

// The code points of text; each byte that does not start a well-formed sequence becomes one
// U+FFFD, so malformed text still counts one character per bad byte.
std::vector<char32_t> utf8_code_points(std::string_view text);

}  // namespace xueji
