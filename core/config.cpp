// config.cpp: reads and checks the XUEJI_* variables; a bad value stops the program at start.
#include "core/config.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string_view>

namespace xueji {
namespace {

std::string read_secret(const std::string& path, const char* variable) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ConfigError(std::string(variable) + ": cannot read the secret file " + path);
  std::ostringstream text;
  text << in.rdbuf();
  std::string secret = text.str();
  while (!secret.empty() && (secret.back() == '\n' || secret.back() == '\r')) secret.pop_back();
  if (secret.size() < 32) {
    throw ConfigError(std::string(variable) + ": the secret must hold at least 32 bytes");
  }
  return secret;
}

// "http(s)://host[:port][/path]", no query or fragment; the trailing '/' dropped.
std::string parse_issuer(std::string url) {
  bool https = url.rfind("https://", 0) == 0;
  if (!https && url.rfind("http://", 0) != 0) {
    throw ConfigError("XUEJI_ISSUER: must start with https:// (or http:// for a loopback address)");
  }
  for (unsigned char c : url) {
    if (c <= 0x20 || c >= 0x7f || c == '?' || c == '#' || c == '"' || c == '<' || c == '>') {
      throw ConfigError("XUEJI_ISSUER: not a plain URL (no spaces, query or fragment)");
    }
  }
  std::size_t host_at = url.find("//") + 2;
  if (url.size() <= host_at || url[host_at] == '/') throw ConfigError("XUEJI_ISSUER: no host name");
  while (url.back() == '/') url.pop_back();
  return url;
}

// http://127.x.x.x, http://localhost or http://[::1], any port: a stack nobody else can reach.
bool loopback_issuer(const std::string& issuer) {
  if (issuer.rfind("http://", 0) != 0) return false;
  std::string rest = issuer.substr(7);
  std::string host = rest.substr(0, rest.find('/'));
  if (host.rfind("[::1]", 0) == 0) return host.size() == 5 || host[5] == ':';
  host = host.substr(0, host.find(':'));
  if (host == "localhost") return true;
  return host.rfind("127.", 0) == 0 && host.find_first_not_of("0123456789.") == std::string::npos;
}

// A password from its variable, else the systemd credential `credential`, else `fallback`.
std::string password_setting(const std::function<const char*(const char*)>& get,
                             const char* variable, const char* credential, std::string fallback) {
  if (const char* v = get(variable)) return v;
  const char* dir = get("CREDENTIALS_DIRECTORY");
  if (!dir) return fallback;
  std::ifstream in(std::string(dir) + "/" + credential, std::ios::binary);
  if (!in) return fallback;
  std::ostringstream text;
  text << in.rdbuf();
  std::string value = text.str();
  while (!value.empty() && (value.back() == '\n' || value.back() == '\r')) value.pop_back();
  return value;
}

std::optional<int> parse_port(std::string_view text) {
  if (text.empty() || text.size() > 5) return std::nullopt;
  int port = 0;
  for (char ch : text) {
    if (ch < '0' || ch > '9') return std::nullopt;
    port = port * 10 + (ch - '0');
  }
  if (port < 1 || port > 65535) return std::nullopt;
  return port;
}

// "host[:port],host[:port]…": names or IPv4 addresses (an IPv6 address goes in brackets).
std::vector<DbAddress> parse_db_hosts(std::string_view text, int default_port) {
  std::vector<DbAddress> hosts;
  auto refuse = [&](std::string_view why) {
    return ConfigError("XUEJI_DB_HOST: " + std::string(why) + " in '" + std::string(text) + "'");
  };
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t comma = text.find(',', start);
    if (comma == std::string_view::npos) comma = text.size();
    std::string_view item = text.substr(start, comma - start);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (item.empty()) throw refuse("an empty host");
    DbAddress address{std::string(item), default_port};
    std::size_t colon = item.rfind(':');
    bool bracketed = item.front() == '[';
    if (colon != std::string_view::npos && colon > 0 && (!bracketed || item[colon - 1] == ']')) {
      auto port = parse_port(item.substr(colon + 1));
      if (!port) throw refuse("a bad port");
      address.port = *port;
      address.host = std::string(item.substr(0, colon));
    }
    if (address.host.empty() || address.host.find_first_of(" /;") != std::string::npos) {
      throw refuse("a bad host name");
    }
    hosts.push_back(std::move(address));
    start = comma + 1;
  }
  return hosts;
}

bool parse_flag(const char* value, const char* variable) {
  std::string v = value;
  if (v == "1" || v == "true" || v == "yes") return true;
  if (v == "0" || v == "false" || v == "no" || v.empty()) return false;
  throw ConfigError(std::string(variable) + ": expected 0 or 1, got '" + v + "'");
}

}  // namespace

Config Config::load(const std::function<const char*(const char*)>& getenv_fn, bool needs_secret) {
  auto get = [&](const char* name) -> const char* {
    const char* v = getenv_fn(name);
    return v && *v ? v : nullptr;
  };
  Config c;
  if (auto v = get("XUEJI_DB_SOCKET")) c.db_socket = v;
  int default_port = 3306;
  if (auto v = get("XUEJI_DB_PORT")) {
    auto port = parse_port(v);
    if (!port) throw ConfigError("XUEJI_DB_PORT: not a port number");
    default_port = *port;
  }
  if (auto v = get("XUEJI_DB_HOST")) c.db_hosts = parse_db_hosts(v, default_port);
  if (c.db_socket.empty() && c.db_hosts.empty()) {
    throw ConfigError("XUEJI_DB_SOCKET or XUEJI_DB_HOST: one of them must be set");
  }
  if (auto v = get("XUEJI_DB_CAUSAL_READS")) {
    c.db_causal_reads = parse_flag(v, "XUEJI_DB_CAUSAL_READS");
  }
  if (auto v = get("XUEJI_DB_NAME")) c.db_name = v;
  if (auto v = get("XUEJI_DB_USER")) c.db_user = v;
  c.db_password = password_setting(get, "XUEJI_DB_PASSWORD", "db_password", c.db_password);
  if (auto v = get("XUEJI_DB_MIGRATION_USER")) c.db_migration_user = v;
  c.db_migration_password =
      password_setting(get, "XUEJI_DB_MIGRATION_PASSWORD", "db_migration_password", "");
  if (auto v = get("XUEJI_SMTP_URL")) {
    std::string url = v;
    if (url.rfind("smtp://", 0) != 0 && url.rfind("smtps://", 0) != 0) {
      throw ConfigError("XUEJI_SMTP_URL: must start with smtp:// or smtps://");
    }
    c.smtp_url = url;
  }
  if (auto v = get("XUEJI_SMTP_USER")) c.smtp_user = v;
  c.smtp_password = password_setting(get, "XUEJI_SMTP_PASSWORD", "smtp_password", "");
  if (auto v = get("XUEJI_SMTP_TLS")) {
    c.smtp_tls = parse_smtp_tls(v);
    if (!c.smtp_tls) {
      throw ConfigError("XUEJI_SMTP_TLS: must be required or opportunistic, not '" +
                        std::string(v) + "'");
    }
  }
  if (auto v = get("XUEJI_SMTP_CA_FILE")) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(v, ec) || !std::ifstream(v, std::ios::binary)) {
      throw ConfigError(std::string("XUEJI_SMTP_CA_FILE: cannot read the file ") + v);
    }
    c.smtp_ca_file = v;
  }
  if (auto v = get("XUEJI_MAIL_FROM")) c.mail_from = v;

  if (!needs_secret) {
    // Nothing of this program signs or hashes with it: it never holds the secret.
  } else if (auto v = get("XUEJI_SECRET_FILE")) {
    c.secret = read_secret(v, "XUEJI_SECRET_FILE");
  } else if (auto dir = get("CREDENTIALS_DIRECTORY")) {
    c.secret = read_secret(std::string(dir) + "/secret", "CREDENTIALS_DIRECTORY");
  } else {
    throw ConfigError("XUEJI_SECRET_FILE: not set (nor a systemd credential 'secret')");
  }
  // In a checkout the templates are read from the source tree the binary was built from.
  c.template_dir = get("XUEJI_TEMPLATE_DIR") ? get("XUEJI_TEMPLATE_DIR") : XUEJI_SOURCE_DIR "/html";
  c.static_dir = get("XUEJI_STATIC_DIR") ? get("XUEJI_STATIC_DIR") : XUEJI_SOURCE_DIR "/html/static";
  if (auto v = get("XUEJI_COOKIE_SECURE")) c.cookie_secure = parse_flag(v, "XUEJI_COOKIE_SECURE");

  std::string mode = get("XUEJI_MODE") ? get("XUEJI_MODE") : "production";
  if (mode != "production" && mode != "test") {
    throw ConfigError("XUEJI_MODE: must be production or test");
  }
  c.test_mode = mode == "test";
  if (auto v = get("XUEJI_CAPTCHA_FIXED")) {
    if (!c.test_mode) {
      throw ConfigError("XUEJI_CAPTCHA_FIXED: refused unless XUEJI_MODE=test");
    }
    std::string answer = v;
    if (answer.size() != 4 || answer.find_first_not_of("0123456789") != std::string::npos) {
      throw ConfigError("XUEJI_CAPTCHA_FIXED: must be 4 digits");
    }
    c.captcha_fixed = answer;
  }
  if (auto v = get("XUEJI_ISSUER")) c.issuer = parse_issuer(v);
  if (c.cookie_secure && c.issuer.rfind("http://", 0) == 0) {
    throw ConfigError("XUEJI_COOKIE_SECURE: Secure cookies need an https:// XUEJI_ISSUER");
  }
  // Without Secure (and so without the __Host- prefix) a session cookie could travel in clear:
  // only a stack reachable from this machine alone may run that way outside test mode.
  if (!c.test_mode && !c.cookie_secure && !loopback_issuer(c.issuer)) {
    throw ConfigError(
        "XUEJI_COOKIE_SECURE: must be 1 in production, unless XUEJI_ISSUER is a loopback "
        "address such as http://127.0.0.1:8080");
  }
  return c;
}

Config Config::from_environment(bool needs_secret) {
  return load([](const char* name) { return std::getenv(name); }, needs_secret);
}

}  // namespace xueji
