// audit_batch.h: the audit rows a busy worker child keeps back, to write several in one statement.
//
// Each statement costs the worker and MariaDB ~0.2 ms of CPU whatever its size; while requests
// queue up (the week a school year opens), one INSERT per request was ~15% of what a 身分驗證
// submission cost. A child keeps rows only while another request is waiting for it, at most
// kMaxRows of them and for at most kMaxAge; a child with nothing waiting writes every row before
// it answers, as it always did. Rows kept by a child that crashes are lost: at most kMaxRows.
#pragma once
#include <chrono>
#include <cstddef>
#include <vector>

#include "core/clock.h"
#include "sql/audit_store.h"

namespace xueji {

class AuditBatch {
 public:
  static constexpr std::size_t kMaxRows = 16;
  static constexpr std::chrono::milliseconds kMaxAge{500};
  // While the database cannot take rows, at most this many wait; older ones are dropped.
  static constexpr std::size_t kMaxKept = 1024;

  void keep(store::AuditEntry entry, TimePoint at);
  // Whether the kept rows are to be written now: when no other request waits for this child,
  // when kMaxRows are kept, or when the oldest is kMaxAge old.
  bool due(TimePoint now, bool request_waiting) const;
  bool empty() const { return rows_.empty(); }
  const std::vector<store::AuditRow>& rows() const { return rows_; }
  // After the rows were written.
  void clear() { rows_.clear(); }
  // Gives the rows up (the database refused them): they count as dropped.
  void drop();
  // Rows dropped since the last call (by drop(), or by keep() at kMaxKept), for a log line.
  std::size_t take_dropped();

 private:
  std::vector<store::AuditRow> rows_;
  std::size_t dropped_ = 0;
};

}  // namespace xueji
