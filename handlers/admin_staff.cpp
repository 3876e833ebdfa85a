// admin_staff.cpp: GET /admin/staff?school=SCHOOL — the staff of the school's active year with
// their duties and account states, for its AA, 人事, 教務 and 校長 (each assigns the duties of
// their own right there; the AA also edits records and helps with accounts).
#include "fcgi/handler.h"
#include "flows/admin_console.h"

xueji::http::Response handle_admin_staff(const xueji::http::Request& req, xueji::Context& ctx) {
  using namespace xueji;
  admin::ConsoleGate gate = admin::enter_console(req, ctx);
  if (!gate.console) return gate.redirect;
  std::string code = admin::request_value(req, "school", 32);
  if (code.empty()) return http::Response::redirect("/admin");
  const admin::ConsoleSchool& school =
      admin::school_for(*gate.console, code, admin::Need::kAnyRight);
  return admin::staff_page(ctx, *gate.console, school, "");
}
