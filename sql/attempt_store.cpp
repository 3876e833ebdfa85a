// attempt_store.cpp: the SQL of the counters of tries. The three kinds share each statement's
// shape; only the table and columns differ, so each statement is written once, below, and filled
// in per kind. The key is always the last parameter.
#include "sql/attempt_store.h"

#include <array>

namespace xueji::store {
namespace {

using Kind = AttemptCounter::Kind;

struct Columns {
  const char* table;
  const char* key;  // the WHERE condition naming the row, one parameter
  const char* count;
  const char* since;
};

constexpr std::array<Columns, 3> kColumns = {{
    {"accounts", "id = ?", "failed_count", "failed_since"},
    {"accounts", "id = ?", "totp_failed_count", "totp_failed_since"},
    {"attempt_counters", "counter_key = UNHEX(?)", "attempts", "window_start"},
}};

// The statement of `shape` for each kind: {T} table, {K} key condition, {C} count, {S} since.
std::array<std::string, 3> per_kind(const std::string& shape) {
  std::array<std::string, 3> out;
  for (std::size_t i = 0; i < kColumns.size(); ++i) {
    std::string s = shape;
    for (auto [mark, text] : {std::pair{"{T}", kColumns[i].table}, {"{K}", kColumns[i].key},
                              {"{C}", kColumns[i].count}, {"{S}", kColumns[i].since}}) {
      for (std::size_t at; (at = s.find(mark)) != std::string::npos;) s.replace(at, 3, text);
    }
    out[i] = s;
  }
  return out;
}

// Parameters: window cutoff, cutoff, now, now, limit, cutoff, key. MariaDB assigns left to
// right, so {C}'s new value is computed from the old {S}, then {S} moves. Nothing changes while
// a lock runs or when the window is full: then no row is affected and the try is refused.
const auto kReserve = per_kind(
    "UPDATE {T} SET {C} = IF({S} IS NULL OR {S} <= ?, 1, {C} + 1), "
    "{S} = IF({S} IS NULL OR {S} <= ?, ?, {S}) "
    "WHERE (locked_until IS NULL OR locked_until <= ?) "
    "AND ({C} < ? OR {S} IS NULL OR {S} <= ?) AND {K}");
const auto kGiveBack = per_kind("UPDATE {T} SET {C} = {C} - 1 WHERE {C} > 0 AND {K}");
const auto kClear = per_kind("UPDATE {T} SET {C} = 0, {S} = NULL WHERE {C} <> 0 AND {K}");
// Parameters: until, limit, now, key.
const auto kLock = per_kind(
    "UPDATE {T} SET locked_until = ? WHERE {C} >= ? "
    "AND (locked_until IS NULL OR locked_until <= ?) AND {K}");
const auto kCount = per_kind("SELECT {C} AS n FROM {T} WHERE {K}");
// A keyed counter's row exists before its first reservation (two tries of a new name at once
// both insert: one wins, the other is ignored, and both then reserve on the one row).
const std::string kInsertKeyed = "INSERT IGNORE INTO attempt_counters (counter_key) VALUES (UNHEX(?))";

std::size_t index_of(Kind kind) { return static_cast<std::size_t>(kind); }

template <class... Args>
int run_update(Db& db, const std::array<std::string, 3>& statement, const AttemptCounter& c,
               const Args&... args) {
  return db.run(statement[index_of(c.kind)], Repeat::kUnsafe, [&](sql::PreparedStatement& ps) {
    if (c.kind == Kind::kKeyed) return bind_all(ps, args..., Bytes{c.key}).executeUpdate();
    return bind_all(ps, args..., c.account_id).executeUpdate();
  });
}

}  // namespace

AttemptCounter AttemptCounter::account_passwords(std::int64_t account_id) {
  return {Kind::kAccountPasswords, account_id, {}};
}
AttemptCounter AttemptCounter::account_codes(std::int64_t account_id) {
  return {Kind::kAccountCodes, account_id, {}};
}
AttemptCounter AttemptCounter::keyed(std::string key) { return {Kind::kKeyed, 0, std::move(key)}; }

bool reserve_attempt(Db& db, const AttemptCounter& c, TimePoint now, int limit, Seconds window) {
  if (c.kind == Kind::kKeyed) {
    db.run(kInsertKeyed, Repeat::kSafe,
           [&](sql::PreparedStatement& ps) { bind_all(ps, Bytes{c.key}).executeUpdate(); });
  }
  TimePoint cutoff = now - window;
  return run_update(db, kReserve, c, cutoff, cutoff, now, now, limit, cutoff) == 1;
}

void give_back_attempt(Db& db, const AttemptCounter& c) { run_update(db, kGiveBack, c); }

void clear_attempts(Db& db, const AttemptCounter& c) { run_update(db, kClear, c); }

bool lock_if_spent(Db& db, const AttemptCounter& c, TimePoint now, int limit, TimePoint until) {
  return run_update(db, kLock, c, until, limit, now) == 1;
}

int counted_attempts(Db& db, const AttemptCounter& c) {
  return db.run(kCount[index_of(c.kind)], Repeat::kSafe, [&](sql::PreparedStatement& ps) {
    auto rs = c.kind == Kind::kKeyed ? query(bind_all(ps, Bytes{c.key}))
                                     : query(bind_all(ps, c.account_id));
    return rs->next() ? rs->getInt("n") : 0;
  });
}

}  // namespace xueji::store
