// purge_store.cpp: the SQL of `xueji-ctl purge`.
#include "sql/purge_store.h"

namespace xueji::store {
namespace {

const std::string kPurgeSessionCaptchas =
    "DELETE FROM captchas WHERE session_hash IN "
    "(SELECT id_hash FROM sessions WHERE expires_at <= ?) LIMIT ?";
const std::string kPurgeSessions = "DELETE FROM sessions WHERE expires_at <= ? LIMIT ?";
const std::string kPurgeCaptchas = "DELETE FROM captchas WHERE expires_at <= ? LIMIT ?";
const std::string kPurgeForgotRequests =
    "DELETE FROM forgot_requests WHERE requested_at < ? LIMIT ?";
const std::string kPurgeEmailCodes =
    "DELETE FROM email_codes WHERE sent_at < ? AND NOT EXISTS "
    "(SELECT 1 FROM forgot_requests r WHERE r.code_id = email_codes.id) LIMIT ?";
const std::string kPurgeIdentityFailures =
    "DELETE FROM identity_failures WHERE updated_at < ? "
    "AND (locked_until IS NULL OR locked_until <= ?) LIMIT ?";
// sent_at is set only when a message is delivered, so `sent_at < ?` already means 'sent'; the
// state test is kept for clarity and costs nothing on the rows the index returns.
const std::string kEmptySentMailBodies =
    "UPDATE outbox SET body = '', body_purged_at = ? "
    "WHERE body_purged_at IS NULL AND sent_at < ? AND state = 'sent' LIMIT ?";
const std::string kPurgeSentMail =
    "DELETE FROM outbox WHERE sent_at < ? AND state = 'sent' LIMIT ?";
const std::string kPurgeAccountTokens =
    "DELETE FROM account_tokens WHERE expires_at <= ? OR used_at <= ? LIMIT ?";
const std::string kPurgeAttemptCounters =
    "DELETE FROM attempt_counters WHERE window_start < ? "
    "AND (locked_until IS NULL OR locked_until <= ?) LIMIT ?";

const std::string kPurgeOidcPending = "DELETE FROM oidc_pending WHERE expires_at < ? LIMIT ?";
const std::string kPurgeOidcCodes = "DELETE FROM oidc_codes WHERE expires_at < ? LIMIT ?";
const std::string kPurgeOidcTokens = "DELETE FROM oidc_tokens WHERE expires_at < ? LIMIT ?";

// Runs a DELETE … LIMIT ? (the batch size its last parameter) until a batch deletes fewer rows
// than a full batch. Repeating a batch after a lost connection deletes nothing twice. Also runs
// the UPDATE that empties outbox bodies, which leaves each row it changed out of its own WHERE.
template <class... Args>
std::int64_t delete_in_batches(Db& db, const std::string& statement, const Args&... args) {
  std::int64_t total = 0;
  for (;;) {
    int deleted = db.run(statement, Repeat::kSafe, [&](sql::PreparedStatement& ps) {
      return bind_all(ps, args..., kPurgeBatch).executeUpdate();
    });
    total += deleted;
    if (deleted < kPurgeBatch) return total;
  }
}

}  // namespace

PurgeCounts purge_expired_rows(Db& db, const PurgeCutoffs& cutoffs) {
  PurgeCounts counts;
  counts.captchas = delete_in_batches(db, kPurgeSessionCaptchas, cutoffs.now);
  counts.sessions = delete_in_batches(db, kPurgeSessions, cutoffs.now);
  counts.captchas += delete_in_batches(db, kPurgeCaptchas, cutoffs.now);
  counts.forgot_requests =
      delete_in_batches(db, kPurgeForgotRequests, cutoffs.forgot_requests_before);
  counts.email_codes = delete_in_batches(db, kPurgeEmailCodes, cutoffs.email_codes_sent_before);
  counts.identity_failures =
      delete_in_batches(db, kPurgeIdentityFailures, cutoffs.identity_failures_before, cutoffs.now);
  counts.attempt_counters = delete_in_batches(db, kPurgeAttemptCounters,
                                              cutoffs.attempt_windows_before, cutoffs.now);
  // Rows about to be deleted need not be emptied first.
  counts.outbox_rows = delete_in_batches(db, kPurgeSentMail, cutoffs.sent_mail_before);
  counts.outbox_bodies =
      delete_in_batches(db, kEmptySentMailBodies, cutoffs.now, cutoffs.sent_mail_bodies_before);
  for (const std::string* statement : {&kPurgeOidcPending, &kPurgeOidcCodes, &kPurgeOidcTokens}) {
    counts.oidc_rows += delete_in_batches(db, *statement, cutoffs.oidc_expired_before);
  }
  counts.account_tokens = delete_in_batches(db, kPurgeAccountTokens, cutoffs.now, cutoffs.now);
  return counts;
}

}  // namespace xueji::store
