// forgot_password_reset.cpp: GET/POST /forgot/password/reset — the code from the 重設密碼通知信 and
// the new password twice; 重新發送驗證代碼 posts here with action=resend. The page is the same for
// every session that asked /forgot/password, matched or not (a session without a mailed code only
// ever hears "wrong" or "expired"). A right code with a password obeying every rule of product.md
// §3 but the minimum age consumes the code once, resets the password, clears the lock, ends the
// account's other sessions and this one, queues the 「密碼已重設」 notice, and goes to the login.
// With a `token`, the page is that of a one-time link the AA console or the helpdesk mailed.
#include "core/password_hash.h"
#include "core/password_policy.h"
#include "core/school_year.h"
#include "fcgi/audit.h"
#include "fcgi/form.h"
#include "fcgi/handler.h"
#include "flows/account_link.h"
#include "flows/forgot.h"
#include "flows/login_flow.h"
#include "flows/password_history.h"
#include "flows/typed_code.h"
#include "sql/account_store.h"
#include "sql/session_store.h"

namespace {

using namespace xueji;

constexpr std::size_t kMaxPassword = 256;
constexpr const char* kResendHint = "請點選【重新發送驗證代碼】取得新的驗證代碼。";
constexpr const char* kReused = "新密碼不得與最近 3 次使用過的密碼相同";
constexpr const char* kMismatch = "兩次輸入的新密碼不一致，請重新輸入";

using Problems = forgot::ResetMessages;

Problems code_problem(std::string text) {
  Problems p;
  p.code = std::move(text);
  return p;
}

// The code was right: the account-specific rules, then the reset in one transaction that only
// the first of several concurrent submits can make (the code's conditional consumption).
http::Response reset(const http::Request& req, Context& ctx, Session& session,
                     const store::EmailCodeRow& code, const std::string& digits,
                     const std::string& password) {
  TimePoint now = ctx.clock.now();
  auto request = store::request_of_reset_code(ctx.db, code.id);
  std::optional<store::AccountWithDuties> found;
  if (request && request->mailed && request->account_id) {
    found = store::find_account_with_duties(ctx.db, *request->account_id, school_year_at(now));
  }
  if (!found) {
    // Not reached for a code no mail carried (its stored hash is random bytes), but never
    // trusted either.
    return forgot::reset_page(ctx, session, code,
                              code_problem(std::string("目前沒有有效的驗證代碼，") + kResendHint));
  }
  const store::Account& account = found->account;
  const std::string target = "account:" + std::to_string(account.id);
  Problems problems;
  problems.new_password = password_rule_problems(password, account, account.login_name, ctx);
  if (problems.new_password.empty() && reuses_recent_password(ctx, account, password)) {
    problems.new_password = {kReused};
  }
  if (!problems.new_password.empty()) {
    // A twin submit of this code may have reset the password a moment ago, so that this one
    // reads as "reused": that reset ended the session, and this submit lost the race.
    if (!find_session(req, ctx)) return http::Response::redirect("/login?notice=password_reset");
    problems.message = "驗證代碼正確，但新密碼不符合密碼規則，請修改新密碼後再送出。";
    problems.kept_code = digits;
    audit_request(ctx, req, "web", "forgot.password.rules_refused", target);
    return forgot::reset_page(ctx, session, code, problems);
  }

  std::string hash = hash_password(password, ctx.random);
  bool won = ctx.db.transaction([&] {
    if (!store::consume_email_code(ctx.db, code.id, now)) return false;
    store::change_password(ctx.db, account.id, hash, now, false);
    store::revoke_devices(ctx.db, account.id);  // whoever took the account keeps no device trust
    store::retire_account_reset_codes(ctx.db, account.id);
    store::delete_account_sessions(ctx.db, account.id, session.id_hash);
    store::delete_reset_session(ctx.db, session.id_hash);
    forgot::queue_reset_notice(ctx.db, account.email.value_or(""), account.login_name,
                               account.display_name, now);
    audit_request(ctx, req, "web", "forgot.password.reset", target);
    return true;
  });
  if (won) {
    end_session(session, ctx);  // the row went with the reset; this clears the cookie
    return http::Response::redirect("/login?notice=password_reset");
  }
  // A second submit of the same code lost the race: the first ended this session.
  if (!find_session(req, ctx)) return http::Response::redirect("/login?notice=password_reset");
  return forgot::reset_page(ctx, session, code,
                            code_problem(std::string("此驗證代碼已使用或已失效，") + kResendHint));
}

http::Response submit(const http::Request& req, Context& ctx, Session& session,
                      const store::EmailCodeRow& newest) {
  auto typed = parse_typed_code(form_value(req, "code", 64));
  std::string password = form_value(req, "new_password", kMaxPassword);
  std::string confirm = form_value(req, "new_password_confirm", kMaxPassword);
  // First what needs no account (so it says nothing about one); the rules naming the account,
  // its holder and its history only once the code has shown the mailbox is theirs.
  Problems problems;
  if (!typed) problems.code = "請輸入 6 位數字的驗證代碼（英文碼後的數字）。";
  problems.new_password = password_problems(password, {});
  if (confirm.empty()) {
    problems.confirm = "請再輸入一次新密碼";
  } else if (password != confirm) {
    problems.confirm = kMismatch;
  }
  if (problems.any()) return forgot::reset_page(ctx, session, newest, problems);

  const std::string prefix = newest.prefix;
  auto refuse = [&](const std::string& message, const char* action) {
    audit_request(ctx, req, "web", action, "session");
    return forgot::reset_page(ctx, session, newest, code_problem(message));
  };
  switch (judge_typed_code(ctx, session, store::kResetCodePurpose, newest, *typed)) {
    case CodeVerdict::kAccepted:
      return reset(req, ctx, session, newest, typed->digits, password);
    case CodeVerdict::kWrong: {
      store::WrongTry wrong = store::count_wrong_email_code(ctx.db, newest.id);
      if (wrong.killed) {
        return refuse(std::string("驗證代碼錯誤已達 5 次，此驗證代碼已失效，") + kResendHint,
                      "forgot.password.code_too_many");
      }
      int left = kEmailCodeMaxTries - (newest.tries + 1);
      return refuse("驗證代碼錯誤，請確認英文碼為 " + prefix + " 的信件後重新輸入（還可再試 " +
                        std::to_string(left) + " 次）。",
                    "forgot.password.code_wrong");
    }
    case CodeVerdict::kTooManyTries:
      return refuse(std::string("驗證代碼錯誤已達 5 次，此驗證代碼已失效，") + kResendHint,
                    "forgot.password.code_too_many");
    case CodeVerdict::kExpired:
      return refuse(std::string("驗證代碼已超過 5 分鐘而失效，") + kResendHint,
                    "forgot.password.code_expired");
    case CodeVerdict::kSuperseded:
      return refuse("此驗證代碼已失效，請輸入英文碼為 " + prefix + " 的最新驗證代碼。",
                    "forgot.password.code_superseded");
    case CodeVerdict::kNoCode:
      break;
  }
  return refuse(std::string("目前沒有有效的驗證代碼，") + kResendHint, "forgot.password.no_code");
}

// 重新發送驗證代碼: for whatever the session's newest request matched (perhaps nothing), decided
// afresh under the limits, with the 3-minute cooldown.
http::Response resend(const http::Request& req, Context& ctx, Session& session,
                      const store::EmailCodeRow& newest) {
  auto request = store::request_of_reset_code(ctx.db, newest.id);
  std::int64_t account_id = request && request->account_id ? *request->account_id : 0;
  auto account = store::find_forgot_account(ctx.db, account_id);
  std::string target = account ? "account:" + std::to_string(account->id) : "unknown account";
  forgot::SendResult sent = forgot::send_reset_code(req, ctx, session, account, target, true);
  if (!sent.accepted) {
    Problems problems;
    problems.resend = forgot::refusal_message(sent.refusal);
    return forgot::reset_page(ctx, session, newest, problems);
  }
  return http::Response::redirect("/forgot/password/reset");
}

}  // namespace

xueji::http::Response handle_forgot_password_reset(const xueji::http::Request& req,
                                                   xueji::Context& ctx) {
  // A one-time link of the AA console or the helpdesk (flows/account_link.h).
  if (!req.param("token").empty() || !req.field("token").empty()) {
    return account_link_page(req, ctx);
  }
  if (req.method == "GET") {
    Session session = current_session(req, ctx);
    auto newest = store::newest_email_code(ctx.db, session.id_hash, store::kResetCodePurpose);
    if (!newest) return http::Response::redirect("/forgot/password");
    return forgot::reset_page(ctx, session, *newest, {});
  }
  auto session = find_session(req, ctx);
  if (!session && sent_session_cookie(req, ctx)) {
    return http::Response::redirect("/forgot/password?notice=expired");
  }
  require_csrf(req, session);
  auto newest = store::newest_email_code(ctx.db, session->id_hash, store::kResetCodePurpose);
  if (!newest) return http::Response::redirect("/forgot/password");
  if (req.field("action") == "resend") return resend(req, ctx, *session, *newest);
  return submit(req, ctx, *session, *newest);
}
