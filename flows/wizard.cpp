// wizard.cpp: the steps of the application wizard, its guard, step bar and expiry page.
#include "flows/wizard.h"

#include <array>

#include "fcgi/templates.h"

namespace xueji::wizard {
namespace {

struct StepInfo {
  Step step;
  std::string_view stored;  // sessions.wizard_step
  std::string_view path;
  int bar_index;  // which item of the step bar is current (the code entry belongs to E-Mail驗證)
};

constexpr std::array<StepInfo, 5> kSteps = {{
    {Step::kIdentity, "", "/apply/identity", 0},
    {Step::kEmail, "email", "/apply/email", 1},
    {Step::kVerify, "verify", "/apply/verify", 1},
    {Step::kAccount, "account", "/apply/account", 2},
    {Step::kDone, "done", "/apply/done", 3},
}};

// The manual's step bar: 首頁 (a link) then the four steps.
constexpr std::array<std::string_view, 4> kBarLabels = {"身分驗證", "E-Mail驗證", "帳號申請",
                                                        "申請完成"};

const StepInfo& info(Step step) {
  for (const StepInfo& s : kSteps) {
    if (s.step == step) return s;
  }
  return kSteps[0];
}

}  // namespace

Step current_step(const Session& session) {
  if (session.kind != "wizard") return Step::kIdentity;
  for (const StepInfo& s : kSteps) {
    if (!s.stored.empty() && s.stored == session.wizard_step) return s.step;
  }
  return Step::kIdentity;
}

std::string_view path_of(Step step) { return info(step).path; }

void move_to(Session& session, Step step) {
  session.kind = "wizard";
  session.wizard_step = std::string(info(step).stored);
}

Entry admit(const http::Request& req, Context& ctx, std::optional<Session> session,
            std::initializer_list<Step> allowed) {
  if (!session) {
    // A cookie that names no live session is a wizard left idle past its 30 minutes (or ended):
    // say so, rather than silently starting over.
    if (sent_session_cookie(req, ctx)) return {std::nullopt, expired_page(ctx)};
    return {std::nullopt, http::Response::redirect(path_of(Step::kIdentity))};
  }
  Step at = current_step(*session);
  for (Step s : allowed) {
    if (s == at) return {std::move(session), {}};
  }
  return {std::nullopt, http::Response::redirect(path_of(at))};
}

Entry enter(const http::Request& req, Context& ctx, std::initializer_list<Step> allowed) {
  return admit(req, ctx, find_session(req, ctx), allowed);
}

std::optional<store::Applicant> applicant_of(const Session& session, Context& ctx) {
  if (!session.person_id) return std::nullopt;
  return store::find_applicant(ctx.db, *session.person_id);
}

void remember_applicant(Session& session, const store::Applicant& applicant) {
  session.set_value(kNameKey, applicant.name);
  session.set_value(kMaskedIdKey, applicant.id_masked);
  session.set_value(kPhoneKey, applicant.phone.value_or(""));
}

std::optional<store::Applicant> shown_applicant(const Session& session, Context& ctx) {
  std::string name = session.value(kNameKey);
  if (name.empty() || !session.person_id) return applicant_of(session, ctx);
  store::Applicant shown;
  shown.person_id = *session.person_id;
  shown.name = std::move(name);
  shown.id_masked = session.value(kMaskedIdKey);
  shown.birth_date = parse_iso_date(session.value(kBirthKey)).value_or(CivilDate{});
  std::string phone = session.value(kPhoneKey);
  if (!phone.empty()) shown.phone = std::move(phone);
  return shown;
}

void add_step_bar(ctemplate::TemplateDictionary& body, Step current) {
  auto* bar = body.AddIncludeDictionary("STEPS");
  bar->SetFilename("steps.tpl");
  int current_index = info(current).bar_index;
  for (int i = 0; i < static_cast<int>(kBarLabels.size()); ++i) {
    auto* item = bar->AddSectionDictionary("STEP");
    item->SetValue("LABEL", std::string(kBarLabels[i]));
    if (i < current_index) {
      item->SetValue("CLASS", "done");
      item->ShowSection("DONE");
    } else if (i == current_index) {
      // The last step is reached only when it is done: it shows as done and current.
      item->SetValue("CLASS", current == Step::kDone ? "current done" : "current");
      item->ShowSection("CURRENT");
    }
  }
}

void fill_applicant(ctemplate::TemplateDictionary& body, const store::Applicant& applicant,
                    const Session& session) {
  body.SetValue("NAME", applicant.name);
  body.SetValue("ID_MASKED", applicant.id_masked);
  std::string birth = session.value(kBirthKey);
  body.SetValue("BIRTH_DATE", birth.empty() ? format_date(applicant.birth_date) : birth);
  body.SetValue("EMAIL", session.value(kEmailKey));
}

http::Response expired_page(Context& ctx) {
  Page page("申請作業已逾時", "apply_expired.tpl");
  http::Response r;
  r.body = page.render(ctx);
  return r;
}

std::string actor(const Session& session) {
  if (session.kind == "wizard" && session.person_id) {
    return "person:" + std::to_string(*session.person_id);
  }
  return "web";
}

long long unix_seconds(TimePoint t) {
  return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

}  // namespace xueji::wizard
