// http.h: Request and Response as plain values, and the one exception type for failed requests.
#pragma once
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace xueji::http {

using Fields = std::map<std::string, std::string, std::less<>>;
// Cookies may repeat a name (a parent domain's site can set one of the same name): every value
// is kept, in the order sent.
using Cookies = std::multimap<std::string, std::string, std::less<>>;

struct Request {
  std::string method;        // "GET", "POST", ...
  std::string path;          // DOCUMENT_URI, without the query string
  std::string remote_addr;
  std::string request_id;    // nginx $request_id, for log lines and error pages
  std::string user_agent;
  Fields query;              // strictly parsed query string
  Fields form;               // strictly parsed url-encoded body (POST only)
  Cookies cookies;           // ours only (parse_cookies)
  // The few request headers a handler reads, by CGI name ("HTTP_AUTHORIZATION"); see
  // dispatch.cpp's kPassedHeaders.
  Fields headers;

  // Empty when absent.
  std::string_view field(std::string_view name) const;  // form field
  std::string_view param(std::string_view name) const;  // query parameter
  std::string_view cookie(std::string_view name) const;  // the first sent
  std::string_view header(std::string_view cgi_name) const;
  std::vector<std::string_view> cookie_values(std::string_view name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  // Header values are stripped of CR and LF so no value can start a new header.
  void add_header(std::string name, std::string_view value);
  // 303 See Other to a local path ("/login"); anything else is refused with an exception.
  static Response redirect(std::string_view local_path, int status = 303);
  static Response text(int status, std::string body);
};

// A request that cannot continue. Thrown anywhere, caught once by the dispatcher, which logs
// `detail` and shows the visitor `public_message` with the error code.
class Error : public std::runtime_error {
 public:
  Error(int status, std::string code, std::string public_message, std::string detail = {})
      : std::runtime_error(detail.empty() ? code : detail),
        status_(status),
        code_(std::move(code)),
        public_message_(std::move(public_message)) {}
  int status() const { return status_; }
  const std::string& code() const { return code_; }
  const std::string& public_message() const { return public_message_; }

 private:
  int status_;
  std::string code_;
  std::string public_message_;
};

Error bad_request(std::string detail);        // 400
Error forbidden(std::string detail);          // 403 (CSRF)
Error not_found();                            // 404
Error method_not_allowed();                   // 405
Error payload_too_large();                    // 413

}  // namespace xueji::http
