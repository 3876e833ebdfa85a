// config.h: the product's configuration, read from XUEJI_* variables (contract.md §2).
#pragma once
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/smtp_tls.h"

namespace xueji {

struct ConfigError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// One MariaDB server reached over TCP.
struct DbAddress {
  std::string host;
  int port = 3306;
  bool operator==(const DbAddress&) const = default;
};

struct Config {
  // Database: a unix socket, or one or more TCP servers. XUEJI_DB_HOST may name several, comma
  // separated ("10.0.0.11,10.0.0.12:3307"): the first is this node's own Galera node, the others
  // are fallbacks tried in order while it is down (XUEJI_DB_PORT is the port of those without
  // one).
  std::string db_socket;
  std::vector<DbAddress> db_hosts;
  // XUEJI_DB_CAUSAL_READS=1: reads of the session, the first statement of every request, wait
  // until the node has applied every write committed anywhere in the cluster before them
  // (wsrep_sync_wait), so a step served by another node sees the previous step.
  bool db_causal_reads = false;
  std::string db_name = "xueji";
  std::string db_user = "xueji";
  std::string db_password = "xueji";
  // The user `xueji-ctl migrate` changes the schema as (XUEJI_DB_MIGRATION_USER); empty: the
  // runtime user, which in production holds only SELECT, INSERT, UPDATE and DELETE.
  std::string db_migration_user;
  std::string db_migration_password;

  std::string smtp_url = "smtp://127.0.0.1:2525";
  std::string smtp_user;
  std::string smtp_password;
  // XUEJI_SMTP_TLS; unset (nullopt): required, opportunistic for a loopback relay
  // (effective_smtp_tls in core/smtp_tls.h).
  std::optional<SmtpTls> smtp_tls;
  // XUEJI_SMTP_CA_FILE: the CA bundle the relay's certificate is verified against; empty: the
  // system store.
  std::string smtp_ca_file;
  std::string mail_from = "no-reply@localhost";

  std::string secret;  // contents of the secret file, never logged
  std::string template_dir;
  std::string static_dir;
  bool cookie_secure = false;
  // The public base URL (XUEJI_ISSUER), without a trailing '/'; empty when unset.
  std::string issuer;
  bool test_mode = false;
  std::optional<std::string> captcha_fixed;  // only ever set when test_mode

  // Reads the configuration through getenv-like lookup; throws ConfigError naming the variable.
  // Passwords come from their variable or, under systemd, from the credential of the same name
  // in $CREDENTIALS_DIRECTORY (db_password, db_migration_password, smtp_password, secret), so
  // they need not sit in the environment file. Without `needs_secret` (the mailer) the server
  // secret is not read at all.
  static Config load(const std::function<const char*(const char*)>& getenv_fn,
                     bool needs_secret = true);
  static Config from_environment(bool needs_secret = true);
};

}  // namespace xueji
