// outbox_delivery_store.cpp: the SQL of claiming, delivering and re-queueing outbox messages.
#include "sql/outbox_delivery_store.h"

#include <functional>

namespace xueji::store {
namespace {

// Two claims, each walking the (state, next_attempt_at) index in order so InnoDB locks only the
// rows it returns; SKIP LOCKED passes over rows another mailer of the same database node is
// claiming right now. Row locks (and SKIP LOCKED) do not reach the other nodes of a Galera
// cluster, so the claim itself is the conditional UPDATE below: it takes a row only in the state
// and with the attempt count just read, and when mailers on two nodes claim the same row at once,
// certification fails all but the first to commit (1213), whose transaction then runs again
// (Db::transaction) and no longer finds the row due.
const std::string kClaimColumns =
    "SELECT id, recipient, subject, body, attempts, COALESCE(queued_at, created_at) AS queued, "
    "created_at FROM outbox ";
const std::string kDueExpiredLeases =
    kClaimColumns +
    "WHERE state = 'sending' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ? "
    "FOR UPDATE SKIP LOCKED";
const std::string kDuePending =
    kClaimColumns +
    "WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ? "
    "FOR UPDATE SKIP LOCKED";
const std::string kMarkSending =
    "UPDATE outbox SET state = 'sending', attempts = attempts + 1, next_attempt_at = ?, "
    "claimed_by = ? "
    "WHERE id = ? AND attempts = ? AND next_attempt_at <= ? AND state IN ('pending', 'sending')";
const std::string kClaimants =
    "SELECT DISTINCT claimed_by FROM outbox WHERE state = 'sending' AND claimed_by LIKE ?";
const std::string kReleaseClaimant =
    "UPDATE outbox SET state = 'pending', next_attempt_at = COALESCE(queued_at, created_at), "
    "claimed_by = NULL WHERE state = 'sending' AND claimed_by = ?";
// Retries that wait only because the server could not be reached fall due as if never tried:
// the queue's order (next_attempt_at, id) is then oldest first again.
const std::string kServerBack =
    "UPDATE outbox SET next_attempt_at = COALESCE(queued_at, created_at) "
    "WHERE state = 'pending' AND next_attempt_at > ? AND last_error LIKE ?";
const std::string kProbeOldest =
    "UPDATE outbox SET next_attempt_at = COALESCE(queued_at, created_at) "
    "WHERE state = 'pending' AND next_attempt_at > ? AND last_error LIKE ? "
    "ORDER BY COALESCE(queued_at, created_at), id LIMIT 1";

const std::string kMarkSent =
    "UPDATE outbox SET state = 'sent', sent_at = ? "
    "WHERE id = ? AND state = 'sending' AND attempts = ?";
const std::string kScheduleRetry =
    "UPDATE outbox SET state = 'pending', next_attempt_at = ?, last_error = ? "
    "WHERE id = ? AND state = 'sending' AND attempts = ?";
const std::string kMarkFailed =
    "UPDATE outbox SET state = 'failed', last_error = ? "
    "WHERE id = ? AND state = 'sending' AND attempts = ?";
const std::string kRelease =
    "UPDATE outbox SET state = 'pending', next_attempt_at = ?, attempts = attempts - 1 "
    "WHERE id = ? AND state = 'sending' AND attempts = ?";

const std::string kListOutbox =
    "SELECT id, state, attempts, recipient, subject, last_error, created_at, next_attempt_at, "
    "sent_at FROM outbox WHERE (? = '' OR state = ?) ORDER BY id DESC LIMIT ?";
const std::string kCountOutbox = "SELECT state, COUNT(*) AS n FROM outbox GROUP BY state";
const std::string kRetryAllFailed =
    "UPDATE outbox SET state = 'pending', attempts = 0, next_attempt_at = ?, queued_at = ? "
    "WHERE state = 'failed'";
const std::string kRetryOneFailed =
    "UPDATE outbox SET state = 'pending', attempts = 0, next_attempt_at = ?, queued_at = ? "
    "WHERE state = 'failed' AND id = ?";

constexpr std::size_t kMaxErrorLength = 500;  // the column's size

// Cut at a UTF-8 character boundary so the column never holds half a character.
std::string bounded_error(const std::string& error) {
  if (error.size() <= kMaxErrorLength) return error;
  std::size_t cut = kMaxErrorLength;
  while (cut > 0 && (static_cast<unsigned char>(error[cut]) & 0xC0) == 0x80) --cut;
  return error.substr(0, cut);
}

void claim_from(Db& db, const std::string& sql, TimePoint now, int limit,
                std::vector<ClaimedMail>& out) {
  db.run(sql, Repeat::kUnsafe, [&](sql::PreparedStatement& ps) {
    auto rs = query(bind_all(ps, now, limit));
    while (rs->next()) {
      ClaimedMail mail;
      mail.id = rs->getInt64("id");
      mail.recipient = rs->getString("recipient");
      mail.subject = rs->getString("subject");
      mail.body = rs->getString("body");
      mail.attempts = rs->getInt("attempts") + 1;
      mail.queued_at = read_time(*rs, "queued");
      mail.created_at = read_time(*rs, "created_at");
      out.push_back(std::move(mail));
    }
  });
}

bool changed_one(Db& db, const std::string& sql,
                 const std::function<void(sql::PreparedStatement&)>& binder) {
  return db.run(sql, Repeat::kSafe, [&](sql::PreparedStatement& ps) {
    binder(ps);
    return ps.executeUpdate() == 1;
  });
}

}  // namespace

std::vector<ClaimedMail> claim_due_mail(Db& db, TimePoint now, int limit,
                                        std::chrono::seconds lease, const std::string& claimant) {
  return db.transaction([&] {
    std::vector<ClaimedMail> claimed;
    claim_from(db, kDueExpiredLeases, now, limit, claimed);
    int left = limit - static_cast<int>(claimed.size());
    if (left > 0) claim_from(db, kDuePending, now, left, claimed);
    TimePoint lease_end = now + lease;
    std::vector<ClaimedMail> taken;
    for (ClaimedMail& mail : claimed) {
      bool ours = db.run(kMarkSending, Repeat::kUnsafe, [&](sql::PreparedStatement& ps) {
        return bind_all(ps, lease_end, claimant, mail.id, mail.attempts - 1, now).executeUpdate() ==
               1;
      });
      if (ours) taken.push_back(std::move(mail));
    }
    return taken;
  });
}

bool mark_mail_sent(Db& db, const ClaimedMail& mail, TimePoint now) {
  return changed_one(db, kMarkSent, [&](sql::PreparedStatement& ps) {
    bind_all(ps, now, mail.id, mail.attempts);
  });
}

bool schedule_mail_retry(Db& db, const ClaimedMail& mail, TimePoint next_attempt,
                         const std::string& error) {
  return changed_one(db, kScheduleRetry, [&](sql::PreparedStatement& ps) {
    bind_all(ps, next_attempt, bounded_error(error), mail.id, mail.attempts);
  });
}

bool mark_mail_failed(Db& db, const ClaimedMail& mail, const std::string& error) {
  return changed_one(db, kMarkFailed, [&](sql::PreparedStatement& ps) {
    bind_all(ps, bounded_error(error), mail.id, mail.attempts);
  });
}

bool release_mail(Db& db, const ClaimedMail& mail, TimePoint now) {
  return changed_one(
      db, kRelease, [&](sql::PreparedStatement& ps) { bind_all(ps, now, mail.id, mail.attempts); });
}

std::vector<std::string> claimants_like(Db& db, const std::string& pattern) {
  return db.run(kClaimants, Repeat::kSafe, [&](sql::PreparedStatement& ps) {
    std::vector<std::string> out;
    auto rs = query(bind_all(ps, pattern));
    while (rs->next()) out.push_back(rs->getString(1));
    return out;
  });
}

int release_claims_of(Db& db, const std::string& claimant) {
  return db.run(kReleaseClaimant, Repeat::kSafe, [&](sql::PreparedStatement& ps) {
    return bind_all(ps, claimant).executeUpdate();
  });
}

int bring_forward_retries(Db& db, TimePoint now, const std::string& error_prefix) {
  return db.run(kServerBack, Repeat::kSafe, [&](sql::PreparedStatement& ps) {
    return bind_all(ps, now, error_prefix + "%").executeUpdate();
  });
}

bool bring_forward_oldest_retry(Db& db, TimePoint now, const std::string& error_prefix) {
  return db.run(kProbeOldest, Repeat::kSafe, [&](sql::PreparedStatement& ps) {
    return bind_all(ps, now, error_prefix + "%").executeUpdate() == 1;
  });
}

std::vector<OutboxEntry> list_outbox(Db& db, const std::string& state, int limit) {
  return db.run(kListOutbox, Repeat::kSafe, [&](sql::PreparedStatement& ps) {
    std::vector<OutboxEntry> rows;
    auto rs = query(bind_all(ps, state, state, limit));
    while (rs->next()) {
      OutboxEntry e;
      e.id = rs->getInt64("id");
      e.state = rs->getString("state");
      e.attempts = rs->getInt("attempts");
      e.recipient = rs->getString("recipient");
      e.subject = rs->getString("subject");
      e.last_error = read_optional_text(*rs, "last_error");
      e.created_at = read_time(*rs, "created_at");
      e.next_attempt_at = read_time(*rs, "next_attempt_at");
      e.sent_at = read_optional_time(*rs, "sent_at");
      rows.push_back(std::move(e));
    }
    return rows;
  });
}

OutboxCounts count_outbox(Db& db) {
  return db.run(kCountOutbox, Repeat::kSafe, [&](sql::PreparedStatement& ps) {
    OutboxCounts counts;
    auto rs = query(ps);
    while (rs->next()) {
      std::string state = rs->getString("state");
      std::int64_t n = rs->getInt64("n");
      if (state == "pending")
        counts.pending = n;
      else if (state == "sending")
        counts.sending = n;
      else if (state == "sent")
        counts.sent = n;
      else if (state == "failed")
        counts.failed = n;
    }
    return counts;
  });
}

int retry_failed_mail(Db& db, TimePoint now, std::optional<std::int64_t> id) {
  if (id) {
    return db.run(kRetryOneFailed, Repeat::kSafe, [&](sql::PreparedStatement& ps) {
      return bind_all(ps, now, now, *id).executeUpdate();
    });
  }
  return db.run(kRetryAllFailed, Repeat::kSafe,
                [&](sql::PreparedStatement& ps) { return bind_all(ps, now, now).executeUpdate(); });
}

}  // namespace xueji::store
