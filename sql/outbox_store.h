// outbox_store.h: mail waiting to be delivered. Writers queue a message inside the same
// transaction as the change that causes it; xueji-mailer delivers it.
#pragma once
#include <cstdint>
#include <string>

#include "sql/db.h"

namespace xueji::store {

struct OutgoingMail {
  std::string recipient;  // ASCII address, at most 254 characters
  std::string subject;    // UTF-8, encoded by the mailer
  std::string body;       // UTF-8 plain text
};

std::int64_t queue_mail(Db& db, const OutgoingMail& mail, TimePoint now);

}  // namespace xueji::store
