// db.h: one MariaDB connection per worker child, with prepared statements cached per connection.
// Survives a server restart: on a lost connection (2006/2013/2030/2055) it reconnects,
// re-prepares and retries once when the caller says the statement is safe to repeat. Statements
// wait at most 3 s for a row lock and run at most 10 s; those limits and a full disk are
// Unavailable (503), like a database that is down.
// On a Galera cluster it also survives the loss of its own node (it moves to the next of
// XUEJI_DB_HOST, and back to its own a while after that returns) and certification conflicts:
// a transaction that lost one (1213) rolled back whole, so it runs again, a bounded number of
// times, after a short random pause.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <cppconn/exception.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include "core/clock.h"
#include "core/config.h"
#include "core/taipei_time.h"

namespace sql {
class Connection;
}

namespace xueji::store {

enum class Repeat { kSafe, kUnsafe };

// Thrown when the database cannot be reached; the dispatcher answers 503.
struct Unavailable : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Db {
 public:
  explicit Db(const Config& config);
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  // Runs fn with the prepared statement for sql. Outside a transaction a lost connection is
  // retried once when repeat == kSafe; inside one the whole transaction is retried instead.
  template <class F>
  auto run(const std::string& sql, Repeat repeat, F&& fn) {
    return with_retry(repeat, [&] { return fn(statement(sql)); });
  }

  // Runs fn between START TRANSACTION and COMMIT (ROLLBACK on any exception). On a lost
  // connection the whole of fn runs again once, and on a conflict (certification failure,
  // deadlock) up to kConflictTries times in all: fn must not have side effects
  // outside the database, and must decide afresh from what it reads each time. Called inside
  // another transaction, fn becomes part of it.
  template <class F>
  auto transaction(F&& fn) {
    // Inside an open transaction fn simply joins it: a second START TRANSACTION would commit
    // the outer one half-way.
    if (in_transaction_) return fn();
    return with_retry(Repeat::kSafe, [&] {
      begin();
      try {
        if constexpr (std::is_void_v<decltype(fn())>) {
          fn();
          commit();
        } else {
          auto result = fn();
          commit();
          return result;
        }
      } catch (...) {
        rollback_quietly();
        throw;
      }
    });
  }

  // Whether a transaction() is running: a statement now joins it.
  bool in_transaction() const { return in_transaction_; }
  // The text to run for a statement that reads what the previous request (perhaps served by
  // another cluster node) wrote: with XUEJI_DB_CAUSAL_READS it waits for the node to catch up.
  const std::string& causal(const std::string& sql);
  // Tries in all for one transaction or statement that keeps losing conflicts.
  static constexpr int kConflictTries = 6;
  // Conflicts this process met, and how many of them were retried (the rest were given up).
  struct ConflictCounts {
    long long conflicts = 0, retries = 0;
  };
  ConflictCounts conflict_counts() const { return conflict_counts_; }
  // True when SELECT 1 answers (reconnecting if needed).
  bool healthy();
  // Executes plain SQL text (migrations only: no parameters).
  void execute_script_statement(const std::string& sql);

 private:
  sql::PreparedStatement& statement(const std::string& sql);
  void connect();
  // Connects when there is no connection, and checks an idle one with a ping first: after a
  // server restart even an unrepeatable statement then runs on a live connection.
  void ensure_connection();
  void drop_connection();
  void begin();
  void commit();
  void rollback_quietly();
  static bool is_connection_lost(const sql::SQLException& e);
  static bool is_temporary_failure(const sql::SQLException& e);
  static bool is_conflict(const sql::SQLException& e);
  // Counts the conflict and, unless it was the last try, sleeps a random while that grows with
  // `tries`, so the two losers of a hot row do not collide again at once. False: give up.
  bool pause_after_conflict(int tries, const sql::SQLException& e);

  template <class G>
  auto with_retry(Repeat repeat, G&& attempt) {
    if (in_transaction_) return attempt();  // the enclosing transaction() retries as a whole
    int lost = 0;
    for (int tries = 1;; ++tries) {
      try {
        ensure_connection();
        return attempt();
      } catch (const sql::SQLException& e) {
        if (is_temporary_failure(e)) throw Unavailable(e.what());
        // A conflict rolled back everything the attempt did: repeating it is always safe.
        if (is_conflict(e)) {
          if (pause_after_conflict(tries, e)) continue;
          throw;
        }
        if (!is_connection_lost(e)) throw;
        drop_connection();
        if (repeat == Repeat::kUnsafe || ++lost > 1) throw Unavailable(e.what());
      }
    }
  }

  const Config& config_;
  std::unique_ptr<sql::Connection> connection_;
  std::size_t host_index_ = 0;  // which of config_.db_hosts the connection is to
  std::chrono::steady_clock::time_point connected_at_{};
  std::chrono::steady_clock::time_point own_host_failed_at_{};
  std::map<std::string, std::string, std::less<>> causal_texts_;
  ConflictCounts conflict_counts_;
  std::map<std::string, std::unique_ptr<sql::PreparedStatement>, std::less<>> statements_;
  bool in_transaction_ = false;
  std::chrono::steady_clock::time_point last_used_{};
};

// Raw bytes (hashes) travel as hex text so no character-set conversion can touch them: the SQL
// says UNHEX(?) for a parameter and HEX(column) for a result.
struct Bytes {
  const std::string& raw;
};

// Parameter binding and reading, with time as UTC DATETIME(6).
void bind(sql::PreparedStatement& ps, int index, const std::string& value);
void bind(sql::PreparedStatement& ps, int index, const char* value);
void bind(sql::PreparedStatement& ps, int index, std::int64_t value);
void bind(sql::PreparedStatement& ps, int index, int value);
void bind(sql::PreparedStatement& ps, int index, TimePoint value);
void bind(sql::PreparedStatement& ps, int index, std::nullopt_t);
void bind(sql::PreparedStatement& ps, int index, Bytes value);
std::string read_bytes(sql::ResultSet& rs, const char* hex_column);
std::string bytes_from_hex(std::string_view hex);  // throws on anything but pairs of hex digits
template <class T>
void bind(sql::PreparedStatement& ps, int index, const std::optional<T>& value) {
  if (value) bind(ps, index, *value); else bind(ps, index, std::nullopt);
}
template <class... Args>
sql::PreparedStatement& bind_all(sql::PreparedStatement& ps, const Args&... args) {
  int index = 0;
  (bind(ps, ++index, args), ...);
  return ps;
}
std::string format_time(TimePoint t);  // "2026-08-01 00:00:00.000000" (UTC)
TimePoint parse_time(const std::string& text);  // that form, or a shorter fraction, or a date
TimePoint read_time(sql::ResultSet& rs, const char* column);
std::optional<TimePoint> read_optional_time(sql::ResultSet& rs, const char* column);  // NULL: none
std::optional<std::string> read_optional_text(sql::ResultSet& rs, const char* column);  // likewise
CivilDate read_date(sql::ResultSet& rs, const char* column);  // a DATE column; throws if unreadable
std::unique_ptr<sql::ResultSet> query(sql::PreparedStatement& ps);
// Runs a bound "INSERT … RETURNING id" and gives that id: one round trip, where INSERT then
// SELECT LAST_INSERT_ID() took two.
std::int64_t returned_id(sql::PreparedStatement& ps);
// The text of a statement for `rows` rows: prefix, then `group` that many times with commas, then
// suffix ("INSERT … VALUES " + "(?, ?)" × rows).
std::string batched(const std::string& prefix, const std::string& group, std::size_t rows,
                    const char* suffix = "");

}  // namespace xueji::store
