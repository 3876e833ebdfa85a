// captcha_store.cpp: the SQL of the captchas table.
#include "sql/captcha_store.h"

namespace xueji::store {
namespace {

const std::string kPutCaptcha =
    "INSERT INTO captchas (session_hash, form, answer_hmac, expires_at) VALUES (UNHEX(?), ?, UNHEX(?), ?) "
    "ON DUPLICATE KEY UPDATE answer_hmac = VALUES(answer_hmac), expires_at = VALUES(expires_at)";
const std::string kTakeCaptcha =
    "DELETE FROM captchas WHERE session_hash = UNHEX(?) AND form = ? RETURNING HEX(answer_hmac) AS answer_hex, expires_at";

}  // namespace

void put_captcha(Db& db, const std::string& session_hash, const std::string& form,
                 const std::string& answer_hmac, TimePoint expires_at) {
  db.run(kPutCaptcha, Repeat::kSafe, [&](sql::PreparedStatement& ps) {
    bind_all(ps, Bytes{session_hash}, form, Bytes{answer_hmac}, expires_at).executeUpdate();
  });
}

std::optional<std::string> take_captcha(Db& db, const std::string& session_hash,
                                        const std::string& form, TimePoint now) {
  // Not repeated on a lost connection: the first attempt may already have consumed it.
  return db.run(kTakeCaptcha, Repeat::kUnsafe,
                [&](sql::PreparedStatement& ps) -> std::optional<std::string> {
                  auto rs = query(bind_all(ps, Bytes{session_hash}, form));
                  if (!rs->next()) return std::nullopt;
                  if (read_time(*rs, "expires_at") <= now) return std::nullopt;
                  return read_bytes(*rs, "answer_hex");
                });
}

}  // namespace xueji::store
