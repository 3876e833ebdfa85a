// phone.cpp: Taiwan phone numbers — separators dropped, the area code found by its longest
// prefix, the subscriber number's length checked against that area's.
#include "core/phone.h"

#include <array>

namespace xueji {
namespace {

constexpr std::size_t kMaxInputBytes = 60;
constexpr std::size_t kMaxExtensionDigits = 6;

struct Area {
  std::string_view code;
  std::size_t min_digits;  // subscriber number length after the area code
  std::size_t max_digits;
};

// Longer codes first so 037 (苗栗) wins over 03 and 0836 (馬祖) over 08. 04 has 8-digit numbers
// in 台中 and 7-digit ones in 彰化.
constexpr std::array<Area, 13> kAreas = {{
    {"0836", 5, 5},  // 馬祖
    {"0826", 5, 5},  // 烏坵
    {"082", 6, 6},   // 金門
    {"089", 6, 6},   // 臺東
    {"037", 6, 6},   // 苗栗
    {"049", 7, 7},   // 南投
    {"02", 8, 8},    // 臺北、新北、基隆
    {"03", 7, 7},    // 桃園、新竹、宜蘭、花蓮
    {"04", 7, 8},    // 臺中、彰化
    {"05", 7, 7},    // 嘉義、雲林
    {"06", 7, 7},    // 臺南、澎湖
    {"07", 7, 7},    // 高雄
    {"08", 7, 7},    // 屏東
}};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Full-width forms typed with Chinese input methods become their ASCII twins; the ideographic
// space becomes a plain space. Other bytes are kept as they are.
std::string to_ascii_forms(std::string_view in) {
  std::string out;
  for (std::size_t i = 0; i < in.size(); ++i) {
    auto b0 = static_cast<unsigned char>(in[i]);
    if (b0 == 0xEF && i + 2 < in.size() && static_cast<unsigned char>(in[i + 1]) == 0xBC) {
      auto b2 = static_cast<unsigned char>(in[i + 2]);
      if (b2 >= 0x80 && b2 <= 0xBF) {  // U+FF00..U+FF3F: ！..＿ map to 0x20 + offset
        out += static_cast<char>(b2 - 0x80 + 0x20);
        i += 2;
        continue;
      }
    }
    if (b0 == 0xE3 && i + 2 < in.size() && static_cast<unsigned char>(in[i + 1]) == 0x80 &&
        static_cast<unsigned char>(in[i + 2]) == 0x80) {
      out += ' ';
      i += 2;
      continue;
    }
    out += in[i];
  }
  return out;
}

// Digits of `text` once the separators people type are dropped; nullopt if anything else is in it.
std::optional<std::string> digits_only(std::string_view text) {
  std::string digits;
  for (char c : text) {
    if (is_digit(c)) {
      digits += c;
    } else if (c != ' ' && c != '-' && c != '(' && c != ')' && c != '\t') {
      return std::nullopt;
    }
  }
  return digits;
}

std::string lower_ascii(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

}  // namespace

std::optional<std::string> normalize_phone(std::string_view input) {
  if (input.size() > kMaxInputBytes) return std::nullopt;
  std::string text = lower_ascii(to_ascii_forms(input));

  // The extension: everything after the first marker.
  std::string extension;
  std::size_t marker = std::string::npos;
  std::size_t marker_length = 0;
  for (std::string_view m : {std::string_view("#"), std::string_view("ext."),
                             std::string_view("ext"), std::string_view("分機")}) {
    std::size_t at = text.find(m);
    if (at != std::string::npos && at < marker) {
      marker = at;
      marker_length = m.size();
    }
  }
  if (marker != std::string::npos) {
    auto ext = digits_only(std::string_view(text).substr(marker + marker_length));
    if (!ext || ext->empty() || ext->size() > kMaxExtensionDigits) return std::nullopt;
    extension = *ext;
    text.erase(marker);
  }

  // "+886" or "886" stands for the leading 0 of a domestic number.
  std::size_t first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return std::nullopt;
  text.erase(0, first);
  bool international = false;
  if (text.rfind("+", 0) == 0) {
    text.erase(0, 1);
    international = true;
  }
  auto digits = digits_only(text);
  if (!digits || digits->empty()) return std::nullopt;
  if (digits->rfind("886", 0) == 0 && (international || digits->size() >= 11)) {
    digits->replace(0, 3, "0");
    if (digits->rfind("00", 0) == 0) digits->erase(0, 1);  // "+886 02…" written with its 0
  } else if (international) {
    return std::nullopt;  // only Taiwan numbers are accepted
  }
  if (digits->front() != '0') return std::nullopt;

  if (digits->rfind("09", 0) == 0) {
    if (digits->size() != 10 || !extension.empty()) return std::nullopt;
    return *digits;
  }
  for (const Area& area : kAreas) {
    if (digits->rfind(area.code, 0) != 0) continue;
    std::size_t rest = digits->size() - area.code.size();
    if (rest < area.min_digits || rest > area.max_digits) return std::nullopt;
    // A subscriber number never starts with 0 or 1 (those lead to other services).
    char lead = (*digits)[area.code.size()];
    if (lead == '0' || lead == '1') return std::nullopt;
    std::string out = std::string(area.code) + "-" + digits->substr(area.code.size());
    if (!extension.empty()) out += "#" + extension;
    return out;
  }
  return std::nullopt;
}

}  // namespace xueji
