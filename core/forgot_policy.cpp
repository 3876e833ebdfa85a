// forgot_policy.cpp: field checks, the mail decision and the mail's account name for the forgot
// forms.
#include "core/forgot_policy.h"

#include "core/crypto.h"
#include "core/identity_fields.h"
#include "core/national_id.h"

namespace xueji {

ForgotFieldErrors check_forgot_entries(const ForgotEntries& entries, bool account_field,
                                       CivilDate today) {
  ForgotFieldErrors e;
  if (!entries.national_id.empty()) {
    e.national_id = national_id_field_error(entries.national_id);
  } else if (!account_field) {
    e.national_id = national_id_field_error("");
  } else if (entries.account.empty()) {
    e.national_id = "請輸入帳號或身分證/外籍人士統一證號（至少擇一填寫）。";
  }
  e.birth_date = birth_date_field_error(entries.birth_date, today);
  return e;
}

ForgotLookup forgot_lookup(const ForgotEntries& entries) {
  if (entries.account.empty()) return ForgotLookup::kByNationalId;
  if (entries.national_id.empty()) return ForgotLookup::kByAccount;
  return ForgotLookup::kByBoth;
}

ForgotOutcome decide_forgot_mail(const ForgotFacts& facts) {
  if (!facts.matched) return ForgotOutcome::kNoMatch;
  if (!facts.email_verified) return ForgotOutcome::kUnverified;
  if (facts.mailed_in_window >= kForgotMailsPerDay) return ForgotOutcome::kDailyCap;
  if (facts.address_limited) return ForgotOutcome::kAddressLimit;
  return ForgotOutcome::kMail;
}

std::string_view forgot_outcome_name(ForgotOutcome outcome) {
  switch (outcome) {
    case ForgotOutcome::kMail:
      return "mailed";
    case ForgotOutcome::kNoMatch:
      return "no_match";
    case ForgotOutcome::kUnverified:
      return "unverified";
    case ForgotOutcome::kDailyCap:
      return "daily_cap";
    case ForgotOutcome::kAddressLimit:
      return "address_limit";
  }
  return "unknown";
}

std::string account_name_for_mail(std::string_view name) {
  constexpr std::size_t kIdLength = 10;
  std::string out(name);
  for (std::size_t i = 0; i + kIdLength <= out.size(); ++i) {
    std::string window = normalize_national_id(std::string_view(out).substr(i, kIdLength));
    if (window.size() == kIdLength && contains_any_national_id(window)) {
      out.replace(i, kIdLength, mask_national_id(window));
      i += kIdLength - 1;  // the masked part cannot start another number
    }
  }
  return out;
}

std::string forgot_decoy_address(std::string_view session_hash) {
  return "no-match@" + crypto::to_hex(session_hash.substr(0, 8));
}

}  // namespace xueji
