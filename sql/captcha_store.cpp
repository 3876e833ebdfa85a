// captcha_store.cpp: the SQL of the captchas table.
#include "sql/captcha_store.h"

namespace xueji::store {
namespace {

const std::string kPutCaptcha =
    "INSERT INTO captchas (session_hash, form, answer_hmac, answer_box, expires_at) "
    "VALUES (UNHEX(?), ?, UNHEX(?), UNHEX(?), ?) "
    "ON DUPLICATE KEY UPDATE answer_hmac = VALUES(answer_hmac), answer_box = VALUES(answer_box), "
    "expires_at = VALUES(expires_at)";
const std::string kReadCaptchaBox =
    "SELECT HEX(answer_box) AS box_hex FROM captchas WHERE session_hash = UNHEX(?) AND form = ? "
    "AND expires_at > ? AND answer_box IS NOT NULL";
const std::string kTakeCaptcha =
    "DELETE FROM captchas WHERE session_hash = UNHEX(?) AND form = ? RETURNING HEX(answer_hmac) AS answer_hex, expires_at";

}  // namespace

void put_captcha(Db& db, const std::string& session_hash, const std::string& form,
                 const std::string& answer_hmac, const std::string& answer_box,
                 TimePoint expires_at) {
  db.run(kPutCaptcha, Repeat::kSafe, [&](sql::PreparedStatement& ps) {
    bind_all(ps, Bytes{session_hash}, form, Bytes{answer_hmac}, Bytes{answer_box}, expires_at)
        .executeUpdate();
  });
}

std::optional<std::string> read_captcha_box(Db& db, const std::string& session_hash,
                                            const std::string& form, TimePoint now) {
  return db.run(kReadCaptchaBox, Repeat::kSafe,
                [&](sql::PreparedStatement& ps) -> std::optional<std::string> {
                  auto rs = query(bind_all(ps, Bytes{session_hash}, form, now));
                  if (!rs->next()) return std::nullopt;
                  return read_bytes(*rs, "box_hex");
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
