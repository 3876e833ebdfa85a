// apply_verify.cpp: wizard step 2b, 輸入驗證代碼 (manual 四 ⑫–⑭) — GET /apply/verify shows the
// address, the code's letters and the time left; POST checks the 6 digits: distinct answers for
// wrong, expired, superseded and too many tries, and a code consumed exactly once.
#include "core/email_code.h"
#include "fcgi/audit.h"
#include "fcgi/form.h"
#include "fcgi/handler.h"
#include "flows/typed_code.h"
#include "flows/wizard.h"
#include "flows/wizard_code.h"
#include "sql/code_page_store.h"
#include "sql/email_code_store.h"

namespace {

using namespace xueji;
using wizard::Step;

constexpr const char* kResendHint = "請點選【重新發送驗證代碼】取得新的驗證代碼。";

std::string target_of(const Session& session) {
  return "person:" + std::to_string(session.person_id.value_or(0));
}

// Consumes the code and moves the session on, together; false when another request was first.
bool accept(const http::Request& req, Context& ctx, Session& session,
            const store::EmailCodeRow& code) {
  Session updated = session;
  wizard::move_to(updated, Step::kAccount);
  updated.set_value(wizard::kEmailKey, code.address);
  updated.set_value(wizard::kFlashKey, "");
  bool won = ctx.db.transaction([&] {
    if (!store::consume_email_code(ctx.db, code.id, ctx.clock.now())) return false;
    save_session(updated, ctx);
    audit_request(ctx, req, wizard::actor(session), "apply.code.verified", target_of(session));
    return true;
  });
  if (won) session = updated;
  return won;
}

http::Response submit(const http::Request& req, Context& ctx, Session& session,
                      const store::Applicant& applicant) {
  require_csrf(req, session);
  auto refuse = [&](const std::string& message) {
    return wizard::verify_page(ctx, session, applicant, {message, {}});
  };
  // A concurrent submit of the same code that won moved the session on: follow it there.
  auto moved_on = [&]() -> std::optional<http::Response> {
    auto again = find_session(req, ctx);
    if (!again || wizard::current_step(*again) == Step::kVerify) return std::nullopt;
    return http::Response::redirect(wizard::path_of(wizard::current_step(*again)));
  };
  auto typed = parse_typed_code(form_value(req, "code", 64));
  if (!typed) return refuse("請輸入 6 位數字的驗證代碼（英文碼後的數字）。");

  auto newest = store::newest_email_code(ctx.db, session.id_hash, store::kApplyCodePurpose);
  std::string prefix = newest ? newest->prefix : "";
  std::string actor = wizard::actor(session);
  switch (judge_typed_code(ctx, session, store::kApplyCodePurpose, newest, *typed)) {
    case CodeVerdict::kAccepted:
      if (accept(req, ctx, session, *newest)) {
        return http::Response::redirect(wizard::path_of(Step::kAccount));
      }
      if (auto followed = moved_on()) return *followed;
      return refuse(std::string("此驗證代碼已使用或已失效，") + kResendHint);
    case CodeVerdict::kWrong: {
      store::WrongTry wrong = store::count_wrong_email_code(ctx.db, newest->id);
      audit_request(ctx, req, actor, wrong.killed ? "apply.code.too_many" : "apply.code.wrong",
                    target_of(session));
      if (wrong.killed) {
        return refuse(std::string("驗證代碼錯誤已達 5 次，此驗證代碼已失效，") + kResendHint);
      }
      int left = kEmailCodeMaxTries - (newest->tries + 1);
      return refuse("驗證代碼錯誤，請確認英文碼為 " + prefix + " 的信件後重新輸入（還可再試 " +
                    std::to_string(left) + " 次）。");
    }
    case CodeVerdict::kTooManyTries:
      audit_request(ctx, req, actor, "apply.code.too_many", target_of(session));
      return refuse(std::string("驗證代碼錯誤已達 5 次，此驗證代碼已失效，") + kResendHint);
    case CodeVerdict::kExpired:
      audit_request(ctx, req, actor, "apply.code.expired", target_of(session));
      return refuse(std::string("驗證代碼已超過 5 分鐘而失效，") + kResendHint);
    case CodeVerdict::kSuperseded:
      audit_request(ctx, req, actor, "apply.code.superseded", target_of(session));
      return refuse("此驗證代碼已失效，請輸入英文碼為 " + prefix + " 的最新驗證代碼。");
    case CodeVerdict::kNoCode:
      // The code may have been used a moment ago by a concurrent submit of this session.
      if (auto followed = moved_on()) return *followed;
      break;
  }
  return refuse(std::string("目前沒有有效的驗證代碼，") + kResendHint);
}

}  // namespace

xueji::http::Response handle_apply_verify(const xueji::http::Request& req, xueji::Context& ctx) {
  if (req.method == "POST") {
    wizard::Entry entry = wizard::enter(req, ctx, {Step::kVerify});
    if (!entry.session) return entry.response;
    auto applicant = wizard::shown_applicant(*entry.session, ctx);
    if (!applicant) return wizard::expired_page(ctx);
    return submit(req, ctx, *entry.session, *applicant);
  }
  // The page: the session and its newest code in one query.
  auto id_hash = cookie_session_hash(req, ctx);
  std::optional<store::CodePageRows> rows;
  if (id_hash) {
    rows = store::find_code_page_rows(ctx.db, *id_hash, ctx.clock.now(), store::kApplyCodePurpose);
  }
  std::optional<Session> found;
  if (rows) found = adopt_live_session(rows->session, ctx);
  wizard::Entry entry = wizard::admit(req, ctx, std::move(found), {Step::kVerify});
  if (!entry.session) return entry.response;
  auto applicant = wizard::shown_applicant(*entry.session, ctx);
  if (!applicant) return wizard::expired_page(ctx);
  return wizard::verify_page(ctx, *entry.session, *applicant, {}, rows->newest);
}
