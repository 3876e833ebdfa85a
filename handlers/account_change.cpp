// account_change.cpp: GET/POST /account/change — 修改帳號 (manual 三(一)): forced when the name
// breaks the account rules, voluntary from /home. Captcha first; on success every session of the
// account ends and the person logs in again with the new name.
#include "core/account_policy.h"
#include "fcgi/audit.h"
#include "fcgi/form.h"
#include "fcgi/handler.h"
#include "fcgi/templates.h"
#include "flows/captcha.h"
#include "flows/login_flow.h"
#include "flows/rule_hints.h"
#include "mail/account_notices.h"

namespace {

using namespace xueji;

constexpr std::size_t kMaxAccount = 64;
constexpr const char* kAccountNameTaken = "此帳號已有人使用，請改用其他帳號";
constexpr const char* kAccountNameUnchanged = "新帳號不得與原帳號相同";

struct Problems {
  std::vector<std::string> new_account;
  std::string captcha;
};

http::Response change_page(Context& ctx, const LoginState& state, const std::string& typed,
                           const Problems& problems) {
  Page page("修改帳號", "account_change.tpl");
  auto& body = page.body();
  add_account_hint(body, "new-account-hint");
  body.SetValue("CSRF", state.session.csrf);
  body.SetValue("CURRENT_ACCOUNT", state.account.login_name);
  body.SetValue("NEW_ACCOUNT", typed);
  body.ShowSection(state.next == RequiredAction::kRenameAccount ? "FORCED" : "VOLUNTARY");
  if (!problems.new_account.empty()) {
    auto* invalid = body.AddSectionDictionary("NEW_ACCOUNT_INVALID");
    for (const auto& text : problems.new_account) show_message(*invalid, "NEW_ACCOUNT_ERROR", text);
  }
  if (!problems.captcha.empty()) show_message(body, "CAPTCHA_ERROR", problems.captcha);
  http::Response r;
  r.body = page.render(ctx);
  return r;
}

// The account rules, then "not the same name", then uniqueness (a database look-up, last).
std::vector<std::string> name_problems(Context& ctx, const store::Account& account,
                                       const std::string& typed) {
  AccountRuleContext rules;
  rules.birth_date = account.birth_date;
  auto problems = account_name_problems(typed, rules);
  if (!problems.empty()) return problems;
  std::string key = account_login_key(typed);
  if (key == account_login_key(account.login_name)) return {kAccountNameUnchanged};
  if (store::login_key_taken(ctx.db, key, account.id)) return {kAccountNameTaken};
  return {};
}

}  // namespace

xueji::http::Response handle_account_change(const xueji::http::Request& req, xueji::Context& ctx) {
  LoginGate gate = enter_login_page(req, ctx, RequiredAction::kRenameAccount);
  if (!gate.state) return gate.redirect;
  const LoginState& state = *gate.state;
  if (req.method == "GET") return change_page(ctx, state, "", {});

  require_csrf(req, state.session);
  std::string typed = form_value(req, "new_account", kMaxAccount);
  Problems problems;
  CaptchaCheck captcha =
      check_captcha(state.session, "account_change", form_value(req, "captcha", 32), ctx);
  if (captcha != CaptchaCheck::kPassed) {
    problems.captcha = captcha_message(captcha);
    return change_page(ctx, state, typed, problems);
  }
  problems.new_account = name_problems(ctx, state.account, typed);
  if (!problems.new_account.empty()) return change_page(ctx, state, typed, problems);

  TimePoint now = ctx.clock.now();
  const std::string actor = account_actor(state.account);
  bool renamed = ctx.db.transaction([&] {
    if (store::rename_account(ctx.db, state.account.id, typed, account_login_key(typed)) ==
        store::RenameResult::kTaken) {
      return false;
    }
    queue_account_notice(ctx.db, state.account, AccountEvent::kRenamed, now, typed);
    audit_request(ctx, req, actor, "account.renamed", actor);
    return true;
  });
  if (!renamed) {  // someone took the name between the check and the update
    problems.new_account = {std::string(kAccountNameTaken)};
    return change_page(ctx, state, typed, problems);
  }
  return end_login_keeping_destination(state.session, ctx, "renamed");
}
