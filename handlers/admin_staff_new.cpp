// admin_staff_new.cpp: GET/POST /admin/staff/new — the school's AA adds a staff record (教職員聘約):
// ID number (check digit), name, birth date, phone. Only the ID's HMAC and masked form are kept;
// the same person at another school keeps one person row (same birth date), and a record taken
// off this school this year comes back.
#include "core/national_id.h"
#include "core/personal_data.h"
#include "core/staff_fields.h"
#include "fcgi/form.h"
#include "fcgi/handler.h"
#include "flows/admin_console.h"

namespace {

using namespace xueji;

struct Typed {
  std::string national_id, name, birth_date, phone;
};

http::Response form_page(Context& ctx, const admin::Console& console,
                         const admin::ConsoleSchool& school, const Typed& typed,
                         const std::vector<std::string>& problems) {
  Page page("新增教職員", "admin_staff_new.tpl");
  auto& body = page.body();
  admin::fill_console_header(body, console);
  body.SetValue("SCHOOL_CODE", school.school.code);
  body.SetValue("SCHOOL_NAME", school.school.name);
  body.SetValue("NATIONAL_ID", typed.national_id);
  body.SetValue("NAME", typed.name);
  body.SetValue("BIRTH_DATE", typed.birth_date);
  body.SetValue("PHONE", typed.phone);
  for (const std::string& p : problems) show_message(body, "PROBLEM", p);
  http::Response r;
  r.status = problems.empty() ? 200 : 422;
  r.body = page.render(ctx);
  return r;
}

}  // namespace

xueji::http::Response handle_admin_staff_new(const xueji::http::Request& req, xueji::Context& ctx) {
  admin::SchoolPageGate gate = admin::enter_school_page(req, ctx, admin::Need::kAa);
  if (!gate.page) return gate.redirect;
  admin::Console& console = gate.page->console;
  const admin::ConsoleSchool& school = gate.page->school();
  if (req.method == "GET") return form_page(ctx, console, school, {}, {});

  Typed typed{form_value(req, "national_id", 64), form_value(req, "name", 256),
              form_value(req, "birth_date", 64), form_value(req, "phone", 64)};
  TimePoint now = ctx.clock.now();
  StaffInput input;
  auto problems =
      check_staff_input(typed.national_id, typed.name, typed.birth_date, typed.phone, now, input);
  if (!problems.empty()) return form_page(ctx, console, school, typed, problems);

  std::string masked = mask_national_id(input.national_id);
  store::NewStaff staff{national_id_hmac(ctx.config.secret, input.national_id), masked,
                        input.name, input.birth_date, input.phone};
  const std::string target = "person:" + masked + " " + input.name;
  store::AddStaffResult result = ctx.db.transaction([&] {
    auto r = store::add_staff(ctx.db, school.school.id, staff, console.year, now);
    bool added = r == store::AddStaffResult::kAdded ||
                 r == store::AddStaffResult::kAddedKnownPerson ||
                 r == store::AddStaffResult::kRestored;
    if (added) admin::audit(ctx, req, console, school, "admin.staff.add", target);
    return r;
  });
  if (result == store::AddStaffResult::kBirthDateDiffers) {
    return form_page(ctx, console, school, typed,
                     {"此身分證/外籍人士統一證號（" + masked +
                      "）已有人員資料，但出生日期與這次輸入的不同；請確認出生日期"});
  }
  if (result == store::AddStaffResult::kAlreadyStaff) {
    return form_page(ctx, console, school, typed,
                     {masked + " 已是本校的教職員，未重複新增"});
  }
  admin::set_flash(console, ctx, "已新增教職員 " + input.name + "（" + masked + "）。");
  return http::Response::redirect(admin::staff_path(school));
}
