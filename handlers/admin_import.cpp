// admin_import.cpp: GET/POST /admin/import — the school's AA imports staff from CSV text (the
// `xueji-ctl staff import` format): a preview lists every refused line with its reason, and only
// a file without one is applied (confirm=1), all or nothing, in one transaction. With
// action=year: the new school year from the previous year's duties — a preview of what carries
// over, then (confirm=1) applied in one transaction, administrative duties within the approved
// staffing (the rest listed as not carried).
#include "core/school_roles.h"
#include "core/staff_csv.h"
#include "fcgi/form.h"
#include "fcgi/handler.h"
#include "flows/admin_console.h"

namespace {

using namespace xueji;

std::string school_text(const admin::ConsoleSchool& s) {
  return s.school.code + " " + s.school.name;
}

http::Response import_page(Context& ctx, const admin::Console& console,
                           const admin::ConsoleSchool& school, const std::string& csv,
                           const std::vector<std::string>& errors, std::size_t good, bool preview) {
  Page page("匯入教職員", "admin_import.tpl");
  auto& body = page.body();
  admin::fill_console_header(body, console);
  body.SetValue("SCHOOL_CODE", school.school.code);
  body.SetValue("SCHOOL_NAME", school.school.name);
  body.SetValue("CSV", csv);
  for (const std::string& e : errors) show_message(body, "LINE_ERROR", e);
  if (preview) {
    auto* p = body.AddSectionDictionary(errors.empty() ? "READY" : "REFUSED");
    p->SetIntValue("GOOD", static_cast<long>(good));
    p->SetIntValue("BAD", static_cast<long>(errors.size()));
  }
  http::Response r;
  r.status = errors.empty() ? 200 : 422;
  r.body = page.render(ctx);
  return r;
}

http::Response year_page(Context& ctx, admin::Console& console, const admin::ConsoleSchool& school,
                         const http::Request& req) {
  auto carried = store::duties_to_carry(ctx.db, school.school.id, console.year - 1, console.year);
  if (req.method == "POST" && req.field("confirm") == "1") {
    TimePoint now = ctx.clock.now();
    std::size_t done = 0, skipped = 0;
    ctx.db.transaction([&] {
      done = skipped = 0;
      for (const store::CarriedDuty& c : carried) {
        auto r = store::assign_duty(ctx.db, school.school.id, c.staff_id, console.year, c.duty,
                                    is_administrative_duty(c.duty), now);
        (r == store::AssignResult::kAssigned ? done : skipped)++;
      }
      admin::audit(ctx, req, console, school, "admin.year.carry",
                   "school:" + school.school.code + " from:" + std::to_string(console.year - 1) +
                       " carried:" + std::to_string(done) + " skipped:" + std::to_string(skipped));
    });
    admin::set_flash(console, ctx,
                     "已沿用 " + std::to_string(console.year - 1) + " 學年度職務 " +
                         std::to_string(done) + " 項" +
                         (skipped ? "；" + std::to_string(skipped) + " 項因超過核定員額未沿用" : "") +
                         "。");
    return http::Response::redirect(admin::staff_path(school));
  }
  Page page("沿用上學年度職務", "admin_year.tpl");
  auto& body = page.body();
  admin::fill_console_header(body, console);
  body.SetValue("SCHOOL_CODE", school.school.code);
  body.SetValue("SCHOOL_NAME", school.school.name);
  body.SetIntValue("FROM_YEAR", console.year - 1);
  for (const store::CarriedDuty& c : carried) {
    auto* row = body.AddSectionDictionary("CARRY");
    row->SetValue("NAME", c.name);
    row->SetValue("ID_MASKED", c.id_masked);
    row->SetValue("DUTY", c.duty);
  }
  body.SetIntValue("CARRY_COUNT", static_cast<long>(carried.size()));
  if (!carried.empty()) body.ShowSection("CAN_APPLY");
  http::Response r;
  r.body = page.render(ctx);
  return r;
}

}  // namespace

xueji::http::Response handle_admin_import(const xueji::http::Request& req, xueji::Context& ctx) {
  admin::SchoolPageGate gate = admin::enter_school_page(req, ctx, admin::Need::kAa);
  if (!gate.page) return gate.redirect;
  admin::Console& console = gate.page->console;
  const admin::ConsoleSchool& school = gate.page->school();
  if (admin::request_value(req, "action", 16) == "year") return year_page(ctx, console, school, req);
  if (req.method == "GET") return import_page(ctx, console, school, "", {}, 0, false);

  std::string csv(req.field("csv"));
  TimePoint now = ctx.clock.now();
  StaffCsvCheck checked = check_staff_csv(csv, ctx.config.secret, now);
  std::vector<store::ImportRow> rows;
  for (const StaffCsvLine& r : checked.rows) {
    rows.push_back({r.line, r.id_hmac, r.id_masked, r.input.name, r.input.birth_date,
                    r.input.phone});
  }
  std::vector<std::string> errors;
  for (const StaffCsvError& e : checked.errors) errors.push_back(e.message);
  if (errors.empty() && rows.empty()) errors.push_back("檔案中沒有任何教職員資料，未匯入");
  if (errors.empty()) {
    for (const auto& c : store::import_conflicts(ctx.db, school.school.id, school_text(school), rows))
      errors.push_back(c.message);
  }
  if (!errors.empty() || req.field("confirm") != "1") {
    return import_page(ctx, console, school, csv, errors, rows.size(), true);
  }
  std::size_t new_persons = 0;
  std::vector<store::ImportConflict> conflicts = ctx.db.transaction([&] {
    auto found = store::import_staff(ctx.db, school.school.id, school_text(school), rows, now,
                                     new_persons);
    if (found.empty()) {
      admin::audit(ctx, req, console, school, "admin.staff.import",
                   "school:" + school.school.code + " rows:" + std::to_string(rows.size()));
    }
    return found;
  });
  if (!conflicts.empty()) {
    for (const auto& c : conflicts) errors.push_back(c.message);
    return import_page(ctx, console, school, csv, errors, rows.size(), true);
  }
  admin::set_flash(console, ctx, "已匯入 " + std::to_string(rows.size()) + " 位教職員。");
  return http::Response::redirect(admin::staff_path(school));
}
