// required_actions.h: what a person must do after the password is right, in the order of
// product.md §6 (manual 三): second factor → 修改帳號 → 修改密碼 → 雙因子綁定 → duty check → home.
// Pure: the caller gathers the facts from the account, the session and the duties.
#pragma once
#include <optional>
#include <string_view>

#include "core/clock.h"

namespace xueji {

enum class RequiredAction {
  kTotpChallenge,   // /2fa: the 6-digit code, when TOTP is bound
  kRenameAccount,   // /account/change: the name breaks the account rules
  kChangePassword,  // /password/change: expired, breaks the rules, or reset by an admin
  kBindTotp,        // /2fa/bind: no TOTP yet; nothing else is reachable until bound
  kNoDuty,          // /home shows the manual's "no duty" sentence and nothing else
  kHome,            // /home: every check passed
};

struct LoginFacts {
  bool totp_bound = false;
  bool second_factor_passed = false;  // this session answered the TOTP challenge
  bool name_breaks_rules = false;     // account_name_problems() not empty, or flagged by an admin
  bool password_must_change = false;  // see password_must_change()
  bool has_duty = false;              // at least one duty in the active school year
};

RequiredAction next_required_action(const LoginFacts& facts);

// Whether the password has to be changed before anything else: flagged (admin reset), older than
// 90 days, or it broke the password rules when it was typed at this login.
bool password_must_change(bool flagged, TimePoint changed_at, TimePoint now,
                          bool breaks_rules_at_login);

// The page that handles the action ("/home" for both kNoDuty and kHome).
std::string_view path_of(RequiredAction action);

// The voluntary 修改帳號 / 修改密碼 of the home page are open only to a fully logged-in person
// with a duty; during a forced step only that step's page is.
bool may_change_voluntarily(RequiredAction next);

// A log-friendly name ("totp_challenge", …) for audit rows and tests.
std::string_view action_name(RequiredAction action);

}  // namespace xueji
