// helpdesk_page.cpp: the /helpdesk page (helpdesk_page.h).
#include "flows/helpdesk_page.h"

#include "core/lockout.h"
#include "core/taipei_time.h"
#include "fcgi/form.h"
#include "fcgi/templates.h"

namespace xueji::admin {

http::Response helpdesk_page(Context& ctx, Console& console, const HelpdeskView& view) {
  TimePoint now = ctx.clock.now();
  Page page("諮詢專員", "helpdesk.tpl");
  auto& body = page.body();
  fill_console_header(body, console);
  body.SetValue("SEARCH_ACCOUNT", view.account);
  body.SetValue("SEARCH_BIRTH_DATE", view.birth_date);
  if (std::string flash = take_flash(console, ctx); !flash.empty()) {
    show_message(body, "FLASH", flash);
  }
  if (!view.search_error.empty()) show_message(body, "SEARCH_ERROR", view.search_error);
  std::optional<store::AccountWithDuties> found;
  if (view.found) found = store::find_account_with_duties(ctx.db, *view.found, console.year);
  if (found) {
    const store::Account& a = found->account;
    auto* f = body.AddSectionDictionary("FOUND");
    f->SetValue("LOGIN_NAME", a.login_name);
    f->SetValue("DISPLAY_NAME", a.display_name);
    f->SetValue("ID_MASKED", a.id_masked);
    f->SetValue("EMAIL", a.email.value_or("（無）"));
    f->ShowSection(a.email_verified_at ? "VERIFIED" : "UNVERIFIED");
    if (lock_state(a.locked_until, now) == LockState::kLocked) {
      f->AddSectionDictionary("LOCKED")->SetValue("UNTIL", format_taipei(*a.locked_until));
    }
    for (const auto& s : found->duties.schools) {
      auto* row = f->AddSectionDictionary("SCHOOL");
      row->SetValue("SCHOOL_NAME", s.school_name);
      row->SetValue("SCHOOL_CODE", s.school_code);
      std::string duties;
      for (const auto& d : s.duties) duties += (duties.empty() ? "" : "、") + d;
      row->SetValue("DUTIES", duties.empty() ? "本學年度無職務" : duties);
    }
    f->SetValue("NEW_EMAIL", view.email);
    f->SetValue("REASON", view.reason);
    if (!view.email_error.empty()) show_message(*f, "EMAIL_ERROR", view.email_error);
  } else if (view.searched && view.search_error.empty()) {
    body.ShowSection("NOT_FOUND");
  }
  http::Response r;
  r.status = view.search_error.empty() && view.email_error.empty() ? 200 : 422;
  r.body = page.render(ctx);
  return r;
}

}  // namespace xueji::admin
