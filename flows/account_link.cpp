// account_link.cpp: issuing and reading the console's one-time links (account_link.h).
#include "flows/account_link.h"

#include "core/crypto.h"
#include "core/password_hash.h"
#include "core/password_policy.h"
#include "fcgi/audit.h"
#include "fcgi/form.h"
#include "fcgi/session.h"
#include "fcgi/templates.h"
#include "flows/forgot.h"
#include "flows/login_flow.h"
#include "flows/password_history.h"
#include "flows/rule_hints.h"
#include "mail/console_mails.h"
#include "sql/forgot_store.h"
#include "sql/outbox_store.h"
#include "sql/school_admin_store.h"
#include "sql/session_store.h"

namespace xueji {
namespace {

constexpr std::size_t kTokenBytes = 32;
constexpr std::size_t kMaxPassword = 256;

struct LinkProblems {
  std::string message;
  std::vector<std::string> new_password;
  std::string confirm;
};

http::Response link_page(Context& ctx, const Session& session, const std::string& token,
                         const std::optional<store::AccountToken>& link,
                         const store::Account* account, const LinkProblems& problems) {
  Page page("設定新密碼", "account_link.tpl");
  auto& body = page.body();
  add_password_hint(body, "new-password-hint", true);
  if (!link || !account) {
    body.ShowSection("EXPIRED");
    http::Response r;
    r.status = 410;
    r.body = page.render(ctx);
    return r;
  }
  if (link->purpose == store::kTokenEmail) {
    body.ShowSection("EMAIL");
    body.SetValue("ADDRESS", link->address);
  }
  auto* form = body.AddSectionDictionary("FORM");
  form->SetValue("CSRF", session.csrf);
  form->SetValue("TOKEN", token);
  form->SetValue("LOGIN_NAME", account->login_name);
  if (!problems.message.empty()) show_message(*form, "MESSAGE", problems.message);
  if (!problems.new_password.empty()) {
    auto* invalid = form->AddSectionDictionary("NEW_PASSWORD_INVALID");
    for (const auto& text : problems.new_password) show_message(*invalid, "NEW_PASSWORD_ERROR", text);
  }
  if (!problems.confirm.empty()) show_message(*form, "CONFIRM_ERROR", problems.confirm);
  http::Response r;
  r.status = problems.new_password.empty() && problems.confirm.empty() && problems.message.empty()
                 ? 200
                 : 422;
  r.body = page.render(ctx);
  return r;
}

}  // namespace

void issue_account_link(Context& ctx, const store::Account& account, const std::string& purpose,
                        const std::string& address, TimePoint now) {
  std::string token = ctx.random.bytes(kTokenBytes);
  std::string text = crypto::base64url(token);
  TimePoint expires_at = now + kAccountLinkLifetime;
  store::insert_account_token(ctx.db, crypto::sha256(text), account.id, purpose, address, now,
                              expires_at);
  mail::LinkMail to{address, account.login_name, account.display_name,
                    ctx.config.issuer + "/forgot/password/reset?token=" + text, expires_at};
  store::queue_mail(ctx.db,
                    purpose == store::kTokenEmail ? mail::email_reset_mail(to)
                                                  : mail::admin_reset_mail(to),
                    now);
}

http::Response account_link_page(const http::Request& req, Context& ctx) {
  TimePoint now = ctx.clock.now();
  bool post = req.method == "POST";
  std::string token(post ? req.field("token") : req.param("token"));
  if (token.size() > 64) throw http::bad_request("token too long");
  std::optional<Session> session;
  if (post) {
    session = find_session(req, ctx);
    require_csrf(req, session);
  } else {
    session = current_session(req, ctx);
  }
  auto hash = account_link_hash(token);
  std::optional<store::AccountToken> link;
  if (hash) link = store::find_account_token(ctx.db, *hash, now);
  std::optional<store::AccountWithDuties> found;
  if (link) found = store::find_account_with_duties(ctx.db, link->account_id, 0);
  const store::Account* account = found ? &found->account : nullptr;
  if (!post || !account) return link_page(ctx, *session, token, link, account, {});

  std::string password = form_value(req, "new_password", kMaxPassword);
  std::string confirm = form_value(req, "new_password_confirm", kMaxPassword);
  LinkProblems problems;
  problems.new_password = password_rule_problems(password, *account, account->login_name, ctx);
  if (problems.new_password.empty() && reuses_recent_password(ctx, *account, password)) {
    problems.new_password = {"新密碼不得與最近 3 次使用過的密碼相同"};
  }
  if (confirm.empty()) {
    problems.confirm = "請再輸入一次新密碼";
  } else if (password != confirm) {
    problems.confirm = "兩次輸入的新密碼不一致，請重新輸入";
  }
  if (!problems.new_password.empty() || !problems.confirm.empty()) {
    return link_page(ctx, *session, token, link, account, problems);
  }
  std::string password_hash = hash_password(password, ctx.random);
  const bool email = link->purpose == store::kTokenEmail;
  const std::string target = "account:" + std::to_string(account->id);
  bool done = ctx.db.transaction([&] {
    if (!store::consume_account_token(ctx.db, *hash, now)) return false;
    store::change_password(ctx.db, account->id, password_hash, now, false);
    store::revoke_devices(ctx.db, account->id);
    store::retire_account_reset_codes(ctx.db, account->id);
    store::delete_account_sessions(ctx.db, account->id, std::string());
    if (email) store::set_verified_email(ctx.db, account->id, link->address, now);
    forgot::queue_reset_notice(ctx.db, email ? link->address : account->email.value_or(""),
                               account->login_name, account->display_name, now);
    audit_request(ctx, req, "web", email ? "account.link.email_verified" : "account.link.password_reset",
                  target);
    return true;
  });
  if (!done) return link_page(ctx, *session, token, std::nullopt, nullptr, {});
  end_session(*session, ctx);
  return http::Response::redirect("/login?notice=password_reset");
}

std::optional<std::string> account_link_hash(std::string_view token) {
  // base64url of 32 bytes: 43 characters of [A-Za-z0-9_-].
  if (token.size() != 43) return std::nullopt;
  for (char c : token) {
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_';
    if (!ok) return std::nullopt;
  }
  return crypto::sha256(token);
}

}  // namespace xueji
