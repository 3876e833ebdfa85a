// parse.h: strict parsers for what arrives from nginx. Hostile input throws http::Error (400/413).
#pragma once
#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "fcgi/http.h"

namespace xueji::http {

struct Limits {
  std::size_t max_body = 16 * 1024;     // bytes of a url-encoded body
  std::size_t max_fields = 32;          // fields per query string, body or cookie header
  std::size_t max_name = 64;            // bytes of a field name
  std::size_t max_value = 4 * 1024;     // bytes of one decoded value
  std::size_t max_query = 2 * 1024;     // bytes of the raw query string
  std::size_t max_cookie_header = 8 * 1024;  // nginx's own header buffer; beyond it, ignored
  std::size_t max_own_cookies = 8;          // of ours; a repeated name counts each time
  bool line_breaks_in_values = false;       // CR, LF and TAB allowed in form values (textareas)
};

// The limits of a text-body route (nginx/routes): 2 MiB bodies and values, line breaks kept.
Limits text_body_limits();

// "a=1&b=%E4%B8%AD": invalid escapes, duplicate names, over-long or too many fields, names
// outside [A-Za-z0-9_.-], and values that are not valid UTF-8 or hold control characters are
// refused. '+' decodes to a space.
Fields parse_urlencoded(std::string_view text, const Limits& limits = {});
// "a=1; b=2": only our cookies (names beginning "xueji_" or "__Host-xueji_") are kept, a repeated
// name with each value in order. Other sites' cookies on the same host, however many, odd or
// repeated, are none of our business and never refuse the request.
Cookies parse_cookies(std::string_view header, const Limits& limits = {});
// CONTENT_LENGTH as nginx passes it: digits only; absent or malformed on a POST is a 400
// (411-like), over the cap a 413.
std::size_t parse_content_length(const char* value, const Limits& limits = {});
std::string percent_decode(std::string_view text);  // throws on a bad escape

// Builds a Request from the CGI variables nginx sends (any lookup function) and the body.
using Env = std::function<const char*(const char* name)>;
Request build_request(const Env& env, std::string_view body, const Limits& limits = {});

}  // namespace xueji::http
