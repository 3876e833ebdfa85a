// login_flow.h: the login session after a right password — which page it may reach next
// (product.md §6, core/required_actions.h), the guard every logged-in page calls, and the
// session changes at each step (stage, id rotation, wrong-code counter, logout).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/required_actions.h"
#include "fcgi/context.h"
#include "fcgi/http.h"
#include "fcgi/session.h"
#include "sql/account_store.h"

namespace xueji {

// sessions.kind of a login, and its auth_stage values in order.
inline constexpr const char* kLoginKind = "login";
inline constexpr const char* kStagePassword = "password";  // right password; TOTP still asked
inline constexpr const char* kStageFactors = "factors";    // password and TOTP (when bound) passed
inline constexpr const char* kStageComplete = "complete";  // reached /home; counted as a login

// Wrong codes a session may send while binding an authenticator (its own counter,
// sessions.failed_tries). The key is on the page, so this is no guessing; the codes of a bound
// account are counted per account instead (core/lockout.h kMaxWrongCodes, handlers/twofa.cpp).
inline constexpr int kMaxBindTries = 5;
// Said (and not counted) when what was typed is not 6 digits at all.
inline constexpr const char* kOtpFormatMessage = "請輸入驗證器 App 顯示的 6 位數字驗證碼。";

struct LoginState {
  Session session;
  store::Account account;
  RequiredAction next = RequiredAction::kHome;
  store::PersonDuties duties;  // filled once the forced steps are done (kNoDuty / kHome)
};

// What a logged-in page gets from the guard: the state when the session may see `page`,
// otherwise the response to send instead (303 to /login or to the page of the next step).
struct LoginGate {
  std::optional<LoginState> state;
  http::Response redirect;
};

// The guard. `page` is the step the handler serves: kTotpChallenge (/2fa), kRenameAccount
// (/account/change, also voluntary from home), kChangePassword (/password/change, also
// voluntary), kBindTotp (/2fa/bind and /2fa/qr) or kHome (/home, which shows the no-duty
// sentence for kNoDuty). Reaching /home for the first time completes and counts the login.
LoginGate enter_login_page(const http::Request& req, Context& ctx, RequiredAction page);

// Where a login session goes next, judged without the duties (their check is /home's): the page
// of the next forced step, or "/home".
std::string next_login_path(const Session& session, const store::Account& account, Context& ctx);

// After the right password: the session becomes a login of `account` at the first stage, with
// a new id (no fixation) and a fresh CSRF token. `weak_password`: the typed password breaks
// today's rules, so a change is forced.
void start_login(Session& session, const store::Account& account, bool weak_password, Context& ctx);
// After the second factor (the TOTP challenge or the binding): next stage, new session id, and
// the browser becomes a trusted device of the account (flows/device_trust.h).
void pass_second_factor(const http::Request& req, Session& session, const store::Account& account,
                        Context& ctx);
// Counts one wrong code while binding; true when that was the last allowed and the session is
// now ended.
bool count_wrong_bind_code(Session& session, Context& ctx);
// Ends the session (and, with all_sessions, every other session of the account) and sends the
// person to the login page with a notice key of handlers/login.cpp.
http::Response end_login(const Session& session, Context& ctx, std::string_view notice,
                         bool all_sessions = false);
// end_login() with every session of the account, for a login that must start again after a
// forced rename or password change: where the person was going (rd=, a waiting authorization
// request) moves to a new anonymous session, so the next login still ends there.
http::Response end_login_keeping_destination(const Session& session, Context& ctx,
                                             std::string_view notice);

// Single sign-on (issue 17). The session of a complete login that may use applications, without
// any side effect but the idle expiry: nullopt for no session, a login still under way, or one
// with a forced step pending. `next` is kHome, or kNoDuty for a person without duties this year
// (who gets the no-duty page, never a code or a 200 from /auth).
std::optional<LoginState> find_complete_login(const http::Request& req, Context& ctx);
// When the password of this login was checked (the OIDC auth_time); the epoch when unknown.
TimePoint login_auth_time(const Session& session);
// Where the complete login goes instead of /home: a same-site path (core/oidc.h
// safe_local_path), from /login?rd= or /oidc/authorize. Kept across the login's steps.
void remember_return_path(Session& session, std::string_view path, Context& ctx);
// The remembered path, cleared (saved only when there was one); "" when none.
std::string take_return_path(Session& session, Context& ctx);
// The session value naming the pending authorization request (flows/oidc.h); kept across the
// login's steps like the return path.
inline constexpr const char* kOidcPendingKey = "oidc_pending";

// The password rules of today a password breaks for this account (login_name: the name it will
// be used with). The holder's ID number is never stored in clear: it is found by its HMAC.
std::vector<std::string> password_rule_problems(std::string_view password,
                                                const store::Account& account,
                                                std::string_view login_name, Context& ctx);
// Whether the account name breaks today's account rules (legacy names).
bool account_name_breaks_rules(const store::Account& account);

// The TOTP key being bound, kept sealed in the session between the bind page, its QR code and
// the confirming POST; made on first use.
std::string pending_totp_secret(Session& session, Context& ctx);

// What the account's sealed TOTP key is bound to, so it opens for no other account.
std::string account_totp_context(const store::Account& account);

// The audit actor of a logged-in person: "account:42".
std::string account_actor(const store::Account& account);

}  // namespace xueji
