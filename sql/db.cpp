// db.cpp: the MariaDB connection of one process, its statement cache, reconnection and binding.
#include "sql/db.h"

#include "core/crypto.h"

#include <cppconn/connection.h>
#include <cppconn/statement.h>
#include <mysql_driver.h>

#include <cstdio>
#include <random>
#include <stdexcept>
#include <thread>

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
// A Galera node that is not part of the primary component (lost quorum, still joining) refuses
// statements with this: another node must take them.
constexpr int kWsrepNotReady = 1047;
// Certification failure or deadlock (Galera reports a lost certification as a deadlock): the
// transaction is rolled back whole and may simply run again. A lock wait that timed out (1205) is
// not one of these: it means a row is held too long, and repeating would only wait again.
constexpr int kDeadlock = 1213;

// How long a connection may stay on a fallback node before it tries its own again, and how long
// a node that failed is tried last.
constexpr auto kFallbackStay = std::chrono::seconds(30);
constexpr auto kFailedHostRest = std::chrono::seconds(5);

std::string connect_url(const Config& config, std::size_t host) {
  if (!config.db_socket.empty()) return "unix://" + config.db_socket;
  const DbAddress& a = config.db_hosts.at(host);
  return "tcp://" + a.host + ":" + std::to_string(a.port);
}

// False when the server is a Galera node that cannot take statements now (wsrep_ready OFF); a
// server without Galera has no such status and is always ready.
bool node_ready(sql::Connection& connection) {
  std::unique_ptr<sql::Statement> st(connection.createStatement());
  std::unique_ptr<sql::ResultSet> rs(st->executeQuery("SHOW STATUS LIKE 'wsrep_ready'"));
  if (!rs->next()) return true;
  return std::string(rs->getString(2)) == "ON";
}

// Server errors that mean "not now" rather than "never": a row held too long by another
// transaction, a statement stopped at its time limit, a full disk. The request gets the 503 page.
constexpr int kLockWaitTimeout = 1205;
constexpr int kStatementTimeout = 1969;
constexpr int kDiskFull = 1021;
constexpr int kTableFull = 1114;
constexpr int kStorageEngineError = 1030;  // "Got error 28 (No space left on device)" and kin
constexpr int kErrorOnWrite = 3;
constexpr int kCannotCreateFile = 1;

// How long one statement may wait for a row lock, and run at all (seconds). Below nginx's
// fastcgi_read_timeout (30 s), so a stalled database gives our 503 page, never a hung request.
constexpr int kLockWaitSeconds = 3;
constexpr int kStatementSeconds = 10;

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
         code == kConnectionKilled || code == kServerShutdown || code == kWsrepNotReady;
}

bool Db::is_conflict(const sql::SQLException& e) {
  int code = e.getErrorCode();
  return code == kDeadlock;
}

bool Db::pause_after_conflict(int tries, const sql::SQLException& e) {
  ++conflict_counts_.conflicts;
  bool again = tries < kConflictTries;
  // One greppable line per conflict: the figures of the cluster (docs) are counted from these.
  std::fprintf(stderr, "db: conflict %d (try %d of %d)%s\n", e.getErrorCode(), tries,
               kConflictTries, again ? ", again" : ", giving up");
  if (!again) return false;
  ++conflict_counts_.retries;
  // "Full jitter": uniform in [1 ms, 2^tries ms], at most 40 ms, from a generator seeded in
  // this process (after fork), so two children that collided do not wait alike.
  thread_local std::minstd_rand random{std::random_device{}()};
  int ceiling_ms = std::min(40, 1 << tries);
  std::uniform_int_distribution<int> pause_ms(1, ceiling_ms);
  std::this_thread::sleep_for(std::chrono::milliseconds(pause_ms(random)));
  return true;
}

const std::string& Db::causal(const std::string& sql) {
  if (!config_.db_causal_reads) return sql;
  auto it = causal_texts_.find(sql);
  if (it != causal_texts_.end()) return it->second;
  // wsrep_sync_wait=1: this SELECT first waits until the node has applied every transaction
  // the cluster committed before it began. SET STATEMENT scopes it to this one statement.
  return causal_texts_.emplace(sql, "SET STATEMENT wsrep_sync_wait = 1 FOR " + sql)
      .first->second;
}

void Db::connect() {
  sql::ConnectOptionsMap options;
  options["userName"] = sql::SQLString(config_.db_user);
  options["password"] = sql::SQLString(config_.db_password);
  options["schema"] = sql::SQLString(config_.db_name);
  options["OPT_CHARSET_NAME"] = sql::SQLString("utf8mb4");
  options["OPT_CONNECT_TIMEOUT"] = 3;
  options["OPT_READ_TIMEOUT"] = 30;
  options["OPT_WRITE_TIMEOUT"] = 30;
  options["OPT_RECONNECT"] = false;  // we reconnect ourselves, so statements are re-prepared
  // The order to try: our own node first, unless it failed a moment ago; then the others.
  std::size_t hosts = config_.db_socket.empty() ? config_.db_hosts.size() : 1;
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < hosts; ++i) order.push_back(i);
  auto now = std::chrono::steady_clock::now();
  if (hosts > 1 && own_host_failed_at_ != std::chrono::steady_clock::time_point{} &&
      now - own_host_failed_at_ < kFailedHostRest) {
    order.erase(order.begin());
    order.push_back(0);
  }
  std::string errors;
  for (std::size_t host : order) {
    options["hostName"] = sql::SQLString(connect_url(config_, host));
    try {
      connection_.reset(sql::mysql::get_mysql_driver_instance()->connect(options));
      if (hosts > 1 && !node_ready(*connection_)) {
        connection_->close();
        connection_.reset();
        throw sql::SQLException("the node is not ready (wsrep_ready OFF)", "08S01",
                                kWsrepNotReady);
      }
    } catch (const sql::SQLException& e) {
      connection_.reset();
      if (host == 0) own_host_failed_at_ = now;
      if (!errors.empty()) errors += "; ";
      errors += connect_url(config_, host) + ": " + e.what();
      continue;
    }
    host_index_ = host;
    connected_at_ = now;
    std::unique_ptr<sql::Statement> setup(connection_->createStatement());
    setup->execute("SET time_zone = '+00:00'");
    setup->execute("SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED");
    setup->execute("SET SESSION innodb_lock_wait_timeout = " + std::to_string(kLockWaitSeconds) +
                   ", max_statement_time = " + std::to_string(kStatementSeconds));
    return;
  }
  throw Unavailable("cannot connect to the database: " + errors);
}

bool Db::is_temporary_failure(const sql::SQLException& e) {
  int code = e.getErrorCode();
  return code == kLockWaitTimeout || code == kStatementTimeout || code == kDiskFull ||
         code == kTableFull || code == kStorageEngineError || code == kErrorOnWrite ||
         code == kCannotCreateFile;
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
  // Back to our own node some time after failing over, so the load spreads again as configured.
  if (connection_ && host_index_ != 0 && !in_transaction_ && now - connected_at_ > kFallbackStay) {
    drop_connection();
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
    // A migration may rebuild a large table: no statement time limit for it.
    st->execute("SET SESSION max_statement_time = 0");
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

namespace {

// Reads exactly `width` ASCII digits at text[pos] into value.
bool read_digits(std::string_view text, std::size_t pos, std::size_t width, int& value) {
  if (width == 0 || pos + width > text.size()) return false;
  value = 0;
  for (std::size_t i = pos; i < pos + width; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    value = value * 10 + (text[i] - '0');
  }
  return true;
}

// Writes `value` as `width` digits with leading zeros at out.
char* put_digits(char* out, long long value, int width) {
  for (int i = width - 1; i >= 0; --i, value /= 10) out[i] = static_cast<char>('0' + value % 10);
  return out + width;
}

}  // namespace

std::string bytes_from_hex(std::string_view hex) {
  auto raw = crypto::from_hex(hex);
  if (!raw) throw std::runtime_error("not hex from the database");
  return std::move(*raw);
}

std::string read_bytes(sql::ResultSet& rs, const char* hex_column) {
  return bytes_from_hex(std::string(rs.getString(hex_column)));
}

// Times are converted by hand rather than with snprintf/sscanf and timegm: every time read or
// bound goes through here, and in a profile of the busy 身分驗證 worker those library calls took
// ~5% of its samples.
std::string format_time(TimePoint t) {
  using namespace std::chrono;
  auto micros = floor<microseconds>(t.time_since_epoch());
  sys_days date = floor<days>(sys_time<microseconds>(micros));
  year_month_day ymd{date};
  hh_mm_ss clock{micros - date.time_since_epoch()};
  char text[26];
  char* out = put_digits(text, static_cast<int>(ymd.year()), 4);
  *out++ = '-';
  out = put_digits(out, static_cast<unsigned>(ymd.month()), 2);
  *out++ = '-';
  out = put_digits(out, static_cast<unsigned>(ymd.day()), 2);
  *out++ = ' ';
  out = put_digits(out, clock.hours().count(), 2);
  *out++ = ':';
  out = put_digits(out, clock.minutes().count(), 2);
  *out++ = ':';
  out = put_digits(out, clock.seconds().count(), 2);
  *out++ = '.';
  out = put_digits(out, clock.subseconds().count(), 6);
  return std::string(text, out);
}

// "YYYY-MM-DD", optionally followed by " HH:MM:SS" and a fraction of one to six digits: the text
// MariaDB gives for DATE and DATETIME(6) columns.
TimePoint parse_time(const std::string& text) {
  using namespace std::chrono;
  std::string_view t = text;
  auto unreadable = [&] {
    return std::runtime_error("unreadable time from the database: " + text);
  };
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, fraction = 0;
  if (!(t.size() >= 10 && read_digits(t, 0, 4, y) && t[4] == '-' && read_digits(t, 5, 2, mo) &&
        t[7] == '-' && read_digits(t, 8, 2, d))) {
    throw unreadable();
  }
  if (t.size() > 10 &&
      !(t.size() >= 19 && t[10] == ' ' && read_digits(t, 11, 2, h) && t[13] == ':' &&
        read_digits(t, 14, 2, mi) && t[16] == ':' && read_digits(t, 17, 2, s))) {
    throw unreadable();
  }
  std::size_t digits = t.size() > 20 ? t.size() - 20 : 0;
  if (t.size() > 19 && !(t[19] == '.' && digits <= 6 && read_digits(t, 20, digits, fraction))) {
    throw unreadable();
  }
  for (std::size_t i = digits; i < 6; ++i) fraction *= 10;
  year_month_day ymd{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
  if (!ymd.ok() || h > 23 || mi > 59 || s > 59) throw unreadable();
  return TimePoint{sys_days{ymd}} + hours{h} + minutes{mi} + seconds{s} + microseconds{fraction};
}

TimePoint read_time(sql::ResultSet& rs, const char* column) {
  return parse_time(rs.getString(column));
}

std::optional<TimePoint> read_optional_time(sql::ResultSet& rs, const char* column) {
  if (rs.isNull(column)) return std::nullopt;
  return read_time(rs, column);
}

std::optional<std::string> read_optional_text(sql::ResultSet& rs, const char* column) {
  if (rs.isNull(column)) return std::nullopt;
  return std::string(rs.getString(column));
}

CivilDate read_date(sql::ResultSet& rs, const char* column) {
  std::string text = rs.getString(column);
  auto date = parse_iso_date(text);
  if (!date) throw std::runtime_error("unreadable date from the database: " + text);
  return *date;
}

std::unique_ptr<sql::ResultSet> query(sql::PreparedStatement& ps) {
  return std::unique_ptr<sql::ResultSet>(ps.executeQuery());
}

std::int64_t returned_id(sql::PreparedStatement& ps) {
  auto rs = query(ps);
  if (!rs->next()) throw std::runtime_error("INSERT … RETURNING id gave no row");
  return rs->getInt64(1);
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
