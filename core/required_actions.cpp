// required_actions.cpp: the order of the steps after a right password (see required_actions.h).
#include "core/required_actions.h"

#include "core/password_policy.h"

namespace xueji {

RequiredAction next_required_action(const LoginFacts& facts) {
  // The second factor comes first: until it is answered the person is not known to be the
  // holder, so no page may show or change anything of the account.
  if (facts.totp_bound && !facts.second_factor_passed) return RequiredAction::kTotpChallenge;
  if (facts.name_breaks_rules) return RequiredAction::kRenameAccount;
  if (facts.password_must_change) return RequiredAction::kChangePassword;
  if (!facts.totp_bound) return RequiredAction::kBindTotp;
  if (!facts.has_duty) return RequiredAction::kNoDuty;
  return RequiredAction::kHome;
}

bool password_must_change(bool flagged, TimePoint changed_at, TimePoint now,
                          bool breaks_rules_at_login) {
  return flagged || breaks_rules_at_login || password_expired(changed_at, now);
}

std::string_view path_of(RequiredAction action) {
  switch (action) {
    case RequiredAction::kTotpChallenge: return "/2fa";
    case RequiredAction::kRenameAccount: return "/account/change";
    case RequiredAction::kChangePassword: return "/password/change";
    case RequiredAction::kBindTotp: return "/2fa/bind";
    case RequiredAction::kNoDuty:
    case RequiredAction::kHome: return "/home";
  }
  return "/home";
}

bool may_change_voluntarily(RequiredAction next) { return next == RequiredAction::kHome; }

std::string_view action_name(RequiredAction action) {
  switch (action) {
    case RequiredAction::kTotpChallenge: return "totp_challenge";
    case RequiredAction::kRenameAccount: return "rename_account";
    case RequiredAction::kChangePassword: return "change_password";
    case RequiredAction::kBindTotp: return "bind_totp";
    case RequiredAction::kNoDuty: return "no_duty";
    case RequiredAction::kHome: return "home";
  }
  return "home";
}

}  // namespace xueji
