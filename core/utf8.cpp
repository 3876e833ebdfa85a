// utf8.cpp: the one UTF-8 check of the product (see utf8.h).
#include "core/utf8.h"

namespace xueji {

namespace {

// The code point of the well-formed sequence at text[i] and its length in bytes, or a length of
// 0: a continuation byte first, an overlong form, a surrogate, a value past U+10FFFF or a
// sequence cut short.
struct Decoded {
  char32_t code_point = 0;
  std::size_t length = 0;
};

Decoded decode_at(std::string_view text, std::size_t i) {
  auto b = static_cast<unsigned char>(text[i]);
  if (b < 0x80) return {b, 1};
  std::size_t extra;
  char32_t cp;
  if (b >= 0xC2 && b <= 0xDF) {
    extra = 1;
    cp = b & 0x1F;
  } else if (b >= 0xE0 && b <= 0xEF) {
    extra = 2;
    cp = b & 0x0F;
  } else if (b >= 0xF0 && b <= 0xF4) {
    extra = 3;
    cp = b & 0x07;
  } else {
    return {};  // a continuation byte first, an overlong lead (C0/C1) or F5..FF
  }
  if (i + extra >= text.size()) return {};  // truncated at the end
  for (std::size_t k = 1; k <= extra; ++k) {
    auto c = static_cast<unsigned char>(text[i + k]);
    if ((c & 0xC0) != 0x80) return {};
    cp = (cp << 6) | (c & 0x3F);
  }
  if ((extra == 2 && cp < 0x800) || (extra == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
      (cp >= 0xD800 && cp <= 0xDFFF)) {
    return {};
  }
  return {cp, extra + 1};
}

}  // namespace

bool is_valid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    Decoded d = decode_at(text, i);
    if (d.length == 0) return false;
    i += d.length;
  }
  return true;
}

std::vector<char32_t> utf8_code_points(std::string_view text) {
  std::vector<char32_t> out;
  for (std::size_t i = 0; i < text.size();) {
    Decoded d = decode_at(text, i);
    out.push_back(d.length == 0 ? U'\uFFFD' : d.code_point);
    i += d.length == 0 ? 1 : d.length;
  }
  return out;
}

std::size_t utf8_length(std::string_view text) {
  std::size_t n = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

}  // namespace xueji
