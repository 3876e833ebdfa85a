// forgot_store.h: the SQL of 忘記密碼 and 忘記帳號 — finding the account that typed details
// identify, the forgot_requests rows behind the session's hourly limit and each account's daily
// mail cap, whose account a reset code was sent for, and retiring an account's other reset codes
// once its password is reset. The codes themselves live in email_codes (sql/email_code_store.h)
// under kResetCodePurpose; the password change is account_store's change_password().
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "core/email_code.h"
#include "core/taipei_time.h"
#include "sql/db.h"

namespace xueji::store {

inline const std::string kResetCodePurpose = "reset";
// forgot_requests.kind
inline const std::string kForgotResetKind = "reset";
inline const std::string kForgotAccountKind = "account";

// The account that typed details found, with what the forms need to decide and to write the mail.
struct ForgotAccount {
  std::int64_t id = 0;
  std::string login_name;
  std::string email;            // "" when the account has none
  bool email_verified = false;  // email_verified_at set and an address present
  std::string display_name;     // the person's first staff record's name ("" when none)
};

// The account of the person with this ID number (its HMAC) and birth date. The birth date may be
// the person's or that of any of their staff records.
std::optional<ForgotAccount> match_forgot_by_id(Db& db, const std::string& id_hmac,
                                                CivilDate birth_date);
// The account with this login key (account_login_key of the typed name) whose person has this
// birth date.
std::optional<ForgotAccount> match_forgot_by_name(Db& db, const std::string& login_key,
                                                  CivilDate birth_date);
// Both the login key and the ID number must name the same account.
std::optional<ForgotAccount> match_forgot_by_both(Db& db, const std::string& login_key,
                                                  const std::string& id_hmac, CivilDate birth_date);
// By id (the account a resend is for); 0 finds nothing but costs the same.
std::optional<ForgotAccount> find_forgot_account(Db& db, std::int64_t account_id);

// Holds the account's row until the transaction ends, so two requests for one account (from
// different sessions) count its daily mails one after the other. 0 locks nothing. Call inside
// db.transaction().
void lock_forgot_account(Db& db, std::int64_t account_id);

// Mails of `kind` that went to the account after `since`.
int mailed_forgot_requests(Db& db, std::int64_t account_id, const std::string& kind,
                           TimePoint since);

// The session's requests of `kind` after `since`, as the send limits of core/email_code.h read
// them (the session fields only).
SendHistory forgot_session_history(Db& db, const std::string& session_hash, const std::string& kind,
                                   TimePoint since);

struct ForgotRequest {
  std::string kind;
  std::string session_hash;                // 32 raw bytes
  std::optional<std::int64_t> account_id;  // the account the details matched
  std::optional<std::int64_t> code_id;     // the email_codes row of a reset request
  bool mailed = false;
};
void insert_forgot_request(Db& db, const ForgotRequest& request, TimePoint now);

// The request that made reset code `code_id`: whose account it is for (none for a code no mail
// carried), or nullopt when the code was not made by 忘記密碼.
std::optional<ForgotRequest> request_of_reset_code(Db& db, std::int64_t code_id);

// Takes back a mail queued by queue_mail() earlier in the same transaction (so it is never seen
// by the mailer). A request that sends nothing queues and withdraws a mail of the same size, and
// so does the same database work as one that sends: both answers take as long. Call inside
// db.transaction().
void withdraw_queued_mail(Db& db, std::int64_t outbox_id);

// Deletes the session that made the reset, with its captchas, inside the reset's transaction (so
// a second submit of the same code finds it gone). store::delete_session() opens a transaction
// of its own, which would commit the reset's half-way. Call inside db.transaction().
void delete_reset_session(Db& db, const std::string& session_hash);

// Marks every live reset code mailed for the account superseded (after its password was reset,
// a code in another browser must not reset it again). Call inside db.transaction().
int retire_account_reset_codes(Db& db, std::int64_t account_id);

}  // namespace xueji::store
