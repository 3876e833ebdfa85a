// http_client.cpp: libcurl easy handle with its in-memory cookie engine.
#include "tests/integration/support/http_client.h"

#include <curl/curl.h>

#include <algorithm>
#include <regex>
#include <stdexcept>

#include "tests/integration/support/stack.h"

namespace xueji::testing {

struct Browser::Handle {
  CURL* curl = nullptr;
  std::vector<std::string> extra_headers;
  curl_slist* connect_to = nullptr;
  ~Handle() {
    if (curl) curl_easy_cleanup(curl);
    curl_slist_free_all(connect_to);
  }
};

namespace {

size_t write_body(char* data, size_t size, size_t count, void* user) {
  static_cast<std::string*>(user)->append(data, size * count);
  return size * count;
}

size_t write_header(char* data, size_t size, size_t count, void* user) {
  std::string line(data, size * count);
  auto colon = line.find(':');
  if (colon != std::string::npos) {
    std::string name = line.substr(0, colon);
    std::transform(name.begin(), name.end(), name.begin(), ::tolower);
    std::string value = line.substr(colon + 1);
    value.erase(0, value.find_first_not_of(" \t"));
    while (!value.empty() && (value.back() == '\r' || value.back() == '\n')) value.pop_back();
    static_cast<std::multimap<std::string, std::string>*>(user)->emplace(name, value);
  }
  return size * count;
}

}  // namespace

std::string HttpResponse::header(const std::string& lower_name) const {
  auto it = headers.find(lower_name);
  return it == headers.end() ? "" : it->second;
}

Browser::Browser() : handle_(std::make_unique<Handle>()) {
  handle_->curl = curl_easy_init();
  if (!handle_->curl) throw std::runtime_error("curl_easy_init failed");
  curl_easy_setopt(handle_->curl, CURLOPT_COOKIEFILE, "");  // enable the cookie engine
  curl_easy_setopt(handle_->curl, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(handle_->curl, CURLOPT_TIMEOUT, 30L);
}

Browser::~Browser() = default;

HttpResponse Browser::perform(const std::string& path, const std::string* body,
                              const std::string& type) {
  CURL* c = handle_->curl;
  HttpResponse r;
  std::string url = base_url() + path;
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, write_body);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &r.body);
  curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, write_header);
  curl_easy_setopt(c, CURLOPT_HEADERDATA, &r.headers);
  curl_slist* headers = nullptr;
  if (body) {
    curl_easy_setopt(c, CURLOPT_POST, 1L);
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, body->c_str());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, static_cast<long>(body->size()));
    headers = curl_slist_append(headers, ("Content-Type: " + type).c_str());
    headers = curl_slist_append(headers, "Expect:");
  } else {
    curl_easy_setopt(c, CURLOPT_HTTPGET, 1L);
  }
  for (const std::string& line : handle_->extra_headers) headers = curl_slist_append(headers, line.c_str());
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
  CURLcode rc = curl_easy_perform(c);
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, nullptr);
  curl_slist_free_all(headers);
  if (rc != CURLE_OK) {
    throw std::runtime_error("HTTP request to " + url + " failed: " + curl_easy_strerror(rc));
  }
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r.status);
  curl_easy_getinfo(c, CURLINFO_TOTAL_TIME, &r.seconds);
  return r;
}

void Browser::connect_to(const std::string& address) {
  CURL* c = handle_->curl;
  curl_easy_setopt(c, CURLOPT_CONNECT_TO, nullptr);
  curl_slist_free_all(handle_->connect_to);
  handle_->connect_to = nullptr;
  if (!address.empty()) {
    // "HOST:PORT:TO_HOST:TO_PORT" with HOST and PORT empty: whatever the URL names.
    handle_->connect_to = curl_slist_append(nullptr, ("::" + address).c_str());
    curl_easy_setopt(c, CURLOPT_CONNECT_TO, handle_->connect_to);
  }
  // A kept-alive connection to the previous node must not carry the next request.
  curl_easy_setopt(c, CURLOPT_FRESH_CONNECT, 1L);
}

HttpResponse Browser::get(const std::string& path) { return perform(path, nullptr, ""); }

HttpResponse Browser::post(const std::string& path, const FormFields& fields) {
  std::string body;
  for (const auto& [name, value] : fields) {
    if (!body.empty()) body += '&';
    body += url_encode(name) + "=" + url_encode(value);
  }
  return perform(path, &body, "application/x-www-form-urlencoded");
}

HttpResponse Browser::post_raw(const std::string& path, const std::string& body,
                               const std::string& content_type) {
  return perform(path, &body, content_type);
}

std::string Browser::cookie(const std::string& name) const {
  curl_slist* cookies = nullptr;
  curl_easy_getinfo(handle_->curl, CURLINFO_COOKIELIST, &cookies);
  std::string value;
  for (curl_slist* c = cookies; c; c = c->next) {
    // Netscape format: domain, flag, path, secure, expiry, name, value (tab separated).
    std::string line = c->data;
    std::vector<std::string> parts;
    size_t start = 0;
    for (size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1) {
      parts.push_back(line.substr(start, tab - start));
    }
    parts.push_back(line.substr(start));
    if (parts.size() == 7 && parts[5] == name) value = parts[6];
  }
  curl_slist_free_all(cookies);
  return value;
}

void Browser::add_header(const std::string& line) { handle_->extra_headers.push_back(line); }

void Browser::set_cookie(const std::string& name, const std::string& value) {
  std::string line = "127.0.0.1\tFALSE\t/\tFALSE\t0\t" + name + "\t" + value;
  curl_easy_setopt(handle_->curl, CURLOPT_COOKIELIST, line.c_str());
}

std::string url_encode(const std::string& text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::string csrf_of(const std::string& html) {
  static const std::regex pattern(R"re(name="csrf"\s+value="([^"]*)")re");
  std::smatch m;
  if (std::regex_search(html, m, pattern)) return m[1];
  static const std::regex reversed(R"re(value="([^"]*)"\s+name="csrf")re");
  if (std::regex_search(html, m, reversed)) return m[1];
  return "";
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace xueji::testing
