// identity_lock.cpp: the session's 身分驗證 lock and the lock message.
#include "flows/identity_lock.h"

#include "flows/wizard.h"

namespace xueji {

FailureCounter session_identity_counter(const Session& session) {
  FailureCounter c;
  c.failures = session.failed_tries;
  std::string until = session.value(wizard::kIdentityLockKey);
  if (!until.empty()) c.locked_until = TimePoint(Seconds(std::stoll(until)));
  return c;
}

void store_session_identity_counter(Session& session, const FailureCounter& counter) {
  session.failed_tries = counter.failures;
  std::string until;
  if (counter.locked_until) until = std::to_string(wizard::unix_seconds(*counter.locked_until));
  session.set_value(wizard::kIdentityLockKey, until);
}

std::string identity_locked_message(TimePoint until, TimePoint now) {
  auto minutes = std::chrono::ceil<std::chrono::minutes>(until - now).count();
  if (minutes < 1) minutes = 1;
  return "身分驗證失敗次數過多，為保護個人資料，暫停受理身分驗證 15 分鐘，請於 " +
         std::to_string(minutes) + " 分鐘後再試。";
}

}  // namespace xueji
