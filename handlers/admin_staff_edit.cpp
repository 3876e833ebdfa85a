// admin_staff_edit.cpp: GET/POST /admin/staff/edit — the school's AA edits a staff record's name
// and phone, or (remove=1, after a fresh second factor) takes it off the school for the active
// year: its duties of the year go, the record stays for other years and the audit log.
#include "core/staff_fields.h"
#include "fcgi/form.h"
#include "fcgi/handler.h"
#include "flows/admin_console.h"

namespace {

using namespace xueji;

http::Response edit_page(Context& ctx, const admin::Console& console,
                         const admin::ConsoleSchool& school, const store::AdminStaff& staff,
                         const std::string& name, const std::string& phone,
                         const std::vector<std::string>& problems) {
  Page page("編輯教職員", "admin_staff_edit.tpl");
  auto& body = page.body();
  admin::fill_console_header(body, console);
  body.SetValue("SCHOOL_CODE", school.school.code);
  body.SetValue("SCHOOL_NAME", school.school.name);
  body.SetIntValue("STAFF_ID", static_cast<long>(staff.staff_id));
  body.SetValue("ID_MASKED", staff.id_masked);
  body.SetValue("BIRTH_DATE", format_date(staff.birth_date));
  body.SetValue("NAME", name);
  body.SetValue("PHONE", phone);
  for (const std::string& p : problems) show_message(body, "PROBLEM", p);
  http::Response r;
  r.status = problems.empty() ? 200 : 422;
  r.body = page.render(ctx);
  return r;
}

}  // namespace

xueji::http::Response handle_admin_staff_edit(const xueji::http::Request& req,
                                              xueji::Context& ctx) {
  admin::SchoolPageGate gate = admin::enter_school_page(req, ctx, admin::Need::kAa);
  if (!gate.page) return gate.redirect;
  admin::Console& console = gate.page->console;
  const admin::ConsoleSchool& school = gate.page->school();
  store::AdminStaff staff =
      admin::staff_for(ctx, console, school, admin::request_value(req, "staff", 32));
  if (req.method == "GET") {
    return edit_page(ctx, console, school, staff, staff.name, staff.phone.value_or(""), {});
  }
  TimePoint now = ctx.clock.now();
  const std::string target = admin::staff_target(staff);
  if (req.field("remove") == "1") {
    if (!admin::stepped_up(console, now)) {
      return admin::stepup_redirect("/admin/staff/edit?school=" + school.school.code +
                                    "&staff=" + std::to_string(staff.staff_id));
    }
    ctx.db.transaction([&] {
      store::remove_staff_for_year(ctx.db, school.school.id, staff.staff_id, console.year, now);
      admin::audit(ctx, req, console, school, "admin.staff.remove", target);
    });
    admin::set_flash(console, ctx,
                     "已將 " + staff.name + " 自本校 " + std::to_string(console.year) +
                         " 學年度移除，其本學年度職務已一併移除。");
    return http::Response::redirect(admin::staff_path(school));
  }
  std::string name = trimmed(form_value(req, "name", 256));
  std::string phone_text = form_value(req, "phone", 64);
  std::optional<std::string> phone;
  std::vector<std::string> problems;
  if (std::string p = staff_name_problem(name); !p.empty()) problems.push_back(p);
  if (std::string p = phone_problem(phone_text, phone); !p.empty()) problems.push_back(p);
  if (!problems.empty()) return edit_page(ctx, console, school, staff, name, phone_text, problems);
  ctx.db.transaction([&] {
    store::update_staff_contact(ctx.db, school.school.id, staff.staff_id, name, phone);
    admin::audit(ctx, req, console, school, "admin.staff.edit", target);
  });
  admin::set_flash(console, ctx, "已更新 " + name + " 的聘約資料。");
  return http::Response::redirect(admin::staff_path(school));
}
