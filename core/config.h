// config.h: the product's configuration, read from XUEJI_* variables (contract.md §2).
#pragma once
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>

namespace xueji {

struct ConfigError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct Config {
  // Database: a unix socket, or host + port.
  std::string db_socket;
  std::string db_host;
  int db_port = 3306;
  std::string db_name = "xueji";
  std::string db_user = "xueji";
  std::string db_password = "xueji";

  std::string smtp_url = "smtp://127.0.0.1:2525";
  std::string smtp_user;
  std::string smtp_password;
  std::string mail_from = "no-reply@localhost";

  std::string secret;  // contents of the secret file, never logged
  std::string template_dir;
  std::string static_dir;
  bool cookie_secure = false;
  bool test_mode = false;
  std::optional<std::string> captcha_fixed;  // only ever set when test_mode

  // Reads the configuration through getenv-like lookup; throws ConfigError naming the variable.
  static Config load(const std::function<const char*(const char*)>& getenv_fn);
  static Config from_environment();
};

}  // namespace xueji
