// outbox_store.cpp: the SQL that puts mail into the outbox.
#include "sql/outbox_store.h"

namespace xueji::store {
namespace {

const std::string kQueueMail =
    "INSERT INTO outbox (recipient, subject, body, state, attempts, next_attempt_at, created_at) "
    "VALUES (?, ?, ?, 'pending', 0, ?, ?)";
const std::string kLastInsertId = "SELECT LAST_INSERT_ID()";

}  // namespace

std::int64_t queue_mail(Db& db, const OutgoingMail& mail, TimePoint now) {
  db.run(kQueueMail, Repeat::kUnsafe, [&](sql::PreparedStatement& ps) {
    bind_all(ps, mail.recipient, mail.subject, mail.body, now, now).executeUpdate();
  });
  return db.run(kLastInsertId, Repeat::kUnsafe, [](sql::PreparedStatement& ps) {
    auto rs = query(ps);
    return rs->next() ? rs->getInt64(1) : std::int64_t{0};
  });
}

}  // namespace xueji::store
