// admin_console.h: what the workers of the school's AA console and the helpdesk share (issue 18,
// contract.md §3b): the gate (a complete login; 403 for an account with no console right), the
// school a request names (404 for a school the account may not configure, on every route and
// parameter), the staff record it names (404 unless of that school and year), the step-up (a
// TOTP code within the last 10 minutes before a sensitive action), the one-time notice of the
// next page, the staff page (re-rendered with a refusal by /admin/duty and /admin/account) and
// the console's audit rows, which carry the school.
#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/school_roles.h"
#include "fcgi/context.h"
#include "fcgi/http.h"
#include "fcgi/templates.h"
#include "flows/login_flow.h"
#include "sql/school_admin_store.h"

namespace xueji::admin {

// A sensitive action needs a second factor entered this recently (/admin/stepup).
inline constexpr std::chrono::minutes kStepUpFresh{10};

struct ConsoleSchool {
  store::SchoolRow school;
  SchoolRights rights;
};

struct Console {
  LoginState login;
  int year = 0;                        // the active school year
  std::vector<ConsoleSchool> schools;  // where the account holds a console right
  bool helpdesk = false;
  std::string actor() const { return account_actor(login.account); }
  const std::string& csrf() const { return login.session.csrf; }
};

struct ConsoleGate {
  std::optional<Console> console;
  http::Response redirect;  // to /login?rd=… when there is no complete login
};
// Throws a 403 for a complete login of an account with no right in the console and no helpdesk
// role.
ConsoleGate enter_console(const http::Request& req, Context& ctx);

// 403 with a message of its own (not the CSRF one).
http::Error forbidden_here();

enum class Need { kAnyRight, kAa };
// The school `code` names: 403 when the account has `need` at no school, 404 when it has it but
// not at this school (whatever the code, existing or not).
const ConsoleSchool& school_for(const Console& console, std::string_view code, Need need);
// The opening of every console page of one school: the gate, the CSRF token of a POST, and the
// school the request's `school` value names (403 and 404 as school_for()).
struct SchoolPage {
  Console console;
  std::size_t school_index = 0;
  const ConsoleSchool& school() const { return console.schools[school_index]; }
};
struct SchoolPageGate {
  std::optional<SchoolPage> page;
  http::Response redirect;  // as ConsoleGate's
};
SchoolPageGate enter_school_page(const http::Request& req, Context& ctx, Need need);
// A value of the POST body, or of the query string on a GET.
std::string request_value(const http::Request& req, std::string_view name, std::size_t max_bytes);
// The staff record `id_text` names, of this school and the active year; 404 otherwise.
store::AdminStaff staff_for(Context& ctx, const Console& console, const ConsoleSchool& school,
                            std::string_view id_text);
void require_helpdesk(const Console& console);  // 403 unless a 諮詢專員

// Step-up.
bool stepped_up(const Console& console, TimePoint now);
void mark_stepped_up(Session& session, Context& ctx, TimePoint now);
// 303 to /admin/stepup, which comes back to `back` (a local path) once a code is entered.
http::Response stepup_redirect(std::string_view back);

// A one-time notice for the next console page.
void set_flash(Console& console, Context& ctx, std::string_view text);
std::string take_flash(Console& console, Context& ctx);

// "/admin/staff?school=CODE"
std::string staff_path(const ConsoleSchool& school);
// GET /admin/staff's page, with a refusal above the list when `error` is set.
http::Response staff_page(Context& ctx, Console& console, const ConsoleSchool& school,
                          std::string_view error, int status = 200);

// The audit target of a staff record: "staff:12 王小明 A12****789" (never a clear ID number).
std::string staff_target(const store::AdminStaff& staff);
// An audit row of this school (shown on /admin/audit).
void audit(Context& ctx, const http::Request& req, const Console& console,
           const ConsoleSchool& school, const std::string& action, const std::string& target);

// Header values every console page shows: the account and the links back.
void fill_console_header(ctemplate::TemplateDictionary& body, const Console& console);

}  // namespace xueji::admin
