// db.cpp: the MariaDB connection of one process, its statement cache, reconnection and binding.
#include "sql/db.h"

#include "core/crypto.h"

#include <cppconn/connection.h>
#include <cppconn/statement.h>
#include <mysql_driver.h>

#include <cstdio>
#include <ctime>

namespace xueji::store {
namespace {

// Client error codes that mean the connection is gone (server restart, network, stale
// statement handles after a reconnect).
constexpr int kServerGoneAway = 2006;
constexpr int kServerLost = 2013;
constexpr int kCannotConnect = 2002;
constexpr int kStatementNotPrepared = 2030;
constexpr int kLostDuringQuery = 2055;
constexpr int kConnectionKilled = 1927;
constexpr int kServerShutdown = 1053;

}  // namespace

Db::Db(const Config& config) : config_(config) {}

Db::~Db() {
  statements_.clear();
  if (connection_) {
    try {
      connection_->close();
    } catch (const sql::SQLException&) {
      // closing a dead connection has nothing left to report
    }
  }
}

bool Db::is_connection_lost(const sql::SQLException& e) {
  int code = e.getErrorCode();
  return code == kServerGoneAway || code == kServerLost || code == kCannotConnect ||
         code == kStatementNotPrepared || code == kLostDuringQuery ||
         code == kConnectionKilled || code == kServerShutdown;
}

void Db::connect() {
  sql::ConnectOptionsMap options;
  options["hostName"] = config_.db_socket.empty()
                            ? sql::SQLString("tcp://" + config_.db_host + ":" +
                                             std::to_string(config_.db_port))
                            : sql::SQLString("unix://" + config_.db_socket);
  options["userName"] = sql::SQLString(config_.db_user);
  options["password"] = sql::SQLString(config_.db_password);
  options["schema"] = sql::SQLString(config_.db_name);
  options["OPT_CHARSET_NAME"] = sql::SQLString("utf8mb4");
  options["OPT_CONNECT_TIMEOUT"] = 3;
  options["OPT_READ_TIMEOUT"] = 30;
  options["OPT_WRITE_TIMEOUT"] = 30;
  options["OPT_RECONNECT"] = false;  // we reconnect ourselves, so statements are re-prepared
  try {
    connection_.reset(sql::mysql::get_mysql_driver_instance()->connect(options));
  } catch (const sql::SQLException& e) {
    throw Unavailable(std::string("cannot connect to the database: ") + e.what());
  }
  std::unique_ptr<sql::Statement> setup(connection_->createStatement());
  setup->execute("SET time_zone = '+00:00'");
  setup->execute("SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED");
}

void Db::ensure_connection() {
  // A busy worker never pays for the ping; one that sat idle (when restarts happen) does.
  constexpr auto kIdleBeforePing = std::chrono::seconds(1);
  auto now = std::chrono::steady_clock::now();
  if (connection_ && now - last_used_ > kIdleBeforePing) {
    bool alive = false;
    try {
      alive = connection_->isValid();
    } catch (const sql::SQLException&) {
      alive = false;
    }
    if (!alive) drop_connection();
  }
  if (!connection_) connect();
  last_used_ = now;
}

void Db::drop_connection() {
  statements_.clear();
  if (connection_) {
    try {
      connection_->close();
    } catch (const sql::SQLException&) {
      // the connection is already gone; that is why we drop it
    }
  }
  connection_.reset();
  in_transaction_ = false;
}

sql::PreparedStatement& Db::statement(const std::string& sql) {
  auto it = statements_.find(sql);
  if (it != statements_.end()) return *it->second;
  std::unique_ptr<sql::PreparedStatement> ps(connection_->prepareStatement(sql));
  return *statements_.emplace(sql, std::move(ps)).first->second;
}

void Db::begin() {
  ensure_connection();
  std::unique_ptr<sql::Statement> st(connection_->createStatement());
  st->execute("START TRANSACTION");
  in_transaction_ = true;
}

void Db::commit() {
  std::unique_ptr<sql::Statement> st(connection_->createStatement());
  st->execute("COMMIT");
  in_transaction_ = false;
}

void Db::rollback_quietly() {
  in_transaction_ = false;
  if (!connection_) return;
  try {
    std::unique_ptr<sql::Statement> st(connection_->createStatement());
    st->execute("ROLLBACK");
  } catch (const sql::SQLException&) {
    // a lost connection rolls the transaction back by itself
  }
}

bool Db::healthy() {
  try {
    return run("SELECT 1", Repeat::kSafe, [](sql::PreparedStatement& ps) {
      std::unique_ptr<sql::ResultSet> rs(ps.executeQuery());
      return rs->next() && rs->getInt(1) == 1;
    });
  } catch (const Unavailable&) {
    return false;
  } catch (const sql::SQLException&) {
    drop_connection();
    return false;
  }
}

void Db::execute_script_statement(const std::string& sql) {
  with_retry(Repeat::kUnsafe, [&] {
    std::unique_ptr<sql::Statement> st(connection_->createStatement());
    st->execute(sql);
  });
}

void bind(sql::PreparedStatement& ps, int index, const std::string& value) {
  ps.setString(index, value);
}
void bind(sql::PreparedStatement& ps, int index, const char* value) {
  ps.setString(index, value);
}
void bind(sql::PreparedStatement& ps, int index, std::int64_t value) { ps.setInt64(index, value); }
void bind(sql::PreparedStatement& ps, int index, int value) { ps.setInt(index, value); }
void bind(sql::PreparedStatement& ps, int index, TimePoint value) {
  ps.setString(index, format_time(value));
}
void bind(sql::PreparedStatement& ps, int index, std::nullopt_t) {
  ps.setNull(index, 0);
}

void bind(sql::PreparedStatement& ps, int index, Bytes value) {
  ps.setString(index, crypto::to_hex(value.raw));
}

std::string read_bytes(sql::ResultSet& rs, const char* hex_column) {
  std::string hex = rs.getString(hex_column);
  std::string raw;
  raw.reserve(hex.size() / 2);
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
    raw += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
  }
  return raw;
}

std::string format_time(TimePoint t) {
  using namespace std::chrono;
  auto micros = duration_cast<microseconds>(t.time_since_epoch()).count();
  std::time_t secs = static_cast<std::time_t>(micros / 1000000);
  long frac = static_cast<long>(micros % 1000000);
  if (frac < 0) {
    frac += 1000000;
    --secs;
  }
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d:%02d.%06ld", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, frac);
  return buf;
}

TimePoint parse_time(const std::string& text) {
  std::tm tm{};
  long micros = 0;
  char frac[8] = {0};
  int n = std::sscanf(text.c_str(), "%4d-%2d-%2d %2d:%2d:%2d.%6[0-9]", &tm.tm_year, &tm.tm_mon,
                      &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec, frac);
  if (n < 3) throw std::runtime_error("unreadable time from the database: " + text);
  if (n == 7) {
    std::string digits = frac;
    digits.resize(6, '0');
    micros = std::stol(digits);
  }
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  std::time_t secs = timegm(&tm);
  return TimePoint(std::chrono::seconds(secs)) + std::chrono::microseconds(micros);
}

TimePoint read_time(sql::ResultSet& rs, const char* column) {
  return parse_time(rs.getString(column));
}

std::unique_ptr<sql::ResultSet> query(sql::PreparedStatement& ps) {
  return std::unique_ptr<sql::ResultSet>(ps.executeQuery());
}

std::string batched(const std::string& prefix, const std::string& group, std::size_t rows,
                    const char* suffix) {
  std::string text = prefix;
  text.reserve(prefix.size() + rows * (group.size() + 2) + 2);
  for (std::size_t i = 0; i < rows; ++i) {
    if (i > 0) text += ", ";
    text += group;
  }
  return text + suffix;
}

}  // namespace xueji::store
