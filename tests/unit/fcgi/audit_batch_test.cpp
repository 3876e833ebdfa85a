// audit_batch_test.cpp: a worker child keeps audit rows back only while a request waits, at most
// AuditBatch::kMaxRows of them and for at most AuditBatch::kMaxAge.
#include "fcgi/audit_batch.h"

#include <cppunit/extensions/HelperMacros.h>

using xueji::AuditBatch;
using xueji::TimePoint;

namespace {

const TimePoint kStart{std::chrono::seconds(1785542400)};  // 2026-08-01 00:00 UTC

xueji::store::AuditEntry entry(int n) {
  return {"web", "apply.identity.has_account", "A12****78" + std::to_string(n), "127.0.0.1", ""};
}

}  // namespace

class AuditBatchTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(AuditBatchTest);
  CPPUNIT_TEST(nothing_kept_is_never_due);
  CPPUNIT_TEST(due_at_once_when_no_request_waits);
  CPPUNIT_TEST(kept_while_requests_wait_until_the_batch_is_full);
  CPPUNIT_TEST(kept_while_requests_wait_until_the_oldest_is_old_enough);
  CPPUNIT_TEST(rows_keep_their_own_times_and_order);
  CPPUNIT_TEST(a_database_that_takes_nothing_costs_the_oldest_rows_only);
  CPPUNIT_TEST_SUITE_END();

 public:
  void nothing_kept_is_never_due() {
    AuditBatch batch;
    CPPUNIT_ASSERT(!batch.due(kStart, false));
    CPPUNIT_ASSERT(!batch.due(kStart + std::chrono::hours(1), true));
  }

  void due_at_once_when_no_request_waits() {
    AuditBatch batch;
    batch.keep(entry(1), kStart);
    CPPUNIT_ASSERT(batch.due(kStart, false));
    CPPUNIT_ASSERT(!batch.due(kStart, true));
  }

  void kept_while_requests_wait_until_the_batch_is_full() {
    AuditBatch batch;
    for (std::size_t n = 1; n < AuditBatch::kMaxRows; ++n) {
      batch.keep(entry(static_cast<int>(n)), kStart);
      CPPUNIT_ASSERT(!batch.due(kStart, true));
    }
    batch.keep(entry(0), kStart);
    CPPUNIT_ASSERT(batch.due(kStart, true));
    batch.clear();
    CPPUNIT_ASSERT(batch.empty());
    CPPUNIT_ASSERT(!batch.due(kStart, false));
  }

  void kept_while_requests_wait_until_the_oldest_is_old_enough() {
    AuditBatch batch;
    batch.keep(entry(1), kStart);
    batch.keep(entry(2), kStart + AuditBatch::kMaxAge / 2);
    CPPUNIT_ASSERT(!batch.due(kStart + AuditBatch::kMaxAge - std::chrono::milliseconds(1), true));
    CPPUNIT_ASSERT(batch.due(kStart + AuditBatch::kMaxAge, true));
  }

  void rows_keep_their_own_times_and_order() {
    AuditBatch batch;
    batch.keep(entry(1), kStart);
    batch.keep(entry(2), kStart + std::chrono::milliseconds(7));
    CPPUNIT_ASSERT_EQUAL(std::size_t{2}, batch.rows().size());
    CPPUNIT_ASSERT_EQUAL(std::string("A12****781"), batch.rows()[0].entry.target);
    CPPUNIT_ASSERT(batch.rows()[0].at == kStart);
    CPPUNIT_ASSERT(batch.rows()[1].at == kStart + std::chrono::milliseconds(7));
  }

  void a_database_that_takes_nothing_costs_the_oldest_rows_only() {
    AuditBatch batch;
    for (std::size_t n = 0; n < AuditBatch::kMaxKept + 3; ++n) {
      batch.keep(entry(static_cast<int>(n % 10)), kStart + std::chrono::milliseconds(n));
    }
    CPPUNIT_ASSERT_EQUAL(AuditBatch::kMaxKept, batch.rows().size());
    CPPUNIT_ASSERT(batch.rows().front().at == kStart + std::chrono::milliseconds(3));
    CPPUNIT_ASSERT_EQUAL(std::size_t{3}, batch.take_dropped());
    CPPUNIT_ASSERT_EQUAL(std::size_t{0}, batch.take_dropped());
    batch.drop();  // the database refused them
    CPPUNIT_ASSERT(batch.empty());
    CPPUNIT_ASSERT_EQUAL(AuditBatch::kMaxKept, batch.take_dropped());
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(AuditBatchTest);
