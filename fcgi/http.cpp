// http.cpp: Response helpers and the typed errors every part of a request may throw.
#include "fcgi/http.h"

namespace xueji::http {
namespace {

std::string_view lookup(const Fields& fields, std::string_view name) {
  auto it = fields.find(name);
  return it == fields.end() ? std::string_view{} : std::string_view{it->second};
}

// A local path is "/" followed by anything but a second "/" or "\" (which browsers read as
// another host), with no control characters.
bool is_local_path(std::string_view path) {
  if (path.empty() || path[0] != '/') return false;
  if (path.size() > 1 && (path[1] == '/' || path[1] == '\\')) return false;
  for (unsigned char c : path) {
    if (c < 0x20 || c == 0x7f) return false;
  }
  return true;
}

}  // namespace

std::string_view Request::field(std::string_view name) const { return lookup(form, name); }
std::string_view Request::param(std::string_view name) const { return lookup(query, name); }
std::string_view Request::cookie(std::string_view name) const {
  auto it = cookies.lower_bound(name);  // equal names keep their order: this is the first sent
  return it == cookies.end() || it->first != name ? std::string_view{} : std::string_view{it->second};
}

std::vector<std::string_view> Request::cookie_values(std::string_view name) const {
  std::vector<std::string_view> values;
  for (auto [it, end] = cookies.equal_range(name); it != end; ++it) values.emplace_back(it->second);
  return values;
}

void Response::add_header(std::string name, std::string_view value) {
  std::string clean;
  clean.reserve(value.size());
  for (char c : value) {
    if (c != '\r' && c != '\n') clean += c;
  }
  headers.emplace_back(std::move(name), std::move(clean));
}

std::string_view Request::header(std::string_view cgi_name) const {
  auto it = headers.find(cgi_name);
  return it == headers.end() ? std::string_view() : std::string_view(it->second);
}

Response Response::redirect(std::string_view local_path, int status) {
  if (!is_local_path(local_path)) {
    throw std::invalid_argument("redirect to a non-local path refused");
  }
  Response r;
  r.status = status;
  r.add_header("Location", local_path);
  r.content_type = "text/plain; charset=utf-8";
  return r;
}

Response Response::text(int status, std::string body) {
  Response r;
  r.status = status;
  r.content_type = "text/plain; charset=utf-8";
  r.body = std::move(body);
  return r;
}

Error bad_request(std::string detail) {
  return Error(400, "E400", "您送出的資料格式不正確，請重新整理頁面後再試一次。", std::move(detail));
}
Error forbidden(std::string detail) {
  return Error(403, "E403", "網頁已過期或表單驗證失敗，請重新整理頁面後再試一次。", std::move(detail));
}
Error not_found() { return Error(404, "E404", "找不到您要的網頁。", "not found"); }
Error method_not_allowed() {
  return Error(405, "E405", "不支援此操作方式，請由頁面上的按鈕操作。", "method not allowed");
}
Error payload_too_large() {
  return Error(413, "E413", "送出的資料過大，請檢查輸入內容後再試一次。", "body over the cap");
}

}  // namespace xueji::http
