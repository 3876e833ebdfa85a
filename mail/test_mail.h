// test_mail.h: the message of `xueji-ctl mail test`, which checks the whole mail path.
#pragma once
#include <string>

#include "core/clock.h"
#include "sql/outbox_store.h"

namespace xueji::mail {

// To `address`, saying when it was queued (Taipei time) and by whom.
store::OutgoingMail test_mail(const std::string& address, TimePoint queued_at,
                              const std::string& actor);

}  // namespace xueji::mail
