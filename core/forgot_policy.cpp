// forgot_policy.cpp: field checks, the mail decision and the mail's account name for the forgot
// forms.
#include "core/forgot_policy.h"

#include "core/crypto.h"
#include "core/national_id.h"

namespace xueji {

ForgotFieldErrors check_forgot_entries(const ForgotEntries& entries, bool account_field,
                                       CivilDate today) {
  ForgotFieldErrors e;
  if (entries.national_id.empty()) {
    if (!account_field) {
      e.national_id = "請輸入身分證/外籍人士統一證號。";
    } else if (entries.account.empty()) {
      e.national_id = "請輸入帳號或身分證/外籍人士統一證號（至少擇一填寫）。";
    }
  } else if (!is_valid_national_id(entries.national_id)) {
    e.national_id = "身分證/外籍人士統一證號格式不正確，請確認後重新輸入（例如 A123456789）。";
  }
  auto birth = parse_iso_date(entries.birth_date);
  if (entries.birth_date.empty()) {
    e.birth_date = "請輸入出生年月日。";
  } else if (!birth) {
    e.birth_date =
        "出生年月日格式不正確，請依 yyyy-mm-dd 格式輸入實際存在的日期（例如 1986-01-02）。";
  } else if (*birth > today) {
    e.birth_date = "出生年月日不可晚於今天，請確認後重新輸入。";
  }
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
