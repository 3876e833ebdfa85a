// admin_audit.cpp: GET /admin/audit?school=SCHOOL — the school's audit log for its AA: who did
// what to whom, when, from which address, newest first; `person` (a part of the actor's account
// name or of the target) and `action` (a prefix) filter it.
#include "core/taipei_time.h"
#include "fcgi/handler.h"
#include "flows/admin_console.h"

namespace {

constexpr int kRowsShown = 200;

const char* action_label(const std::string& action) {
  static const std::pair<const char*, const char*> kLabels[] = {
      {"admin.staff.add", "新增教職員"},
      {"admin.staff.edit", "編輯教職員"},
      {"admin.staff.remove", "移除教職員"},
      {"admin.staff.import", "匯入教職員"},
      {"admin.duty.assign", "配置職務"},
      {"admin.duty.remove", "移除職務"},
      {"admin.duty.refused_full", "配置職務（超過核定員額，未配置）"},
      {"admin.duty.refused_no_posts", "配置職務（未核定員額，未配置）"},
      {"admin.duty.forbidden", "配置職務（無權限，未配置）"},
      {"admin.year.carry", "沿用上學年度職務"},
      {"admin.account.unlock", "解除停用"},
      {"admin.account.reset_password", "重設密碼"},
      {"admin.account.reset_2fa", "重設雙因子認證"},
  };
  for (const auto& [key, label] : kLabels) {
    if (action == key) return label;
  }
  return "";
}

}  // namespace

xueji::http::Response handle_admin_audit(const xueji::http::Request& req, xueji::Context& ctx) {
  using namespace xueji;
  admin::SchoolPageGate gate = admin::enter_school_page(req, ctx, admin::Need::kAa);
  if (!gate.page) return gate.redirect;
  admin::Console& console = gate.page->console;
  const admin::ConsoleSchool& school = gate.page->school();
  std::string person = admin::request_value(req, "person", 64);
  std::string action = admin::request_value(req, "action", 64);
  Page page("稽核紀錄", "admin_audit.tpl");
  auto& body = page.body();
  admin::fill_console_header(body, console);
  body.SetValue("SCHOOL_CODE", school.school.code);
  body.SetValue("SCHOOL_NAME", school.school.name);
  body.SetValue("PERSON", person);
  static const std::pair<const char*, const char*> kFilters[] = {
      {"", "全部"},
      {"admin.staff", "教職員（新增、編輯、移除、匯入）"},
      {"admin.duty", "職務"},
      {"admin.account", "帳號協助"},
      {"admin.year", "沿用上學年度職務"},
  };
  for (const auto& [value, label] : kFilters) {
    auto* option = body.AddSectionDictionary("FILTER");
    option->SetValue("VALUE", value);
    option->SetValue("LABEL", label);
    if (action == value) option->ShowSection("SELECTED");
  }
  auto rows = store::school_audit(ctx.db, school.school.id, person, action, kRowsShown);
  for (const store::SchoolAuditRow& row : rows) {
    auto* r = body.AddSectionDictionary("ROW");
    r->SetValue("AT", format_taipei(row.at));
    r->SetValue("ACTOR", row.actor);
    r->SetValue("ACTION", row.action);
    r->SetValue("LABEL", action_label(row.action));
    r->SetValue("TARGET", row.target);
    r->SetValue("ADDR", row.client_addr);
  }
  if (rows.empty()) body.ShowSection("EMPTY");
  http::Response r;
  r.body = page.render(ctx);
  return r;
}
