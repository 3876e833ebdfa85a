// json.h: a small JSON writer for the OpenID Connect answers (discovery, tokens, claims, JWKS).
// Writing only: the server never needs to read JSON. Strings must be valid UTF-8 (every value
// here comes from the database or the strict request parser, which guarantee it).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace xueji::json {

// "text" with '"', '\\' and every control character escaped (\n, \t, … or \u00XX), and U+2028 /
// U+2029 as \u2028 / \u2029 so the text is also safe inside a script.
std::string quote(std::string_view text);

// An object built member by member, in the order added: {"a":1,"b":"x"}.
class Object {
 public:
  Object& add(std::string_view key, std::string_view value);
  Object& add(std::string_view key, const char* value) { return add(key, std::string_view(value)); }
  Object& add(std::string_view key, std::int64_t value);
  Object& add(std::string_view key, int value) { return add(key, std::int64_t{value}); }
  Object& add(std::string_view key, bool value);
  // A value that is already JSON (a nested object or array).
  Object& add_raw(std::string_view key, std::string_view json);
  std::string str() const { return "{" + body_ + "}"; }

 private:
  void key(std::string_view name);
  std::string body_;
};

// [..] of values that are already JSON.
std::string array_raw(const std::vector<std::string>& json_values);
// ["a","b"] of strings.
std::string array(const std::vector<std::string>& strings);

}  // namespace xueji::json
