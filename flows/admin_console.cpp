// admin_console.cpp: the gate, scopes, step-up, notices, staff page and audit rows of the AA
// console (admin_console.h).
#include "flows/admin_console.h"

#include <algorithm>

#include "core/account_policy.h"
#include "core/lockout.h"
#include "core/password_policy.h"
#include "core/percent_encoding.h"
#include "fcgi/audit.h"
#include "fcgi/form.h"
#include "sql/staff_store.h"

namespace xueji::admin {
namespace {

constexpr const char* kStepUpKey = "stepup_at";
constexpr const char* kFlashKey = "admin_flash";

long long seconds_of(TimePoint t) {
  return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

void fill_account(ctemplate::TemplateDictionary& row, const store::AdminStaff& s, TimePoint now,
                  bool aa) {
  if (!s.account_id) {
    row.ShowSection("NO_ACCOUNT");
    return;
  }
  // Manual 二.4: an account named by an ID number is no 個人業務帳號 (it cannot log in), and its
  // name is an ID number, never shown whole: its holder still has to apply.
  if (is_id_number_account(s.login_name)) {
    row.AddSectionDictionary("NO_ACCOUNT")->ShowSection("ID_NUMBER_ACCOUNT");
    return;
  }
  auto* a = row.AddSectionDictionary("ACCOUNT");
  a->SetValue("LOGIN_NAME", s.login_name);
  if (s.account_created_at) a->SetValue("APPLIED", format_date(taipei_date(*s.account_created_at)));
  if (lock_state(s.locked_until, now) == LockState::kLocked) {
    a->AddSectionDictionary("LOCKED")->SetValue("UNTIL", format_taipei(*s.locked_until));
  }
  if (s.password_changed_at) {
    auto days = std::chrono::floor<std::chrono::days>(now - *s.password_changed_at).count();
    a->SetIntValue("PASSWORD_DAYS", static_cast<long>(days));
    if (password_expired(*s.password_changed_at, now)) a->ShowSection("PASSWORD_EXPIRED");
  }
  a->ShowSection(s.totp_bound_at ? "TOTP_BOUND" : "TOTP_UNBOUND");
  if (s.last_login_at) {
    a->AddSectionDictionary("LAST_LOGIN")->SetValue("AT", format_taipei(*s.last_login_at));
  } else {
    a->ShowSection("NEVER_LOGGED_IN");
  }
  a->ShowSection(s.email_verified_at && !s.email.empty() ? "EMAIL_VERIFIED" : "EMAIL_UNVERIFIED");
  if (aa) {
    auto* actions = a->AddSectionDictionary("ACCOUNT_ACTIONS");
    actions->SetIntValue("STAFF_ID", static_cast<long>(s.staff_id));
    if (lock_state(s.locked_until, now) == LockState::kLocked) actions->ShowSection("CAN_UNLOCK");
  }
}

}  // namespace

http::Error forbidden_here() {
  return http::Error(403, "E403", "您沒有使用此功能的權限。", "console right missing");
}

ConsoleGate enter_console(const http::Request& req, Context& ctx) {
  ConsoleGate gate;
  auto login = find_complete_login(req, ctx);
  if (!login) {
    gate.redirect = http::Response::redirect("/login?rd=" + percent_encode(req.path));
    return gate;
  }
  Console console;
  console.year = login->duties.school_year;
  for (const auto& s : login->duties.schools) {
    SchoolRights rights = rights_from_duties(s.duties);
    if (!rights.any()) continue;
    auto school = store::find_school_by_code(ctx.db, s.school_code);
    if (school) console.schools.push_back({*school, rights});
  }
  console.helpdesk = store::is_helpdesk(ctx.db, login->account.id);
  if (console.schools.empty() && !console.helpdesk) throw forbidden_here();
  console.login = std::move(*login);
  gate.console = std::move(console);
  return gate;
}

const ConsoleSchool& school_for(const Console& console, std::string_view code, Need need) {
  bool anywhere = false;
  for (const ConsoleSchool& s : console.schools) {
    bool has = need == Need::kAa ? s.rights.aa : s.rights.any();
    if (!has) continue;
    anywhere = true;
    if (s.school.code == code) return s;
  }
  if (!anywhere) throw forbidden_here();
  throw http::not_found();
}

SchoolPageGate enter_school_page(const http::Request& req, Context& ctx, Need need) {
  ConsoleGate gate = enter_console(req, ctx);
  if (!gate.console) return {std::nullopt, std::move(gate.redirect)};
  if (req.method == "POST") require_csrf(req, gate.console->login.session);
  const ConsoleSchool& school = school_for(*gate.console, request_value(req, "school", 32), need);
  auto index = static_cast<std::size_t>(&school - gate.console->schools.data());
  return {SchoolPage{std::move(*gate.console), index}, {}};
}

std::string request_value(const http::Request& req, std::string_view name, std::size_t max_bytes) {
  if (req.method == "POST") return form_value(req, name, max_bytes);
  std::string value(req.param(name));
  if (value.size() > max_bytes) throw http::bad_request("parameter too long");
  return value;
}

store::AdminStaff staff_for(Context& ctx, const Console& console, const ConsoleSchool& school,
                            std::string_view id_text) {
  if (id_text.empty() || id_text.size() > 18) throw http::not_found();
  std::int64_t id = 0;
  for (char c : id_text) {
    if (c < '0' || c > '9') throw http::not_found();
    id = id * 10 + (c - '0');
  }
  auto staff = store::find_school_staff(ctx.db, school.school.id, id, console.year);
  if (!staff) throw http::not_found();
  return *staff;
}

void require_helpdesk(const Console& console) {
  if (!console.helpdesk) throw forbidden_here();
}

bool stepped_up(const Console& console, TimePoint now) {
  std::string text = console.login.session.value(kStepUpKey);
  if (text.empty() || text.size() > 12) return false;
  long long at = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    at = at * 10 + (c - '0');
  }
  long long age = seconds_of(now) - at;
  return age >= 0 && age <= std::chrono::duration_cast<std::chrono::seconds>(kStepUpFresh).count();
}

void mark_stepped_up(Session& session, Context& ctx, TimePoint now) {
  session.set_value(kStepUpKey, std::to_string(seconds_of(now)));
  save_session(session, ctx);
}

http::Response stepup_redirect(std::string_view back) {
  return http::Response::redirect("/admin/stepup?back=" + percent_encode(back));
}

void set_flash(Console& console, Context& ctx, std::string_view text) {
  console.login.session.set_value(kFlashKey, text);
  save_session(console.login.session, ctx);
}

std::string take_flash(Console& console, Context& ctx) {
  return take_session_value(console.login.session, kFlashKey, ctx);
}

std::string staff_path(const ConsoleSchool& school) {
  return "/admin/staff?school=" + percent_encode(school.school.code);
}

std::string staff_target(const store::AdminStaff& staff) {
  return "staff:" + std::to_string(staff.staff_id) + " " + staff.name + " " + staff.id_masked;
}

void audit(Context& ctx, const http::Request& req, const Console& console,
           const ConsoleSchool& school, const std::string& action, const std::string& target) {
  audit_school(ctx, req, console.actor(), action, target, school.school.id);
}

void fill_console_header(ctemplate::TemplateDictionary& body, const Console& console) {
  body.SetValue("CSRF", console.csrf());
  body.SetValue("ACCOUNT", console.login.account.login_name);
  body.SetIntValue("YEAR", console.year);
}

http::Response staff_page(Context& ctx, Console& console, const ConsoleSchool& school,
                          std::string_view error, int status) {
  TimePoint now = ctx.clock.now();
  Page page("教職員及職務", "admin_staff.tpl");
  auto& body = page.body();
  fill_console_header(body, console);
  body.SetValue("SCHOOL_CODE", school.school.code);
  body.SetValue("SCHOOL_NAME", school.school.name);
  const bool aa = school.rights.aa;
  if (aa) body.ShowSection("AA");
  if (!error.empty()) show_message(body, "ERROR", error);
  if (std::string flash = take_flash(console, ctx); !flash.empty()) {
    show_message(body, "FLASH", flash);
  }
  for (const store::PostCount& p : store::list_posts(ctx.db, school.school.id, console.year)) {
    if (!is_administrative_duty(p.duty)) continue;
    auto* row = body.AddSectionDictionary("POST");
    row->SetValue("DUTY", p.duty);
    row->SetIntValue("APPROVED", p.approved);
    row->SetIntValue("ASSIGNED", p.assigned);
  }
  std::vector<std::string> mine = configurable_duties(school.rights);
  auto staff = store::list_school_staff(ctx.db, school.school.id, console.year);
  body.SetIntValue("STAFF_COUNT", static_cast<long>(staff.size()));
  for (const store::AdminStaff& s : staff) {
    auto* row = body.AddSectionDictionary("STAFF");
    row->SetIntValue("STAFF_ID", static_cast<long>(s.staff_id));
    row->SetValue("NAME", s.name);
    row->SetValue("ID_MASKED", s.id_masked);
    row->SetValue("SCHOOL_CODE", school.school.code);
    row->SetValue("CSRF", console.csrf());
    if (aa) row->ShowSection("CAN_EDIT");
    for (const std::string& duty : s.duties) {
      auto* d = row->AddSectionDictionary("DUTY");
      d->SetValue("DUTY", duty);
      if (may_configure_duty(school.rights, duty)) {
        auto* remove = d->AddSectionDictionary("REMOVABLE");
        remove->SetIntValue("STAFF_ID", static_cast<long>(s.staff_id));
      }
    }
    if (s.duties.empty()) row->ShowSection("NO_DUTY");
    bool any_option = false;
    for (const std::string& duty : mine) {
      if (std::find(s.duties.begin(), s.duties.end(), duty) != s.duties.end()) continue;
      row->AddSectionDictionary("OPTION")->SetValue("DUTY", duty);
      any_option = true;
    }
    if (any_option) row->ShowSection("CAN_ASSIGN");
    fill_account(*row, s, now, aa);
  }
  http::Response r;
  r.status = status;
  r.body = page.render(ctx);
  return r;
}

}  // namespace xueji::admin
