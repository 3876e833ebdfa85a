// forgot_account.cpp: GET/POST /forgot/account — 忘記帳號 (product.md §7): ID number, birth date
// and captcha. Captcha first; then, whether or not the details match an account with a verified
// e-mail, the same work and the same answer: a 303 back here, where the page says
// 「若資料正確，系統已將您的個人業務帳號寄送至您已驗證的 E-Mail…」. The account name goes only into
// the mail, never onto a page.
#include <functional>

#include "core/forgot_policy.h"
#include "fcgi/form.h"
#include "fcgi/handler.h"
#include "flows/forgot.h"

namespace {

using namespace xueji;
using Messages = forgot::FormMessages;

http::Response form_page(Context& ctx, Session& session, const ForgotEntries& entries,
                         const Messages& messages) {
  Page page("忘記帳號", "forgot_account.tpl");
  auto& body = page.body();
  body.SetValue("CSRF", session.csrf);
  body.SetValue("NATIONAL_ID", entries.national_id);
  body.SetValue("BIRTH_DATE", entries.birth_date);
  // Shown once: a reload shows the plain form. (Another flow's notice is left for its page.)
  if (session.value(forgot::kFlashKey) == "account" &&
      take_session_value(session, forgot::kFlashKey, ctx) == "account") {
    auto* sent = body.AddSectionDictionary("SENT");
    sent->SetValue("TEXT", std::string(forgot::kAccountSentMessage));
  }
  if (messages) messages(body);
  http::Response r;
  r.body = page.render(ctx);
  return r;
}

http::Response submit(const http::Request& req, Context& ctx) {
  auto session = find_session(req, ctx);
  if (!session && sent_session_cookie(req, ctx)) {
    return http::Response::redirect("/forgot/account");
  }
  ForgotEntries entries;
  auto refused = forgot::receive_form(
      req, ctx, session, "forgot_account", false, entries,
      [&](const ForgotEntries& typed, const forgot::FormMessages& messages) {
        return form_page(ctx, *session, typed, messages);
      });
  if (refused) return std::move(*refused);
  auto account = forgot::find_account(ctx, entries);
  forgot::SendResult sent = forgot::send_account_name(req, ctx, *session, account,
                                                      forgot::audit_target(account, entries));
  if (!sent.accepted) {
    return form_page(ctx, *session, entries, [&](ctemplate::TemplateDictionary& d) {
      show_message(d, "MESSAGE", forgot::refusal_message(sent.refusal));
    });
  }
  return http::Response::redirect("/forgot/account");
}

}  // namespace

xueji::http::Response handle_forgot_account(const xueji::http::Request& req, xueji::Context& ctx) {
  if (req.method == "POST") return submit(req, ctx);
  Session session = current_session(req, ctx);
  return form_page(ctx, session, {}, nullptr);
}
