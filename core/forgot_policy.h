// forgot_policy.h: the pure rules of 忘記密碼 and 忘記帳號 (product.md §7, issue 6): which details
// identify the person, whether a mail may go out for what they matched (verified e-mail only, at
// most 3 a day per account, the address's hourly limit), and how an account name is written in a
// mail. Whatever is decided here, the person sees the same neutral answer.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/email_code.h"
#include "core/taipei_time.h"

namespace xueji {

// At most this many mails of one kind (reset codes, account names) per account in any
// kForgotMailWindow: the forms are public, so anyone who knows a teacher's ID number and birth
// date could otherwise fill that teacher's mailbox.
inline constexpr int kForgotMailsPerDay = 3;
inline constexpr Seconds kForgotMailWindow{24 * 60 * 60};
// Requests of one form a browser session may make in kEmailSendWindow (core/email_code.h): the
// same number as the wizard's code sends. Counted whether or not anything matched, so reaching it
// says nothing about any account.
inline constexpr int kForgotRequestsPerHour = kEmailSendsPerHour;

// What the person typed. 忘記密碼 takes the account name or the ID number (or both) and the birth
// date; 忘記帳號 takes the ID number and the birth date.
struct ForgotEntries {
  std::string account;      // as typed (trimmed); empty when left out
  std::string national_id;  // normalize_national_id() of what was typed
  std::string birth_date;   // as typed, yyyy-mm-dd expected
};

// Messages next to the fields, from the entries alone (no database): they say nothing about any
// person.
struct ForgotFieldErrors {
  std::string account;
  std::string national_id;
  std::string birth_date;
  bool any() const { return !account.empty() || !national_id.empty() || !birth_date.empty(); }
};

// `account_field`: the form has the 帳號 field (忘記密碼), so the ID number may be left out when
// an account name is given. `today` is the Taipei date (a birth date cannot be later).
ForgotFieldErrors check_forgot_entries(const ForgotEntries& entries, bool account_field,
                                       CivilDate today);

// Which details the lookup uses; only for entries without field errors.
enum class ForgotLookup { kByAccount, kByNationalId, kByBoth };
ForgotLookup forgot_lookup(const ForgotEntries& entries);

// What the store found for the details, read inside the transaction that may send the mail.
struct ForgotFacts {
  bool matched = false;          // an account whose person has these details
  bool email_verified = false;   // accounts.email_verified_at set (and an address present)
  int mailed_in_window = 0;      // mails of this kind to the account in kForgotMailWindow
  bool address_limited = false;  // the address had kEmailSendsPerHour codes this hour (reset only)
};

enum class ForgotOutcome {
  kMail,          // send it
  kNoMatch,       // no account has these details
  kUnverified,    // the account's e-mail was never verified: ask the school's AA instead
  kDailyCap,      // kForgotMailsPerDay already went to this account
  kAddressLimit,  // the address's hourly code limit holds
};

// Whether the mail goes out. Every outcome but kMail sends nothing and is only audit-logged.
ForgotOutcome decide_forgot_mail(const ForgotFacts& facts);

// "mailed", "no_match", "unverified", "daily_cap", "address_limit": the audit action's last part.
std::string_view forgot_outcome_name(ForgotOutcome outcome);

// The account name as a mail may carry it: any part shaped like an ID number is masked
// ("A12****789"), as legacy accounts were often named by the holder's ID number and neither a
// mail nor the outbox row holding it may contain one in clear.
std::string account_name_for_mail(std::string_view name);

// The address a 忘記密碼 code row is stored under when no mail goes out: unique to the session
// and never deliverable (its domain has no dot), so the hourly count for this address never grows
// with other people's requests and takes as long as a real address's.
std::string forgot_decoy_address(std::string_view session_hash);

}  // namespace xueji
