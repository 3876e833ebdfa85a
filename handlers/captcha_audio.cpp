// captcha_audio.cpp: GET /captcha/audio?form=NAME — the session's captcha of that form spoken
// in Mandarin over noise, as a WAV (issue 21, WCAG 1.1.1). It neither makes a session nor a
// captcha: without a live one (no session, never drawn, used or expired) the answer is the same
// 404 whatever was missing. A new image (「更換圖片」) gives new digits here too.
#include "core/captcha_answer.h"
#include "fcgi/handler.h"
#include "flows/captcha.h"
#include "flows/child_process.h"

xueji::http::Response handle_captcha_audio(const xueji::http::Request& req, xueji::Context& ctx) {
  using namespace xueji;
  std::string_view form = req.param("form");
  if (!valid_captcha_form(form)) throw http::bad_request("unknown captcha form");
  const http::Error no_captcha(
      404, "E404", "目前沒有可播放的驗證碼，請按「更換圖片」取得新的驗證碼後再按「語音播放」。",
      "no live captcha for the audio");
  auto session = find_session(req, ctx);
  if (!session) throw no_captcha;
  std::optional<std::string> wav;
  try {
    wav = captcha_audio(*session, form, ctx);
  } catch (const ChildFailed& e) {
    // A helper program failed or overran its time: what() names it, never the digits.
    throw http::Error(503, "E503", "語音驗證碼暫時無法播放，請稍後再試，或輸入圖片中的數字。",
                      e.what());
  }
  if (!wav) throw no_captcha;
  http::Response r;
  r.content_type = "audio/wav";
  r.body = std::move(*wav);
  r.add_header("Cache-Control", "no-store");
  return r;
}
