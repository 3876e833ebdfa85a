// login.cpp: GET /login — the login page of manual section 三 with the footer counters;
// POST /login — CSRF, then the captcha, before anything about the account is looked at.
#include "core/taipei_time.h"
#include "fcgi/captcha.h"
#include "fcgi/form.h"
#include "fcgi/handler.h"
#include "sql/counter_store.h"

namespace {

using namespace xueji;

constexpr std::size_t kMaxAccount = 64;
constexpr std::size_t kMaxPassword = 256;

// Notices other pages send people back with; only these fixed texts can appear.
const char* notice_text(std::string_view key) {
  if (key == "logged_out") return "您已登出。";
  if (key == "expired") return "閒置過久，已自動登出，請重新登入。";
  return nullptr;
}

http::Response login_page(const http::Request& req, Context& ctx, const Session& session,
                          const std::string& account,
                          const std::function<void(ctemplate::TemplateDictionary&)>& messages) {
  Page page("登入", "login.tpl");
  auto& body = page.body();
  body.SetValue("CSRF", session.csrf);
  body.SetValue("ACCOUNT", account);
  if (const char* notice = notice_text(req.param("notice"))) show_message(body, "NOTICE", notice);
  if (messages) messages(body);
  auto counts = store::read_login_counts(ctx.db, taipei_date(ctx.clock.now()));
  auto* counters = page.layout().AddSectionDictionary("COUNTERS");
  counters->SetValue("TODAY_COUNT", std::to_string(counts.today));
  counters->SetValue("TOTAL_COUNT", std::to_string(counts.total));
  http::Response r;
  r.body = page.render(ctx);
  return r;
}

}  // namespace

xueji::http::Response handle_login(const xueji::http::Request& req, xueji::Context& ctx) {
  if (req.method == "GET") return login_page(req, ctx, current_session(req, ctx), "", nullptr);
  if (req.method != "POST") throw http::method_not_allowed();

  auto session = find_session(req, ctx);
  require_csrf(req, session);
  std::string account = form_value(req, "account", kMaxAccount);
  std::string password = form_value(req, "password", kMaxPassword);

  CaptchaCheck captcha = check_captcha(*session, "login", form_value(req, "captcha", 32), ctx);
  if (captcha != CaptchaCheck::kPassed) {
    return login_page(req, ctx, *session, account, [&](ctemplate::TemplateDictionary& d) {
      show_message(d, "CAPTCHA_ERROR", captcha_message(captcha));
    });
  }
  if (account.empty() || password.empty()) {
    return login_page(req, ctx, *session, account, [&](ctemplate::TemplateDictionary& d) {
      if (account.empty()) show_message(d, "ACCOUNT_ERROR", "請輸入帳號。");
      if (password.empty()) show_message(d, "PASSWORD_ERROR", "請輸入密碼。");
    });
  }
  // No account can log in before the account flows exist; the answer is the neutral one every
  // failed login gets.
  return login_page(req, ctx, *session, account, [](ctemplate::TemplateDictionary& d) {
    show_message(d, "MESSAGE", "帳號或密碼錯誤，請重新輸入。");
  });
}
