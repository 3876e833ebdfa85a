// http_client.h: a tiny browser for integration tests: libcurl, a cookie jar, no redirects followed.
#pragma once
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace xueji::testing {

struct HttpResponse {
  long status = 0;
  std::string body;
  std::multimap<std::string, std::string> headers;  // names lower-cased
  double seconds = 0;
  std::string header(const std::string& lower_name) const;
};

using FormFields = std::vector<std::pair<std::string, std::string>>;

class Browser {
 public:
  Browser();  // talks to the stack of XUEJI_TEST_BASE_URL
  ~Browser();
  Browser(const Browser&) = delete;
  Browser& operator=(const Browser&) = delete;

  HttpResponse get(const std::string& path);
  HttpResponse post(const std::string& path, const FormFields& fields);
  HttpResponse post_raw(const std::string& path, const std::string& body,
                        const std::string& content_type = "application/x-www-form-urlencoded");
  // The value of a cookie in the jar ("" when absent), and a way to plant one.
  std::string cookie(const std::string& name) const;
  void set_cookie(const std::string& name, const std::string& value);
  // A header line sent with every later request ("X-Forwarded-For: 203.0.113.7": the dev/CI
  // nginx then treats the request as coming from that client; "Cookie: …" for a raw header).
  void add_header(const std::string& line);
  // Sends every later request to ADDRESS ("127.0.0.22:18980") on a new connection, with the
  // URL, Host header and cookies unchanged: a balancer's choice of node, made by the test.
  // "" goes back to the URL's own host.
  void connect_to(const std::string& address);

 private:
  HttpResponse perform(const std::string& path, const std::string* body, const std::string& type);
  struct Handle;
  std::unique_ptr<Handle> handle_;
};

std::string url_encode(const std::string& text);
// The value of the hidden csrf field of the first form on the page ("" when there is none).
std::string csrf_of(const std::string& html);
bool contains(const std::string& haystack, const std::string& needle);

}  // namespace xueji::testing
