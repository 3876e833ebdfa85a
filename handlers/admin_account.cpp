// admin_account.cpp: POST /admin/account — the school's AA helps a staff member's account:
// unlock; reset-password (a one-time link to the verified e-mail sets a new password: the AA
// never sees or chooses one); reset-2fa (the binding goes, every session ends, the next login
// binds again). The two resets need a fresh second factor (/admin/stepup).
#include "fcgi/handler.h"
#include "flows/account_link.h"
#include "flows/admin_console.h"
#include "mail/account_notices.h"

namespace {

using namespace xueji;

constexpr const char* kNoAccount = "此教職員尚未申請個人業務帳號。";
constexpr const char* kNoVerifiedEmail =
    "此帳號尚未驗證 E-Mail（或 E-Mail 已無法收信），無法寄送設定新密碼的信件；請透過諮詢專員重設"
    "E-Mail。";

}  // namespace

xueji::http::Response handle_admin_account(const xueji::http::Request& req, xueji::Context& ctx) {
  admin::SchoolPageGate gate = admin::enter_school_page(req, ctx, admin::Need::kAa);
  if (!gate.page) return gate.redirect;
  admin::Console& console = gate.page->console;
  const admin::ConsoleSchool& school = gate.page->school();
  store::AdminStaff staff = admin::staff_for(ctx, console, school, req.field("staff"));
  std::string action = admin::request_value(req, "action", 32);
  if (action != "unlock" && action != "reset-password" && action != "reset-2fa") {
    throw http::bad_request("unknown account action");
  }
  const std::string target = admin::staff_target(staff);
  if (!staff.account_id) {
    admin::audit(ctx, req, console, school, "admin.account.refused_no_account", target);
    return admin::staff_page(ctx, console, school, kNoAccount, 422);
  }
  TimePoint now = ctx.clock.now();
  if (action != "unlock" && !admin::stepped_up(console, now)) {
    return admin::stepup_redirect(admin::staff_path(school));
  }
  auto found = store::find_account_with_duties(ctx.db, *staff.account_id, console.year);
  if (!found) throw http::not_found();
  const store::Account& account = found->account;
  const std::string account_target = target + " account:" + std::to_string(account.id);

  if (action == "unlock") {
    ctx.db.transaction([&] {
      store::unlock_account(ctx.db, account.id);
      admin::audit(ctx, req, console, school, "admin.account.unlock", account_target);
    });
    admin::set_flash(console, ctx, "已解除 " + staff.name + " 帳號的停用，密碼錯誤次數已歸零。");
  } else if (action == "reset-password") {
    if (!account.email || account.email->empty() || !account.email_verified_at) {
      admin::audit(ctx, req, console, school, "admin.account.reset_password.refused_no_email",
                   account_target);
      return admin::staff_page(ctx, console, school, kNoVerifiedEmail, 422);
    }
    ctx.db.transaction([&] {
      issue_account_link(ctx, account, store::kTokenPassword, *account.email, now);
      admin::audit(ctx, req, console, school, "admin.account.reset_password", account_target);
    });
    admin::set_flash(console, ctx,
                     "已寄送設定新密碼的連結至 " + staff.name +
                         " 已驗證的 E-Mail，請其於 60 分鐘內開啟信件中的連結設定新密碼。");
  } else {
    ctx.db.transaction([&] {
      store::reset_two_factor(ctx.db, account.id);
      queue_account_notice(ctx.db, account, AccountEvent::kTotpReset, now);
      admin::audit(ctx, req, console, school, "admin.account.reset_2fa", account_target);
    });
    admin::set_flash(console, ctx,
                     "已重設 " + staff.name + " 的雙因子認證，下次登入時須重新綁定。");
  }
  return http::Response::redirect(admin::staff_path(school));
}
