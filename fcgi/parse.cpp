// parse.cpp: strict parsing of query strings, url-encoded bodies, cookies and CONTENT_LENGTH.
#include "fcgi/parse.h"

#include "core/crypto.h"
#include "core/utf8.h"

#include <cstdint>
#include <cstring>

namespace xueji::http {
namespace {

bool valid_field_name(std::string_view name, const Limits& limits) {
  if (name.empty() || name.size() > limits.max_name) return false;
  for (char c : name) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '.' || c == '-';
    if (!ok) return false;
  }
  return true;
}

bool has_control_characters(std::string_view text, bool line_breaks_allowed) {
  for (unsigned char c : text) {
    if (line_breaks_allowed && (c == '\n' || c == '\r' || c == '\t')) continue;
    if (c < 0x20 || c == 0x7f) return true;
  }
  return false;
}

std::string_view trim_spaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::string percent_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '+') {
      out += ' ';
    } else if (c == '%') {
      if (i + 2 >= text.size()) {
        throw bad_request("truncated percent-escape");
      }
      int hi = crypto::hex_digit_value(text[i + 1]);
      int lo = crypto::hex_digit_value(text[i + 2]);
      if (hi < 0 || lo < 0) throw bad_request("invalid percent-escape");
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

Limits text_body_limits() {
  Limits limits;
  limits.max_body = 2u << 20;
  limits.max_value = 2u << 20;
  limits.line_breaks_in_values = true;
  return limits;
}

Fields parse_urlencoded(std::string_view text, const Limits& limits) {
  Fields fields;
  while (!text.empty()) {
    std::size_t amp = text.find('&');
    std::string_view piece = text.substr(0, amp);
    text = amp == std::string_view::npos ? std::string_view{} : text.substr(amp + 1);
    if (piece.empty()) continue;  // "a=1&&b=2" and a trailing '&' carry nothing
    std::size_t eq = piece.find('=');
    std::string name = percent_decode(piece.substr(0, eq));
    std::string value = eq == std::string_view::npos ? "" : percent_decode(piece.substr(eq + 1));
    if (!valid_field_name(name, limits)) throw bad_request("invalid field name");
    if (value.size() > limits.max_value) throw bad_request("field value too long: " + name);
    if (!is_valid_utf8(value) || has_control_characters(value, limits.line_breaks_in_values)) {
      throw bad_request("field value is not clean UTF-8: " + name);
    }
    if (fields.size() >= limits.max_fields) throw bad_request("too many fields");
    if (!fields.emplace(std::move(name), std::move(value)).second) {
      throw bad_request("duplicate field");
    }
  }
  return fields;
}

Cookies parse_cookies(std::string_view header, const Limits& limits) {
  Cookies cookies;
  header = header.substr(0, limits.max_cookie_header);
  while (!header.empty() && cookies.size() < limits.max_own_cookies) {
    std::size_t semi = header.find(';');
    std::string_view piece = trim_spaces(header.substr(0, semi));
    header = semi == std::string_view::npos ? std::string_view{} : header.substr(semi + 1);
    std::size_t eq = piece.find('=');
    if (piece.empty() || eq == std::string_view::npos) continue;
    std::string_view name = trim_spaces(piece.substr(0, eq));
    std::string_view value = trim_spaces(piece.substr(eq + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    }
    bool ours = name.starts_with("xueji_") || name.starts_with("__Host-xueji_");
    if (!ours || !valid_field_name(name, limits) || has_control_characters(value, false)) continue;
    cookies.emplace(std::string(name), std::string(value));
  }
  return cookies;
}

std::size_t parse_content_length(const char* value, const Limits& limits) {
  if (value == nullptr || *value == '\0') throw bad_request("missing CONTENT_LENGTH");
  std::size_t length = 0;
  std::size_t digits = std::strlen(value);
  if (digits > 12) throw payload_too_large();
  for (const char* p = value; *p; ++p) {
    if (*p < '0' || *p > '9') throw bad_request("malformed CONTENT_LENGTH");
    length = length * 10 + static_cast<std::size_t>(*p - '0');
  }
  if (length > limits.max_body) throw payload_too_large();
  return length;
}

Request build_request(const Env& env, std::string_view body, const Limits& limits) {
  auto get = [&](const char* name) -> std::string {
    const char* v = env(name);
    return v ? std::string(v) : std::string();
  };
  Request req;
  req.method = get("REQUEST_METHOD");
  req.path = get("DOCUMENT_URI");
  if (req.path.empty()) req.path = get("SCRIPT_NAME");
  req.remote_addr = get("REMOTE_ADDR");
  req.request_id = get("REQUEST_ID");
  if (req.request_id.size() > 64) req.request_id.resize(64);
  req.user_agent = get("HTTP_USER_AGENT");

  std::string query = get("QUERY_STRING");
  if (query.size() > limits.max_query) throw bad_request("query string too long");
  req.query = parse_urlencoded(query, limits);
  req.cookies = parse_cookies(get("HTTP_COOKIE"), limits);

  if (req.method == "POST") {
    std::string type = get("CONTENT_TYPE");
    std::string_view base = std::string_view(type).substr(0, type.find(';'));
    if (!body.empty() && trim_spaces(base) != "application/x-www-form-urlencoded") {
      throw bad_request("unsupported content type");
    }
    req.form = parse_urlencoded(body, limits);
  }
  return req;
}

}  // namespace xueji::http
