// identity_lock.h: the 身分驗證 lock of a browser session (5 failed matches: 15 minutes), kept in
// the session row, and the words that tell a person how long any 身分驗證 lock still lasts.
#pragma once
#include <string>

#include "core/identity_lockout.h"
#include "fcgi/session.h"

namespace xueji {

// failed_tries counts the session's failures; its value wizard::kIdentityLockKey holds the end.
FailureCounter session_identity_counter(const Session& session);
void store_session_identity_counter(Session& session, const FailureCounter& counter);
// 「…請於 N 分鐘後再試。」, N rounded up, at least 1.
std::string identity_locked_message(TimePoint until, TimePoint now);

}  // namespace xueji
