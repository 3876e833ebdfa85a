// audit_batch.cpp: when a busy worker child writes the audit rows it kept back.
#include "fcgi/audit_batch.h"

#include <utility>

namespace xueji {

void AuditBatch::keep(store::AuditEntry entry, TimePoint at) {
  if (rows_.size() >= kMaxKept) {
    rows_.erase(rows_.begin());
    ++dropped_;
  }
  rows_.push_back({std::move(entry), at});
}

bool AuditBatch::due(TimePoint now, bool request_waiting) const {
  if (rows_.empty()) return false;
  return !request_waiting || rows_.size() >= kMaxRows || now - rows_.front().at >= kMaxAge;
}

void AuditBatch::drop() {
  dropped_ += rows_.size();
  rows_.clear();
}

std::size_t AuditBatch::take_dropped() { return std::exchange(dropped_, 0); }

}  // namespace xueji
