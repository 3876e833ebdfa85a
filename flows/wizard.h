// wizard.h: what every page of the application wizard (manual 四) shares: its steps and the page
// of each, the guard that sends a visitor to the step their session is at, the step bar, the
// applicant's greeting and read-only fields, and the page of a wizard left idle for 30 minutes.
#pragma once
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include <ctemplate/template.h>

#include "fcgi/context.h"
#include "fcgi/http.h"
#include "fcgi/session.h"
#include "sql/application_store.h"

namespace xueji::wizard {

// Where a session stands. The session row keeps it in wizard_step ("", "email", "verify",
// "account", "done") with kind "wizard" once 身分驗證 has passed.
enum class Step { kIdentity, kEmail, kVerify, kAccount, kDone };

Step current_step(const Session& session);
std::string_view path_of(Step step);  // "/apply/identity", ...
void move_to(Session& session, Step step);

// Keys of the session's small values during the wizard.
inline constexpr std::string_view kBirthKey = "birth";          // verified birth date, yyyy-mm-dd
inline constexpr std::string_view kEmailKey = "email";          // the address the code went to
inline constexpr std::string_view kFlashKey = "flash";          // a notice for the next page
inline constexpr std::string_view kIdentityLockKey = "idlock";  // Unix seconds: tries refused until
// What the pages show of the applicant, copied when 身分驗證 passed (see shown_applicant).
inline constexpr std::string_view kNameKey = "name";
inline constexpr std::string_view kMaskedIdKey = "idm";
inline constexpr std::string_view kPhoneKey = "phone";

// The session for a page serving the steps in `allowed`, or (session empty) the answer to give
// instead: the expiry page when the browser's session cookie names no live session, otherwise a
// 303 to the page of the step the session is at (/apply/identity for one not in a wizard). So a
// step cannot be skipped or replayed, and the back button lands on the right page.
struct Entry {
  std::optional<Session> session;
  http::Response response;
};
Entry enter(const http::Request& req, Context& ctx, std::initializer_list<Step> allowed);
// enter() for a session the page has already looked up (nullopt: none live), e.g. together with
// more rows in one query.
Entry admit(const http::Request& req, Context& ctx, std::optional<Session> session,
            std::initializer_list<Step> allowed);

// The person the session is applying for, or nullopt when their staff record is gone: read
// from the records, for the decisions of 帳號申請.
std::optional<store::Applicant> applicant_of(const Session& session, Context& ctx);
// Copies what the pages show of the applicant into the session (saved with it).
void remember_applicant(Session& session, const store::Applicant& applicant);
// What the pages show: the copy, so viewing a step costs no staff lookup. Only the display
// fields are set (no id_hmac, has_account false). A session without the copy, begun before an
// upgrade, is served from the records.
std::optional<store::Applicant> shown_applicant(const Session& session, Context& ctx);

// The step bar (include STEPS in the page template) with `current` highlighted.
void add_step_bar(ctemplate::TemplateDictionary& body, Step current);
// NAME, ID_MASKED, BIRTH_DATE and EMAIL for the greeting and the read-only fields.
void fill_applicant(ctemplate::TemplateDictionary& body, const store::Applicant& applicant,
                    const Session& session);

// 「閒置超過 30 分鐘」: the wizard's session has ended; a link starts again.
http::Response expired_page(Context& ctx);

// The audit actor: "person:<id>" once the identity is known, "web" before.
std::string actor(const Session& session);

// Unix seconds, for the countdown attributes of xueji.js.
long long unix_seconds(TimePoint t);

}  // namespace xueji::wizard
