// login_flow.cpp: the guard of the logged-in pages and the session steps of a login.
#include "flows/login_flow.h"

#include "core/account_policy.h"
#include "core/oidc.h"
#include "core/password_policy.h"
#include "core/school_year.h"
#include "core/secret_box.h"
#include "core/totp.h"
#include "fcgi/audit.h"
#include "flows/device_trust.h"
#include "sql/counter_store.h"
#include "sql/login_page_store.h"
#include "sql/session_store.h"

namespace xueji {
namespace {

constexpr const char* kWeakPasswordKey = "weak_password";
constexpr const char* kPendingTotpKey = "totp_pending";
constexpr const char* kAuthAtKey = "auth_at";
constexpr const char* kReturnPathKey = "return_to";

bool is_login(const Session& s) {
  return s.kind == kLoginKind && s.account_id &&
         (s.auth_stage == kStagePassword || s.auth_stage == kStageFactors ||
          s.auth_stage == kStageComplete);
}

bool page_allows(RequiredAction page, RequiredAction next) {
  if (page == next) return true;
  if (page == RequiredAction::kHome) return next == RequiredAction::kNoDuty;
  if (page == RequiredAction::kRenameAccount || page == RequiredAction::kChangePassword) {
    return may_change_voluntarily(next);
  }
  return false;
}

// Everything but the duties (has_duty is left true: next_login_path() leaves that check to /home).
LoginFacts facts_before_duties(const Session& session, const store::Account& account,
                               TimePoint now) {
  LoginFacts facts;
  facts.totp_bound = account.totp_bound_at.has_value();
  facts.second_factor_passed = session.auth_stage != kStagePassword;
  facts.name_breaks_rules = account_name_breaks_rules(account);
  facts.password_must_change =
      password_must_change(account.must_change_password, account.password_changed_at, now,
                           session.value(kWeakPasswordKey) == "1");
  facts.has_duty = true;
  return facts;
}

// The first time a session reaches /home its login is complete: counted once, even when two
// requests arrive together (the store's conditional update decides).
void complete_login(const http::Request& req, Context& ctx, LoginState& state) {
  TimePoint now = ctx.clock.now();
  ctx.db.transaction([&] {
    if (!store::advance_login_stage(ctx.db, state.session.id_hash, kStageFactors, kStageComplete)) {
      return;
    }
    store::count_login(ctx.db, taipei_date(now));
    store::record_last_login(ctx.db, state.account.id, now);
    audit_request(ctx, req, account_actor(state.account), "login.completed",
                  "account:" + std::to_string(state.account.id));
  });
  state.session.auth_stage = kStageComplete;
}

// Copies where the person was going (rd=, a waiting authorization request) from one session's
// values to another's.
void carry_destination(const Session& from, Session& to) {
  for (const char* key : {kReturnPathKey, kOidcPendingKey}) {
    if (std::string value = from.value(key); !value.empty()) to.set_value(key, value);
  }
}

}  // namespace

LoginGate enter_login_page(const http::Request& req, Context& ctx, RequiredAction page) {
  LoginGate gate;
  TimePoint now = ctx.clock.now();
  // The session and its account in one query (find_session() and then the account would be two).
  auto id_hash = cookie_session_hash(req, ctx);
  std::optional<store::LoginPageRows> rows;
  if (id_hash) rows = store::find_login_page_rows(ctx.db, *id_hash, now, school_year_at(now));
  std::optional<Session> session;
  if (rows) session = adopt_live_session(rows->session, ctx);
  if (!session || !is_login(*session)) {
    // A cookie that no longer finds a live session is an idle logout; say so.
    bool expired = !session && sent_session_cookie(req, ctx);
    gate.redirect = http::Response::redirect(expired ? "/login?notice=expired" : "/login");
    return gate;
  }
  auto& found = rows->account;
  if (!found) {
    end_session(*session, ctx);
    gate.redirect = http::Response::redirect("/login");
    return gate;
  }
  LoginFacts facts = facts_before_duties(*session, found->account, now);
  facts.has_duty = found->duties.has_duty();
  RequiredAction next = next_required_action(facts);
  if (!page_allows(page, next)) {
    gate.redirect = http::Response::redirect(path_of(next));
    return gate;
  }
  gate.state = LoginState{*session, std::move(found->account), next, std::move(found->duties)};
  if (page == RequiredAction::kHome && session->auth_stage == kStageFactors) {
    complete_login(req, ctx, *gate.state);
  }
  return gate;
}

std::optional<LoginState> find_complete_login(const http::Request& req, Context& ctx) {
  TimePoint now = ctx.clock.now();
  auto id_hash = cookie_session_hash(req, ctx);
  if (!id_hash) return std::nullopt;
  auto rows = store::find_login_page_rows(ctx.db, *id_hash, now, school_year_at(now));
  if (!rows || !rows->account) return std::nullopt;
  Session session = adopt_live_session(rows->session, ctx);
  if (!is_login(session) || session.auth_stage != kStageComplete) return std::nullopt;
  LoginFacts facts = facts_before_duties(session, rows->account->account, now);
  facts.has_duty = rows->account->duties.has_duty();
  RequiredAction next = next_required_action(facts);
  if (next != RequiredAction::kHome && next != RequiredAction::kNoDuty) return std::nullopt;
  return LoginState{std::move(session), std::move(rows->account->account), next,
                    std::move(rows->account->duties)};
}

TimePoint login_auth_time(const Session& session) {
  std::string text = session.value(kAuthAtKey);
  long long seconds = 0;
  for (char c : text) {
    if (c < '0' || c > '9' || seconds > 100000000000LL) return TimePoint{};
    seconds = seconds * 10 + (c - '0');
  }
  return TimePoint{std::chrono::seconds(seconds)};
}

void remember_return_path(Session& session, std::string_view path, Context& ctx) {
  if (!oidc::safe_local_path(path) || session.value(kReturnPathKey) == path) return;
  session.set_value(kReturnPathKey, path);
  save_session(session, ctx);
}

std::string take_return_path(Session& session, Context& ctx) {
  std::string path = take_session_value(session, kReturnPathKey, ctx);
  return oidc::safe_local_path(path) ? path : std::string();
}

std::string next_login_path(const Session& session, const store::Account& account, Context& ctx) {
  return std::string(
      path_of(next_required_action(facts_before_duties(session, account, ctx.clock.now()))));
}

void start_login(Session& session, const store::Account& account, bool weak_password,
                 Context& ctx) {
  session.kind = kLoginKind;
  session.account_id = account.id;
  session.person_id = account.person_id;
  session.auth_stage = account.totp_bound_at ? kStagePassword : kStageFactors;
  session.wizard_step.clear();
  session.failed_tries = 0;
  // Where the person was going (rd=, a waiting authorization request) survives the login.
  Session before = session;
  session.clear_values();
  carry_destination(before, session);
  session.set_value(kAuthAtKey, std::to_string(std::chrono::duration_cast<std::chrono::seconds>(
                                                   ctx.clock.now().time_since_epoch())
                                                   .count()));
  if (weak_password) session.set_value(kWeakPasswordKey, "1");
  rotate_and_save_session(session, ctx);
}

void pass_second_factor(const http::Request& req, Session& session, const store::Account& account,
                        Context& ctx) {
  session.auth_stage = kStageFactors;
  session.failed_tries = 0;
  session.set_value(kPendingTotpKey, "");
  rotate_and_save_session(session, ctx);
  trust_device(req, account, ctx);
}

bool count_wrong_bind_code(Session& session, Context& ctx) {
  ++session.failed_tries;
  if (session.failed_tries >= kMaxBindTries) {
    end_session(session, ctx);
    return true;
  }
  save_session(session, ctx);
  return false;
}

http::Response end_login(const Session& session, Context& ctx, std::string_view notice,
                         bool all_sessions) {
  if (all_sessions && session.account_id) {
    store::delete_account_sessions(ctx.db, *session.account_id, session.id_hash);
  }
  end_session(session, ctx);
  return http::Response::redirect("/login?notice=" + std::string(notice));
}

http::Response end_login_keeping_destination(const Session& session, Context& ctx,
                                             std::string_view notice) {
  http::Response r = end_login(session, ctx, notice, true);
  if (session.value(kReturnPathKey).empty() && session.value(kOidcPendingKey).empty()) return r;
  Session next = start_session(ctx);
  carry_destination(session, next);
  save_session(next, ctx);
  return r;
}

std::vector<std::string> password_rule_problems(std::string_view password,
                                                const store::Account& account,
                                                std::string_view login_name, Context& ctx) {
  return password_problems(password, {std::string(login_name), "", account.birth_date,
                                      ctx.config.secret, account.id_hmac});
}

bool account_name_breaks_rules(const store::Account& account) {
  // The holder's own number is not known in clear here; any number-shaped part is refused by
  // the rules anyway, which covers it.
  AccountRuleContext rules;
  rules.birth_date = account.birth_date;
  return account.must_change_name || !account_name_problems(account.login_name, rules).empty();
}

std::string pending_totp_secret(Session& session, Context& ctx) {
  std::string key = totp_box_key(ctx.config.secret);
  std::string context = "pending-totp:" + std::to_string(session.account_id.value_or(0));
  if (auto box = totp::base32_decode(session.value(kPendingTotpKey)); box && !box->empty()) {
    auto secret = open_secret(key, *box, context);
    if (secret && secret->size() == totp::kSecretBytes) return *secret;
  }
  std::string secret = ctx.random.bytes(totp::kSecretBytes);
  session.set_value(kPendingTotpKey,
                    totp::base32_encode(seal_secret(key, secret, context, ctx.random)));
  save_session(session, ctx);
  return secret;
}

std::string account_totp_context(const store::Account& account) {
  return "account-totp:" + std::to_string(account.id);
}

std::string account_actor(const store::Account& account) {
  return "account:" + std::to_string(account.id);
}

}  // namespace xueji
