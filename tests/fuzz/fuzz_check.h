// fuzz_check.h: what the fuzz targets share — a property check that aborts whatever NDEBUG says
// (libFuzzer then saves the input), and the input cut into several text parts.
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

#define FUZZ_CHECK(condition) \
  ((condition) ? (void)0 : ::xueji::fuzz::fail(#condition, __FILE__, __LINE__))

namespace xueji::fuzz {

[[noreturn]] inline void fail(const char* what, const char* file, int line) {
  std::fprintf(stderr, "%s:%d: property violated: %s\n", file, line, what);
  std::abort();
}

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// The parts of `text` between 0xFF bytes, always `count` of them (missing ones empty; the last
// keeps any further 0xFF). 0xFF never occurs in UTF-8, so a part still holds every other byte,
// invalid UTF-8, NUL, CR and LF included, and corpus files stay writable with printf.
inline std::vector<std::string_view> split_parts(std::string_view text, std::size_t count) {
  std::vector<std::string_view> parts;
  while (parts.size() + 1 < count) {
    std::size_t cut = text.find('\xFF');
    if (cut == std::string_view::npos) break;
    parts.push_back(text.substr(0, cut));
    text.remove_prefix(cut + 1);
  }
  parts.push_back(text);
  parts.resize(count);
  return parts;
}

}  // namespace xueji::fuzz
