// outbox_store.cpp: the SQL that puts mail into the outbox.
#include "sql/outbox_store.h"

namespace xueji::store {
namespace {

const std::string kQueueMail =
    "INSERT INTO outbox (recipient, subject, body, state, attempts, next_attempt_at, created_at) "
    "VALUES (?, ?, ?, 'pending', 0, ?, ?) RETURNING id";

}  // namespace

std::int64_t queue_mail(Db& db, const OutgoingMail& mail, TimePoint now) {
  return db.run(kQueueMail, Repeat::kUnsafe, [&](sql::PreparedStatement& ps) {
    return returned_id(bind_all(ps, mail.recipient, mail.subject, mail.body, now, now));
  });
}

}  // namespace xueji::store
