// captcha_store.h: one captcha per (session, form); an HMAC of its answer for the check, and the
// answer sealed (core/secret_box.h) for the audio captcha.
#pragma once
#include <optional>
#include <string>

#include "sql/db.h"

namespace xueji::store {

// Replaces the captcha of (session, form).
void put_captcha(Db& db, const std::string& session_hash, const std::string& form,
                 const std::string& answer_hmac, const std::string& answer_box,
                 TimePoint expires_at);
// The sealed answer of the captcha of (session, form) if it is live at `now`; the captcha stays
// (the audio does not use it up: only the check does).
std::optional<std::string> read_captcha_box(Db& db, const std::string& session_hash,
                                            const std::string& form, TimePoint now);
// Deletes the captcha of (session, form) and returns its answer HMAC if it had not expired at
// `now`. Atomic (DELETE … RETURNING), so a captcha is consumed exactly once.
std::optional<std::string> take_captcha(Db& db, const std::string& session_hash,
                                        const std::string& form, TimePoint now);

}  // namespace xueji::store
