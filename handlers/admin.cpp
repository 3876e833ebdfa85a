// admin.cpp: GET /admin — the console's front page: the schools whose staff and duties the
// account may configure this school year (as AA, 人事, 教務 or 校長), and the helpdesk for a
// 諮詢專員. One school and nothing else: straight to its staff list.
#include "fcgi/handler.h"
#include "fcgi/templates.h"
#include "flows/admin_console.h"

xueji::http::Response handle_admin(const xueji::http::Request& req, xueji::Context& ctx) {
  using namespace xueji;
  admin::ConsoleGate gate = admin::enter_console(req, ctx);
  if (!gate.console) return gate.redirect;
  admin::Console& console = *gate.console;
  if (console.schools.size() == 1 && !console.helpdesk) {
    return http::Response::redirect(admin::staff_path(console.schools.front()));
  }
  Page page("學校權限管理", "admin.tpl");
  auto& body = page.body();
  admin::fill_console_header(body, console);
  for (const admin::ConsoleSchool& s : console.schools) {
    auto* row = body.AddSectionDictionary("SCHOOL");
    row->SetValue("SCHOOL_CODE", s.school.code);
    row->SetValue("SCHOOL_NAME", s.school.name);
    std::string roles;
    auto add = [&](bool has, const char* name) {
      if (has) roles += (roles.empty() ? "" : "、") + std::string(name);
    };
    add(s.rights.aa, "學校權限AA");
    add(s.rights.personnel, "人事");
    add(s.rights.academic, "教務");
    add(s.rights.principal, "校長");
    add(s.rights.agent, "校長代理人");
    row->SetValue("ROLES", roles);
  }
  if (console.helpdesk) body.ShowSection("HELPDESK");
  http::Response r;
  r.body = page.render(ctx);
  return r;
}
