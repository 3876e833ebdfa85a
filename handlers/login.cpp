// login.cpp: GET /login — the login page of manual section 三 with the footer counters;
// POST /login — CSRF, then the captcha, before anything about the account is looked at; then
// the password with the lockout (flows/password_lockout.h), and on to the next required step
// (flows/login_flow.h).
#include "core/account_policy.h"
#include "core/announcement.h"
#include "core/lockout.h"
#include "core/taipei_time.h"
#include "fcgi/audit.h"
#include "fcgi/form.h"
#include "fcgi/handler.h"
#include "flows/captcha.h"
#include "flows/login_flow.h"
#include "flows/password_lockout.h"
#include "sql/account_store.h"
#include "sql/counter_store.h"
#include "sql/site_text_store.h"

namespace {

using namespace xueji;

constexpr std::size_t kMaxAccount = 64;
constexpr std::size_t kMaxPassword = 256;

// Notices other pages send people back with; only these fixed texts can appear.
const char* notice_text(std::string_view key) {
  if (key == "logged_out") return "您已登出。";
  if (key == "expired") return "閒置過久，已自動登出，請重新登入。";
  if (key == "renamed") return "帳號已修改成功，系統已自動登出，請使用修改後的新帳號重新登入。";
  if (key == "password_changed") return "密碼已修改成功，系統已自動登出，請使用新密碼重新登入。";
  if (key == "password_reset") return "密碼已重設成功，其他電腦或瀏覽器的登入已全部登出，請使用新密碼登入。";
  if (key == "totp_failed") return "雙因子驗證碼錯誤次數過多，已自動登出，請重新登入。";
  if (key == "locked") return kLockedMessage;
  return nullptr;
}

// Unknown account and wrong password get the same words (and the same Argon2 work).
constexpr const char* kNeutralFailure = "帳號或密碼錯誤，請重新輸入。";

struct PasswordResult {
  PasswordVerdict verdict = PasswordVerdict::kWrong;
  std::optional<store::Account> account;  // set for kRight
};

// The password against the account named `typed` (or against nobody's, the same way: an unknown
// name costs the same work and locks the same, so neither reveals that no account has it).
PasswordResult check_password(const http::Request& req, Context& ctx, const std::string& typed,
                              const std::string& password) {
  std::string key = account_login_key(typed);
  auto account = store::find_account_by_key(ctx.db, key);
  PasswordVerdict verdict = check_password_try(req, ctx, account ? &*account : nullptr, key,
                                               password, "web", "login.failed");
  if (verdict != PasswordVerdict::kRight) return {verdict, std::nullopt};
  return {verdict, std::move(account)};
}

// The 系統公告 from the database: a paragraph per line, 操作手冊 linked to the manual.
void show_announcement(ctemplate::TemplateDictionary& body, Context& ctx) {
  auto text = store::read_site_text(ctx.db, store::kAnnouncementText);
  if (!text) return;
  auto paragraphs = announcement_paragraphs(*text);
  if (paragraphs.empty()) return;
  auto* section = body.AddSectionDictionary("ANNOUNCEMENT");
  for (const AnnouncementParagraph& paragraph : paragraphs) {
    auto* p = section->AddSectionDictionary("PARAGRAPH");
    for (const AnnouncementPart& part : paragraph) {
      // One PART per piece, in order; inside it, either the plain text or the link.
      auto* d = p->AddSectionDictionary("PART");
      d->SetValue("TEXT", part.text);
      d->ShowSection(part.manual_link ? "MANUAL_LINK" : "PLAIN");
    }
  }
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
  show_announcement(body, ctx);
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
  if (req.method == "GET") {
    Session session = current_session(req, ctx);
    // /login?rd=/path: back to that same-site path after the complete login; anything else is
    // ignored (no open redirect).
    if (!req.param("rd").empty()) remember_return_path(session, req.param("rd"), ctx);
    return login_page(req, ctx, session, "", nullptr);
  }

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
  PasswordResult result = check_password(req, ctx, account, password);
  switch (result.verdict) {
    case PasswordVerdict::kLocked:
      return login_page(req, ctx, *session, account, [](ctemplate::TemplateDictionary& d) {
        show_message(d, "MESSAGE", kLockedMessage);
      });
    case PasswordVerdict::kWrong:
      return login_page(req, ctx, *session, account, [](ctemplate::TemplateDictionary& d) {
        show_message(d, "MESSAGE", kNeutralFailure);
      });
    case PasswordVerdict::kRight: break;
  }
  const store::Account& found = *result.account;
  if (is_id_number_account(found.login_name)) {
    // Manual 二.4: whoever used an ID number as the account has no 個人業務帳號 and applies like a
    // new colleague; the right password only earns the pointer there, never a login.
    audit_request(ctx, req, account_actor(found), "login.id_number_account",
                  "account:" + std::to_string(found.id));
    return login_page(req, ctx, *session, "", [](ctemplate::TemplateDictionary& d) {
      d.ShowSection("ID_NUMBER_ACCOUNT");
    });
  }
  bool weak = !password_rule_problems(password, found, found.login_name, ctx).empty();
  start_login(*session, found, weak, ctx);
  audit_request(ctx, req, account_actor(found), "login.password_ok",
                "account:" + std::to_string(found.id));
  return http::Response::redirect(next_login_path(*session, found, ctx));
}
