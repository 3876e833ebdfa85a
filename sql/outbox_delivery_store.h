// outbox_delivery_store.h: the mailer's side of the outbox — claiming due messages so several
// mailers never take the same one, and recording each delivery's outcome — plus what
// `xueji-ctl outbox list|retry` reads and changes.
//
// States: pending → sending (claimed; next_attempt_at is then the lease expiry) → sent | failed,
// or back to pending with a later next_attempt_at after a temporary failure. A mailer that dies
// while sending leaves the row 'sending'; once the lease expires any mailer claims it again.
// Every outcome names the claim (id + attempts), so a mailer whose lease was taken over cannot
// overwrite the newer claim's result.
#pragma once
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sql/db.h"

namespace xueji::store {

struct ClaimedMail {
  std::int64_t id = 0;
  std::string recipient;
  std::string subject;
  std::string body;
  int attempts = 0;     // including this claim
  TimePoint queued_at;  // start of this round of delivery (see 002_staff_mail.sql)
  TimePoint created_at;
};

// In one short transaction: up to `limit` due messages (pending with next_attempt_at <= now, or
// sending with an expired lease), locked with FOR UPDATE SKIP LOCKED so concurrent mailers take
// disjoint sets, marked 'sending' until now + lease by `claimant`, attempts + 1. Oldest due first.
std::vector<ClaimedMail> claim_due_mail(Db& db, TimePoint now, int limit,
                                        std::chrono::seconds lease, const std::string& claimant);

// The mailers holding 'sending' claims whose name matches the LIKE pattern ("host:%").
std::vector<std::string> claimants_like(Db& db, const std::string& pattern);
// Gives back every claim of a mailer that is gone, due at its place in the queue; returns how
// many. (Whether the interrupted message reached the server is unknown: it may arrive twice.)
int release_claims_of(Db& db, const std::string& claimant);
// Makes the pending retries whose last error starts with error_prefix due at once, in queue
// order; returns how many.
int bring_forward_retries(Db& db, TimePoint now, const std::string& error_prefix);
// The same for the oldest such retry only: the probe of a server that was away.
bool bring_forward_oldest_retry(Db& db, TimePoint now, const std::string& error_prefix);

// The outcome of one claim; false when the claim was no longer ours (lease taken over).
bool mark_mail_sent(Db& db, const ClaimedMail& mail, TimePoint now);
bool schedule_mail_retry(Db& db, const ClaimedMail& mail, TimePoint next_attempt,
                         const std::string& error);
bool mark_mail_failed(Db& db, const ClaimedMail& mail, const std::string& error);
// Gives back a claimed message that was not tried (the mailer is stopping): pending again, due
// now, the claim's attempt not counted.
bool release_mail(Db& db, const ClaimedMail& mail, TimePoint now);

struct OutboxEntry {
  std::int64_t id = 0;
  std::string state;
  int attempts = 0;
  std::string recipient;
  std::string subject;
  std::optional<std::string> last_error;
  TimePoint created_at;
  TimePoint next_attempt_at;
  std::optional<TimePoint> sent_at;
};

// Newest first; `state` empty for every state.
std::vector<OutboxEntry> list_outbox(Db& db, const std::string& state, int limit);

struct OutboxCounts {
  std::int64_t pending = 0, sending = 0, sent = 0, failed = 0;
};
OutboxCounts count_outbox(Db& db);

// failed → pending, due at `now`, with a fresh round of retries (attempts 0, queued_at now).
// Every failed message, or only `id` when given. Returns how many changed.
int retry_failed_mail(Db& db, TimePoint now, std::optional<std::int64_t> id);

}  // namespace xueji::store
