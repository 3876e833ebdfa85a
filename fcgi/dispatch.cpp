// dispatch.cpp: parse → handler → response, with the single catch site and the request log line.
#include "fcgi/dispatch.h"

#include <chrono>
#include <cstdio>
#include <cstring>

#include "fcgi/error_page.h"
#include "sql/db.h"

namespace xueji {
namespace {

const char* reason_phrase(int status) {
  switch (status) {
    case 200: return "OK";
    case 303: return "See Other";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 413: return "Payload Too Large";
    case 422: return "Unprocessable Content";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return "Status";
  }
}

// Request ids come from nginx; anything but [0-9a-zA-Z-] is dropped so a log line stays one line.
std::string clean_for_log(std::string_view text) {
  std::string out;
  for (char c : text) {
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' ||
        c == '/' || c == '_' || c == '.') {
      out += c;
    }
  }
  return out.substr(0, 128);
}

void log_request(const Context& ctx, const std::string& method, const std::string& path,
                 int status, double ms, const std::string& request_id, const std::string& error) {
  std::fprintf(stderr, "xueji-%s method=%s path=%s status=%d ms=%.2f rid=%s%s%s\n",
               ctx.route.c_str(), clean_for_log(method).c_str(), clean_for_log(path).c_str(), status,
               ms, request_id.empty() ? "-" : request_id.c_str(), error.empty() ? "" : " error=",
               error.c_str());
}

std::string one_line(std::string text) {
  for (char& c : text) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return text.substr(0, 300);
}

// The Allow header of a 405: the route's methods, HEAD beside GET.
std::string allow_header(std::string_view methods) {
  std::string out;
  while (!methods.empty()) {
    std::size_t comma = methods.find(',');
    std::string_view one = methods.substr(0, comma);
    out += (out.empty() ? "" : ", ") + std::string(one);
    if (one == "GET") out += ", HEAD";
    methods = comma == std::string_view::npos ? std::string_view() : methods.substr(comma + 1);
  }
  return out;
}

// Request headers handed to handlers (http::Request::headers), each at most 4 KiB: the client
// authentication and bearer token of the OIDC back channel, and what nginx's auth_request sets
// for a protected application from /auth's answer (nginx/xueji-auth.conf overrides any the
// client sent).
constexpr const char* kPassedHeaders[] = {"HTTP_AUTHORIZATION", "HTTP_X_XUEJI_SUB",
                                          "HTTP_X_XUEJI_ACCOUNT", "HTTP_X_XUEJI_NAME",
                                          "HTTP_X_XUEJI_DUTIES"};
constexpr std::size_t kMaxPassedHeader = 4096;

void pass_headers(const http::Env& env, http::Request& request) {
  for (const char* name : kPassedHeaders) {
    const char* value = env(name);
    if (!value || !*value) continue;
    if (std::strlen(value) > kMaxPassedHeader) throw http::bad_request("header too long");
    request.headers.emplace(name, value);
  }
}

}  // namespace

bool method_allowed(std::string_view methods, std::string_view method) {
  if (method == "HEAD") method = "GET";
  while (!methods.empty()) {
    std::size_t comma = methods.find(',');
    if (methods.substr(0, comma) == method) return true;
    if (comma == std::string_view::npos) break;
    methods.remove_prefix(comma + 1);
  }
  return false;
}

http::Response dispatch(const Route& route, const http::Env& env, const BodyReader& read_body,
                        Context& ctx) {
  auto started = std::chrono::steady_clock::now();
  const char* method_value = env("REQUEST_METHOD");
  std::string method = method_value ? method_value : "";
  const char* uri_value = env("DOCUMENT_URI");
  std::string path = uri_value ? uri_value : "";
  const char* rid_value = env("REQUEST_ID");
  std::string request_id = clean_for_log(rid_value ? rid_value : "");
  ctx.pending_cookies.clear();

  http::Response response;
  std::string error;
  try {
    if (!method_allowed(route.methods, method)) throw http::method_not_allowed();
    http::Limits limits = route.text_body ? http::text_body_limits() : http::Limits{};
    std::string body;
    if (method == "POST") {
      body = read_body(http::parse_content_length(env("CONTENT_LENGTH"), limits));
    }
    http::Request request = http::build_request(env, body, limits);
    pass_headers(env, request);
    // HEAD is answered as GET without the body (the serializer drops it).
    if (request.method == "HEAD") request.method = "GET";
    response = route.handler(request, ctx);
  } catch (const http::Error& e) {
    error = one_line(e.what());
    response = error_page(e.status(), e.code(), e.public_message(), request_id, ctx);
    if (e.status() == 405) response.add_header("Allow", allow_header(route.methods));
  } catch (const store::Unavailable& e) {
    error = one_line(e.what());
    response = error_page(503, "E503-DB", "系統暫時無法服務，請稍候再試。", request_id, ctx);
  } catch (const std::exception& e) {
    error = one_line(e.what());
    response = error_page(500, "E500", "系統發生錯誤，請稍候再試。", request_id, ctx);
  }
  for (const std::string& cookie : ctx.pending_cookies) response.add_header("Set-Cookie", cookie);
  ctx.pending_cookies.clear();

  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
                  .count();
  log_request(ctx, method, path, response.status, ms, request_id, error);
  return response;
}

std::string serialize_response(const http::Response& response, bool include_body) {
  std::string out = "Status: " + std::to_string(response.status) + " " +
                    reason_phrase(response.status) + "\r\n";
  out += "Content-Type: " + response.content_type + "\r\n";
  bool has_cache_control = false;
  for (const auto& [name, value] : response.headers) {
    out += name + ": " + value + "\r\n";
    if (name == "Cache-Control") has_cache_control = true;
  }
  // Pages carry CSRF tokens and personal data: never cached unless a handler says otherwise.
  if (!has_cache_control) out += "Cache-Control: no-store\r\n";
  out += "Content-Length: " + std::to_string(response.body.size()) + "\r\n\r\n";
  if (include_body) out += response.body;
  return out;
}

}  // namespace xueji
