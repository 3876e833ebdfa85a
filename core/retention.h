// retention.h: how long rows that only serve limits and lockouts are kept after their last use
// (`xueji-ctl purge`), each with a margin over the longest window that still reads them; how
// long the audit trail is kept; and how long delivered mail keeps its body, then its row.
#pragma once
#include "core/clock.h"
#include "core/email_code.h"
#include "core/forgot_policy.h"
#include "core/identity_lockout.h"
#include "core/lockout.h"
#include "core/oidc.h"

namespace xueji {

// email_codes: counted for a session's and an address's hourly sends.
inline constexpr Seconds kEmailCodeRetention{24 * 60 * 60};
// identity_failures: an ID number's failure window, then its lock.
inline constexpr Seconds kIdentityFailureRetention{24 * 60 * 60};
// attempt_counters: the window of an unknown name's or a device's tries, then its lock.
inline constexpr Seconds kAttemptCounterRetention{60 * 60};
// forgot_requests: an account's daily mail cap and a session's hourly limit.
inline constexpr Seconds kForgotRequestRetention{2 * 24 * 60 * 60};

// oidc_pending, oidc_codes, oidc_tokens (single sign-on): an hour past their expiry. A used
// code outlives its tokens, so a second use is still recognised (and what the first issued
// revoked) as long as those tokens could be used.
inline constexpr Seconds kOidcRowRetention{60 * 60};

// audit_log: the audit trail covers a whole school year and the start of the next (400 days).
// Nothing defined it before issue 16; `purge` does not delete audit rows (yet), but the rows
// that audit rows name, such as outbox messages ("outbox:N"), are kept this long.
inline constexpr Seconds kAuditRetention{400 * 24 * 60 * 60};
// outbox: a delivered message's body (codes, names, account names) only answers "what did we
// send?" in the days after; then it is emptied, and the row (recipient, subject, times) goes
// with the audit rows that name it.
inline constexpr Seconds kSentMailBodyRetention{7 * 24 * 60 * 60};
inline constexpr Seconds kSentMailRetention = kAuditRetention;

static_assert(kEmailCodeRetention > kEmailSendWindow);
static_assert(kSentMailRetention > kSentMailBodyRetention);
static_assert(kIdentityFailureRetention > kIdentityIdWindow + kIdentityLockTime);
static_assert(kAttemptCounterRetention > kFailureWindow + kLockDuration);
static_assert(kOidcRowRetention > oidc::kCodeLifetime + oidc::kAccessTokenLifetime);
static_assert(kForgotRequestRetention > kForgotMailWindow &&
              kForgotRequestRetention > kEmailSendWindow);

// The moments `purge` compares rows with, all from one reading of the clock.
struct PurgeCutoffs {
  TimePoint now;                       // sessions and captchas expired at or before it
  TimePoint email_codes_sent_before;   // older codes go
  TimePoint identity_failures_before;  // counters not updated since (and not locked) go
  TimePoint forgot_requests_before;    // older requests go
  TimePoint attempt_windows_before;    // counters whose window began earlier (and not locked) go
  TimePoint sent_mail_bodies_before;   // mail sent earlier loses its body
  TimePoint sent_mail_before;          // mail sent earlier goes
  TimePoint oidc_expired_before;       // single sign-on rows that expired earlier go
};

inline PurgeCutoffs purge_cutoffs(TimePoint now) {
  return {now,
          now - kEmailCodeRetention,
          now - kIdentityFailureRetention,
          now - kForgotRequestRetention,
          now - kAttemptCounterRetention,
          now - kSentMailBodyRetention,
          now - kSentMailRetention,
          now - kOidcRowRetention};
}

}  // namespace xueji
