// forgot_password.cpp: GET/POST /forgot/password — 忘記密碼 (product.md §7): 帳號 or the ID number
// (or both), birth date and captcha. Captcha first; then, whether or not the details match an
// account with a verified e-mail, the same work and the same answer: a 303 to the reset page,
// which says 「若資料正確，系統已寄送驗證代碼至您的 E-Mail…」. Only the session's own hourly limit
// is ever shown.
#include <functional>

#include "core/forgot_policy.h"
#include "fcgi/form.h"
#include "fcgi/handler.h"
#include "flows/forgot.h"

namespace {

using namespace xueji;
using Messages = forgot::FormMessages;

http::Response form_page(const http::Request& req, Context& ctx, const Session& session,
                         const ForgotEntries& entries, const Messages& messages) {
  Page page("忘記密碼", "forgot_password.tpl");
  auto& body = page.body();
  body.SetValue("CSRF", session.csrf);
  body.SetValue("ACCOUNT", entries.account);
  body.SetValue("NATIONAL_ID", entries.national_id);
  body.SetValue("BIRTH_DATE", entries.birth_date);
  if (req.param("notice") == "expired") {
    show_message(body, "NOTICE", "閒置過久，請重新填寫資料以取得新的驗證代碼。");
  }
  if (messages) messages(body);
  http::Response r;
  r.body = page.render(ctx);
  return r;
}

http::Response submit(const http::Request& req, Context& ctx) {
  auto session = find_session(req, ctx);
  if (!session && sent_session_cookie(req, ctx)) {
    return http::Response::redirect("/forgot/password?notice=expired");
  }
  ForgotEntries entries;
  auto refused = forgot::receive_form(
      req, ctx, session, "forgot_password", true, entries,
      [&](const ForgotEntries& typed, const forgot::FormMessages& messages) {
        return form_page(req, ctx, *session, typed, messages);
      });
  if (refused) return std::move(*refused);
  auto account = forgot::find_account(ctx, entries);
  forgot::SendResult sent = forgot::send_reset_code(req, ctx, *session, account,
                                                    forgot::audit_target(account, entries), false);
  if (!sent.accepted) {
    return form_page(req, ctx, *session, entries, [&](ctemplate::TemplateDictionary& d) {
      show_message(d, "MESSAGE", forgot::refusal_message(sent.refusal));
    });
  }
  return http::Response::redirect("/forgot/password/reset");
}

}  // namespace

xueji::http::Response handle_forgot_password(const xueji::http::Request& req, xueji::Context& ctx) {
  if (req.method == "POST") return submit(req, ctx);
  return form_page(req, ctx, current_session(req, ctx), {}, nullptr);
}
