// purge_store.h: deleting the rows nothing reads any more (`xueji-ctl purge`): expired sessions
// and captchas, and the e-mail codes, 身分驗證 failure counters and 忘記密碼／忘記帳號 requests
// past the windows of core/retention.h; and emptying, then deleting, delivered outbox mail. Each kind goes in batches of kPurgeBatch rows, one
// statement (and so one short transaction) per batch, so the workers never wait long on a lock.
#pragma once
#include <cstdint>

#include "core/retention.h"
#include "sql/db.h"

namespace xueji::store {

inline constexpr int kPurgeBatch = 10000;

struct PurgeCounts {
  std::int64_t sessions = 0;
  std::int64_t captchas = 0;  // expired ones and those of expired sessions
  std::int64_t email_codes = 0;
  std::int64_t identity_failures = 0;
  std::int64_t forgot_requests = 0;
  std::int64_t attempt_counters = 0;
  std::int64_t outbox_bodies = 0;  // delivered messages whose body was emptied
  std::int64_t outbox_rows = 0;    // delivered messages deleted
  std::int64_t oidc_rows = 0;      // authorization requests, codes and access tokens
  std::int64_t account_tokens = 0;  // the console's one-time links, expired, used or replaced
};

// Deletes, in this order:
// - the captchas of sessions expired at cutoffs.now, then those sessions;
// - captchas expired at cutoffs.now;
// - forgot_requests made before forgot_requests_before;
// - email_codes sent before email_codes_sent_before that no remaining forgot_request names (a
//   request's code stays as long as the request, so no request goes by ON DELETE CASCADE);
// - identity_failures not updated since identity_failures_before and not locked at now;
// - attempt_counters whose window began before attempt_windows_before and not locked at now;
// - the body of outbox messages sent before sent_mail_bodies_before, made empty, body_purged_at
//   set to now (pending, sending and failed messages keep theirs: they may still be sent);
// - outbox messages sent before sent_mail_before;
// - single sign-on's waiting authorization requests, codes and access tokens that expired
//   before oidc_expired_before;
// - account_tokens (the AA console's and the helpdesk's links) expired, used or replaced at now.
PurgeCounts purge_expired_rows(Db& db, const PurgeCutoffs& cutoffs);

}  // namespace xueji::store
