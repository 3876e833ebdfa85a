// admin_duty.cpp: POST /admin/duty — assign or remove one duty of a staff member for the active
// school year (manual 二): the AA the administrative duties, within the county's approved
// staffing; 人事 導師; 教務 任課教師; 校長 例外人員. A duty outside the caller's right is a 403;
// a full or unapproved staffing re-renders the staff list with the manual's sentence.
#include "core/staff_fields.h"
#include "fcgi/handler.h"
#include "flows/admin_console.h"

namespace {

using namespace xueji;

constexpr const char* kNoPosts =
    "縣市尚未核定此行政職務的員額，無法配置。縣市必須先核定員額編制，學校方能配置各處室行政人員！"
    "若對於編制核定有疑慮，請逕洽貴縣市相關業務承辦人確認。";

std::string full_message(const std::string& duty) {
  return "「" + duty +
         "」已達縣市核定的員額，無法再配置；請先移除其他人員的此職務，或洽貴縣市相關業務承辦人確認"
         "員額編制。";
}

}  // namespace

xueji::http::Response handle_admin_duty(const xueji::http::Request& req, xueji::Context& ctx) {
  admin::SchoolPageGate gate = admin::enter_school_page(req, ctx, admin::Need::kAnyRight);
  if (!gate.page) return gate.redirect;
  admin::Console& console = gate.page->console;
  const admin::ConsoleSchool& school = gate.page->school();
  store::AdminStaff staff = admin::staff_for(ctx, console, school, req.field("staff"));
  std::string duty = admin::request_value(req, "duty", 64);
  std::string action = admin::request_value(req, "action", 16);
  if (action != "assign" && action != "remove") throw http::bad_request("unknown duty action");
  if (!is_known_duty(duty) || !may_configure_duty(school.rights, duty)) {
    admin::audit(ctx, req, console, school, "admin.duty.forbidden",
                 admin::staff_target(staff) + " duty:" + duty);
    throw admin::forbidden_here();
  }
  const std::string target = admin::staff_target(staff) + " duty:" + duty;
  TimePoint now = ctx.clock.now();
  if (action == "remove") {
    bool removed = ctx.db.transaction([&] {
      bool done = store::remove_duty(ctx.db, staff.staff_id, console.year, duty);
      if (done) admin::audit(ctx, req, console, school, "admin.duty.remove", target);
      return done;
    });
    admin::set_flash(console, ctx,
                     removed ? "已移除 " + staff.name + " 的職務「" + duty + "」。"
                             : staff.name + " 原本就沒有職務「" + duty + "」。");
    return http::Response::redirect(admin::staff_path(school));
  }
  store::AssignResult result = ctx.db.transaction([&] {
    auto r = store::assign_duty(ctx.db, school.school.id, staff.staff_id, console.year, duty,
                                is_administrative_duty(duty), now);
    if (r == store::AssignResult::kAssigned) {
      admin::audit(ctx, req, console, school, "admin.duty.assign", target);
    }
    return r;
  });
  switch (result) {
    case store::AssignResult::kAssigned:
      admin::set_flash(console, ctx, "已配置 " + staff.name + " 的職務「" + duty + "」。");
      break;
    case store::AssignResult::kAlreadyHeld:
      admin::set_flash(console, ctx, staff.name + " 本來就有職務「" + duty + "」，未變更。");
      break;
    case store::AssignResult::kNoPostsApproved:
      admin::audit(ctx, req, console, school, "admin.duty.refused_no_posts", target);
      return admin::staff_page(ctx, console, school, kNoPosts, 422);
    case store::AssignResult::kPostsFull:
      admin::audit(ctx, req, console, school, "admin.duty.refused_full", target);
      return admin::staff_page(ctx, console, school, full_message(duty), 422);
  }
  return http::Response::redirect(admin::staff_path(school));
}
