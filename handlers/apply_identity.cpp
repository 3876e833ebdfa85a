// apply_identity.cpp: wizard step 1 (manual 四 ③–⑥) — GET /apply/identity shows the ID number,
// birth date and captcha form; POST matches them against the staff records with one neutral
// failure message, locks tries after repeated failures, and starts the wizard for the person.
#include "core/identity_fields.h"
#include "core/national_id.h"
#include "core/personal_data.h"
#include "core/taipei_time.h"
#include "fcgi/audit.h"
#include "fcgi/form.h"
#include "fcgi/handler.h"
#include "flows/captcha.h"
#include "flows/identity_lock.h"
#include "flows/wizard.h"

namespace {

using namespace xueji;
using wizard::Step;

constexpr const char* kNoMatch =
    "身分驗證未通過：查無相符的教職員資料。請確認身分證/外籍人士統一證號及出生年月日是否輸入正確；"
    "若確認無誤，請洽貴校學校權限AA帳號持有者確認您的聘約資料是否已建置。";

struct Entries {
  std::string national_id;
  std::string birth_date;
};

using Messages = std::function<void(ctemplate::TemplateDictionary&)>;

http::Response identity_page(Context& ctx, const Session& session, const Entries& entries,
                             const Messages& messages) {
  Page page("身分驗證", "apply_identity.tpl");
  auto& body = page.body();
  wizard::add_step_bar(body, Step::kIdentity);
  body.SetValue("CSRF", session.csrf);
  body.SetValue("NATIONAL_ID", entries.national_id);
  body.SetValue("BIRTH_DATE", entries.birth_date);
  if (messages) messages(body);
  http::Response r;
  r.body = page.render(ctx);
  return r;
}

// Field checks that need no database; they say nothing about any person.
struct FieldErrors {
  std::string id;
  std::string birth;
  bool any() const { return !id.empty() || !birth.empty(); }
};

FieldErrors check_fields(const Entries& entries, TimePoint now) {
  return {national_id_field_error(entries.national_id),
          birth_date_field_error(entries.birth_date, taipei_date(now))};
}

// The session, and with well-formed entries everything the check needs, read in one query. The
// person's data are read before the CSRF token, captcha and locks are judged, but used only after.
struct Submission {
  std::optional<Session> session;
  std::optional<store::IdentityCheck> check;  // with well-formed entries and a session cookie
};

Submission read_submission(const http::Request& req, Context& ctx, const Entries& entries,
                           const std::optional<std::string>& id_hmac) {
  Submission s;
  auto session_hash = cookie_session_hash(req, ctx);
  if (!id_hmac || !session_hash) {
    s.session = find_session(req, ctx);
    return s;
  }
  s.check = store::read_identity_check(ctx.db, *session_hash, ctx.clock.now(), *id_hmac,
                                       *parse_iso_date(entries.birth_date));
  if (s.check->session) s.session = adopt_live_session(*s.check->session, ctx);
  return s;
}

http::Response submit(const http::Request& req, Context& ctx) {
  Entries entries{normalize_national_id(form_value(req, "national_id", 64)),
                  form_value(req, "birth_date", 64)};
  TimePoint now = ctx.clock.now();
  FieldErrors errors = check_fields(entries, now);
  std::optional<std::string> id_hmac;  // only of a well-formed ID number
  if (!errors.any()) id_hmac = national_id_hmac(ctx.config.secret, entries.national_id);
  auto [session, check] = read_submission(req, ctx, entries, id_hmac);
  if (!session && sent_session_cookie(req, ctx)) return wizard::expired_page(ctx);
  require_csrf(req, session);
  Step at = wizard::current_step(*session);
  if (at != Step::kIdentity && at != Step::kDone) {
    return http::Response::redirect(wizard::path_of(at));  // a resubmit from the back button
  }

  CaptchaCheck captcha =
      check_captcha(*session, "apply_identity", form_value(req, "captcha", 32), ctx);
  if (captcha != CaptchaCheck::kPassed) {
    return identity_page(ctx, *session, entries, [&](ctemplate::TemplateDictionary& d) {
      show_message(d, "CAPTCHA_ERROR", captcha_message(captcha));
    });
  }
  FailureCounter own = session_identity_counter(*session);
  if (identity_locked(own, now)) {
    audit_request(ctx, req, "web", "apply.identity.locked", "session");
    return identity_page(ctx, *session, entries, [&](ctemplate::TemplateDictionary& d) {
      show_message(d, "MESSAGE", identity_locked_message(*own.locked_until, now));
    });
  }
  if (errors.any()) {
    return identity_page(ctx, *session, entries, [&](ctemplate::TemplateDictionary& d) {
      if (!errors.id.empty()) show_message(d, "ID_ERROR", errors.id);
      if (!errors.birth.empty()) show_message(d, "BIRTH_ERROR", errors.birth);
    });
  }

  std::string masked = mask_national_id(entries.national_id);
  // The ID number's lock is decided before the match is used, so a locked ID number learns
  // nothing.
  FailureCounter per_id = check->failures;
  if (identity_locked(per_id, now)) {
    audit_request(ctx, req, "web", "apply.identity.locked", masked);
    return identity_page(ctx, *session, entries, [&](ctemplate::TemplateDictionary& d) {
      show_message(d, "MESSAGE", identity_locked_message(*per_id.locked_until, now));
    });
  }
  const auto& applicant = check->applicant;
  if (!applicant) {
    own = after_identity_failure(own, kIdentityFailuresPerSession, std::nullopt, now);
    store_session_identity_counter(*session, own);
    save_session(*session, ctx);
    per_id = store::record_identity_failure(ctx.db, *id_hmac, now);
    audit_request(ctx, req, "web", "apply.identity.failed", masked);
    std::optional<TimePoint> lock = own.locked_until ? own.locked_until : per_id.locked_until;
    return identity_page(ctx, *session, entries, [&](ctemplate::TemplateDictionary& d) {
      show_message(d, "MESSAGE",
                   lock ? identity_locked_message(*lock, now) : std::string(kNoMatch));
    });
  }
  if (applicant->has_account) {
    audit_request(ctx, req, "person:" + std::to_string(applicant->person_id),
                  "apply.identity.has_account", masked);
    return identity_page(ctx, *session, entries,
                         [&](ctemplate::TemplateDictionary& d) { d.ShowSection("HAS_ACCOUNT"); });
  }
  // A new privilege (the session now stands for a person): new session id, fresh wizard state.
  session->clear_values();
  session->failed_tries = 0;
  session->person_id = applicant->person_id;
  session->account_id.reset();
  session->auth_stage.clear();
  session->set_value(wizard::kBirthKey, entries.birth_date);
  wizard::remember_applicant(*session, *applicant);
  wizard::move_to(*session, Step::kEmail);
  rotate_and_save_session(*session, ctx);
  audit_request(ctx, req, wizard::actor(*session), "apply.identity.passed", masked);
  return http::Response::redirect(wizard::path_of(Step::kEmail));
}

}  // namespace

xueji::http::Response handle_apply_identity(const xueji::http::Request& req, xueji::Context& ctx) {
  if (req.method == "POST") return submit(req, ctx);
  Session session = current_session(req, ctx);
  Step at = wizard::current_step(session);
  // Back to step 1 in the middle of the wizard: the step the session is at is the right page.
  if (at != Step::kIdentity && at != Step::kDone) {
    return http::Response::redirect(wizard::path_of(at));
  }
  return identity_page(ctx, session, {}, nullptr);
}
