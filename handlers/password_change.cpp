// password_change.cpp: GET/POST /password/change — 修改密碼 (manual 三(二)): forced when the
// password is over 90 days old, breaks the rules or was reset by an admin; voluntary from /home
// (then at least 1 day after the last change). Captcha first; a wrong 原密碼 counts toward the
// lockout; on success every session of the account ends and the person logs in again.
#include "core/password_hash.h"
#include "core/password_policy.h"
#include "fcgi/audit.h"
#include "fcgi/form.h"
#include "fcgi/handler.h"
#include "fcgi/templates.h"
#include "flows/captcha.h"
#include "flows/login_flow.h"
#include "flows/password_history.h"
#include "flows/password_lockout.h"
#include "flows/rule_hints.h"
#include "mail/account_notices.h"

namespace {

using namespace xueji;

constexpr std::size_t kMaxPassword = 256;
constexpr const char* kReused = "新密碼不得與最近 3 次使用過的密碼相同";
constexpr const char* kMismatch = "兩次輸入的新密碼不一致，請重新輸入";

struct Problems {
  std::string message;
  std::string old_password;
  std::vector<std::string> new_password;
  std::string confirm;
  std::string captcha;
};

std::string forced_reason(const LoginState& state, TimePoint now) {
  if (state.account.must_change_password) {
    return "您的密碼已由學校權限AA帳號持有者重設，請設定新的密碼。";
  }
  if (password_expired(state.account.password_changed_at, now)) {
    return "因應資安政策，密碼最長使用期限為 90 天，您的密碼已超過 90 天未變更，請修改密碼。";
  }
  return "因本系統資安等級提升，您的密碼不符合最新的密碼規則，請修改密碼。";
}

http::Response change_page(Context& ctx, const LoginState& state, const Problems& problems) {
  Page page("修改密碼", "password_change.tpl");
  auto& body = page.body();
  add_password_hint(body, "new-password-hint", true);
  body.SetValue("CSRF", state.session.csrf);
  if (state.next == RequiredAction::kChangePassword) {
    body.AddSectionDictionary("FORCED")->SetValue("REASON", forced_reason(state, ctx.clock.now()));
  } else {
    body.ShowSection("VOLUNTARY");
  }
  if (!problems.message.empty()) show_message(body, "MESSAGE", problems.message);
  if (!problems.old_password.empty())
    show_message(body, "OLD_PASSWORD_ERROR", problems.old_password);
  if (!problems.new_password.empty()) {
    auto* invalid = body.AddSectionDictionary("NEW_PASSWORD_INVALID");
    for (const auto& text : problems.new_password)
      show_message(*invalid, "NEW_PASSWORD_ERROR", text);
  }
  if (!problems.confirm.empty()) show_message(body, "CONFIRM_ERROR", problems.confirm);
  if (!problems.captcha.empty()) show_message(body, "CAPTCHA_ERROR", problems.captcha);
  http::Response r;
  r.body = page.render(ctx);
  return r;
}

// A wrong 原密碼 is a wrong password like one at the login form: it counts, and the third locks
// the account and ends the session.
}  // namespace

xueji::http::Response handle_password_change(const xueji::http::Request& req, xueji::Context& ctx) {
  LoginGate gate = enter_login_page(req, ctx, RequiredAction::kChangePassword);
  if (!gate.state) return gate.redirect;
  const LoginState& state = *gate.state;
  if (req.method == "GET") return change_page(ctx, state, {});

  require_csrf(req, state.session);
  std::string old_password = form_value(req, "old_password", kMaxPassword);
  std::string new_password = form_value(req, "new_password", kMaxPassword);
  std::string confirm = form_value(req, "new_password_confirm", kMaxPassword);
  Problems problems;
  CaptchaCheck captcha =
      check_captcha(state.session, "password_change", form_value(req, "captcha", 32), ctx);
  if (captcha != CaptchaCheck::kPassed) {
    problems.captcha = captcha_message(captcha);
    return change_page(ctx, state, problems);
  }
  TimePoint now = ctx.clock.now();
  bool voluntary = state.next != RequiredAction::kChangePassword;
  if (voluntary && password_too_young(state.account.password_changed_at, now)) {
    problems.message = "密碼修改後須滿 1 天才能再次修改，請於 " +
                       format_taipei(state.account.password_changed_at + kPasswordMinAge) +
                       " 以後再試。";
    return change_page(ctx, state, problems);
  }
  if (old_password.empty()) problems.old_password = "請輸入原密碼";
  if (new_password.empty()) problems.new_password = {std::string(kPasswordEmpty)};
  if (confirm.empty()) problems.confirm = "請再輸入一次新密碼";
  if (!problems.old_password.empty() || !problems.new_password.empty() ||
      !problems.confirm.empty()) {
    return change_page(ctx, state, problems);
  }
  switch (check_password_try(req, ctx, &state.account, "", old_password,
                             account_actor(state.account), "password.change_wrong_old")) {
    case PasswordVerdict::kLocked: return end_login(state.session, ctx, "locked");
    case PasswordVerdict::kWrong:
      problems.old_password = "原密碼錯誤，請重新輸入";
      return change_page(ctx, state, problems);
    case PasswordVerdict::kRight: break;
  }
  problems.new_password =
      password_rule_problems(new_password, state.account, state.account.login_name, ctx);
  if (problems.new_password.empty() && reuses_recent_password(ctx, state.account, new_password)) {
    problems.new_password = {kReused};
  }
  if (new_password != confirm) problems.confirm = kMismatch;
  if (!problems.new_password.empty() || !problems.confirm.empty()) {
    return change_page(ctx, state, problems);
  }

  std::string hash = hash_password(new_password, ctx.random);
  const std::string actor = account_actor(state.account);
  ctx.db.transaction([&] {
    store::change_password(ctx.db, state.account.id, hash, now, false);
    queue_account_notice(ctx.db, state.account, AccountEvent::kPasswordChanged, now);
    audit_request(ctx, req, actor, voluntary ? "password.changed" : "password.changed_forced",
                  actor);
  });
  return end_login_keeping_destination(state.session, ctx, "password_changed");
}
