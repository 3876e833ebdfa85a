// captcha.cpp: issuing and checking the captcha of a form in the visitor's session.
#include "flows/captcha.h"

#include "core/captcha_answer.h"
#include "core/secret_box.h"
#include "flows/captcha_audio.h"
#include "flows/captcha_image.h"
#include "sql/captcha_store.h"

namespace xueji {
namespace {

constexpr Seconds kCaptchaLifetime{5 * 60};

// The sealed answer opens only for the session and form it was drawn for.
std::string box_context(const Session& session, std::string_view form) {
  return "captcha:" + crypto::to_hex(session.id_hash) + ":" + std::string(form);
}

}  // namespace

std::string issue_captcha(const Session& session, std::string_view form, Context& ctx) {
  // In test mode every captcha shows and accepts the configured answer; it is still single use
  // and still expires, so those rules are tested the same way.
  std::string answer = ctx.config.captcha_fixed ? *ctx.config.captcha_fixed
                                                : new_captcha_answer(ctx.random);
  store::put_captcha(ctx.db, session.id_hash, std::string(form),
                     captcha_answer_hmac(ctx.config.secret, session.id_hash, form, answer),
                     seal_secret(captcha_box_key(ctx.config.secret), answer,
                                 box_context(session, form), ctx.random),
                     ctx.clock.now() + kCaptchaLifetime);
  return draw_captcha_png(answer, ctx.random);
}

std::optional<std::string> captcha_audio(const Session& session, std::string_view form,
                                         Context& ctx) {
  auto box = store::read_captcha_box(ctx.db, session.id_hash, std::string(form), ctx.clock.now());
  if (!box) return std::nullopt;
  auto answer = open_secret(captcha_box_key(ctx.config.secret), *box, box_context(session, form));
  if (!answer) return std::nullopt;
  return speak_captcha_wav(*answer, ctx.random);
}

CaptchaCheck check_captcha(const Session& session, std::string_view form, std::string_view answer,
                           Context& ctx) {
  auto stored = store::take_captcha(ctx.db, session.id_hash, std::string(form), ctx.clock.now());
  if (!stored) return CaptchaCheck::kMissingOrExpired;
  std::string typed = normalize_captcha_input(answer);
  if (typed.empty()) return CaptchaCheck::kWrong;
  bool right = crypto::constant_time_equal(
      *stored, captcha_answer_hmac(ctx.config.secret, session.id_hash, form, typed));
  return right ? CaptchaCheck::kPassed : CaptchaCheck::kWrong;
}

const char* captcha_message(CaptchaCheck result) {
  switch (result) {
    case CaptchaCheck::kPassed:
      return "";
    case CaptchaCheck::kWrong:
      return "驗證碼錯誤，請輸入新圖片中的 4 位數字。";
    case CaptchaCheck::kMissingOrExpired:
      return "驗證碼已過期，請輸入新圖片中的 4 位數字。";
  }
  return "";
}

}  // namespace xueji
