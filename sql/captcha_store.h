// captcha_store.h: one captcha per (session, form); only an HMAC of its answer is kept.
#pragma once
#include <optional>
#include <string>

#include "sql/db.h"

namespace xueji::store {

// Replaces the captcha of (session, form).
void put_captcha(Db& db, const std::string& session_hash, const std::string& form,
                 const std::string& answer_hmac, TimePoint expires_at);
// Deletes the captcha of (session, form) and returns its answer HMAC if it had not expired at
// `now`. Atomic (DELETE … RETURNING), so a captcha is consumed exactly once.
std::optional<std::string> take_captcha(Db& db, const std::string& session_hash,
                                        const std::string& form, TimePoint now);

}  // namespace xueji::store
