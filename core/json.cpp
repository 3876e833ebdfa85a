// json.cpp: escaping and the object/array writers of core/json.h.
#include "core/json.h"

namespace xueji::json {

std::string quote(std::string_view text) {
  static const char* hex = "0123456789abcdef";
  std::string out;
  out.reserve(text.size() + 2);
  out += '"';
  for (std::size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    switch (c) {
      case '"': out += "\\\""; continue;
      case '\\': out += "\\\\"; continue;
      case '\b': out += "\\b"; continue;
      case '\f': out += "\\f"; continue;
      case '\n': out += "\\n"; continue;
      case '\r': out += "\\r"; continue;
      case '\t': out += "\\t"; continue;
      default: break;
    }
    if (c < 0x20 || c == 0x7F) {
      out += "\\u00";
      out += hex[c >> 4];
      out += hex[c & 15];
    } else if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(text[i + 2]) == 0xA8 ||
                static_cast<unsigned char>(text[i + 2]) == 0xA9)) {
      // U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR end a line in JavaScript.
      out += static_cast<unsigned char>(text[i + 2]) == 0xA8 ? "\\u2028" : "\\u2029";
      i += 2;
    } else {
      out += static_cast<char>(c);
    }
  }
  out += '"';
  return out;
}

void Object::key(std::string_view name) {
  if (!body_.empty()) body_ += ',';
  body_ += quote(name);
  body_ += ':';
}

Object& Object::add(std::string_view name, std::string_view value) {
  key(name);
  body_ += quote(value);
  return *this;
}

Object& Object::add(std::string_view name, std::int64_t value) {
  key(name);
  body_ += std::to_string(value);
  return *this;
}

Object& Object::add(std::string_view name, bool value) {
  key(name);
  body_ += value ? "true" : "false";
  return *this;
}

Object& Object::add_raw(std::string_view name, std::string_view json) {
  key(name);
  body_ += json;
  return *this;
}

std::string array_raw(const std::vector<std::string>& json_values) {
  std::string out = "[";
  for (std::size_t i = 0; i < json_values.size(); ++i) {
    if (i) out += ',';
    out += json_values[i];
  }
  return out + "]";
}

std::string array(const std::vector<std::string>& strings) {
  std::vector<std::string> quoted;
  quoted.reserve(strings.size());
  for (const auto& s : strings) quoted.push_back(quote(s));
  return array_raw(quoted);
}

}  // namespace xueji::json
