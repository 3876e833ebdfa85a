// smtp_tls.cpp: the XUEJI_SMTP_TLS values and the loopback exemption.
#include "core/smtp_tls.h"

#include <string>

namespace xueji {
namespace {

bool is_dotted_127(std::string_view host) {
  // Four decimal parts of 1–3 digits, each at most 255, the first 127.
  int parts = 0;
  std::size_t pos = 0;
  std::string first;
  while (pos <= host.size()) {
    std::size_t dot = host.find('.', pos);
    std::string_view part = host.substr(pos, dot == std::string_view::npos ? host.npos : dot - pos);
    if (part.empty() || part.size() > 3) return false;
    int value = 0;
    for (char c : part) {
      if (c < '0' || c > '9') return false;
      value = value * 10 + (c - '0');
    }
    if (value > 255) return false;
    if (parts == 0) first = std::string(part);
    ++parts;
    if (dot == std::string_view::npos) break;
    pos = dot + 1;
  }
  return parts == 4 && first == "127";
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i] >= 'A' && a[i] <= 'Z' ? static_cast<char>(a[i] - 'A' + 'a') : a[i];
    if (x != b[i]) return false;
  }
  return true;
}

}  // namespace

std::optional<SmtpTls> parse_smtp_tls(std::string_view text) {
  if (text == "required") return SmtpTls::kRequired;
  if (text == "opportunistic") return SmtpTls::kOpportunistic;
  return std::nullopt;
}

bool smtp_relay_is_loopback(std::string_view url) {
  std::size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return false;
  std::string_view authority = url.substr(scheme + 3);
  authority = authority.substr(0, authority.find_first_of("/?#"));
  std::size_t at = authority.rfind('@');  // user:password@ before the host
  if (at != std::string_view::npos) authority.remove_prefix(at + 1);
  std::string_view host;
  if (!authority.empty() && authority.front() == '[') {
    std::size_t close = authority.find(']');
    if (close == std::string_view::npos) return false;
    host = authority.substr(1, close - 1);
    std::string_view rest = authority.substr(close + 1);
    if (!rest.empty() && rest.front() != ':') return false;
    return host == "::1";
  }
  host = authority.substr(0, authority.find(':'));
  return equals_ignoring_case(host, "localhost") || is_dotted_127(host);
}

SmtpTls effective_smtp_tls(std::optional<SmtpTls> setting, std::string_view url) {
  if (setting) return *setting;
  return smtp_relay_is_loopback(url) ? SmtpTls::kOpportunistic : SmtpTls::kRequired;
}

}  // namespace xueji
