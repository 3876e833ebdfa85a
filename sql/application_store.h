// application_store.h: the SQL of the application wizard — who may apply (a person with a staff
// record of that birth date), counting failed identity matches per ID number, and creating the
// account with its first password-history row and its success mail in one transaction.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "core/identity_lockout.h"
#include "core/taipei_time.h"
#include "sql/db.h"
#include "sql/outbox_store.h"
#include "sql/session_store.h"

namespace xueji::store {

// A person who may apply, as the wizard pages show them.
struct Applicant {
  std::int64_t person_id = 0;
  std::string id_hmac;    // 32 raw bytes
  std::string id_masked;  // "A12****789"
  CivilDate birth_date;
  std::string name;                  // of the person's newest staff record
  std::optional<std::string> phone;  // likewise
  // A 個人業務帳號: an account whose name is not an ID number. An account named by an ID number
  // (core/account_policy.h is_id_number_account) is no such account: its holder applies like
  // anyone without one, and the new account retires it.
  bool has_account = false;
  std::optional<std::int64_t> id_number_account;
};

// What a 身分驗證 submission needs, read in one query (a statement costs ~0.2 ms of CPU here, far
// more than the joins that replace two of them): the visitor's live session, the person whose ID
// number hashes to `id_hmac` and who has a staff record (any school) of that birth date, and the
// ID number's failure counter. The person is nullopt when either part does not match, without
// saying which; the counter is zero when the ID number has no failure row.
struct IdentityCheck {
  std::optional<SessionRow> session;
  std::optional<Applicant> applicant;
  FailureCounter failures;
};
IdentityCheck read_identity_check(Db& db, const std::string& session_hash, TimePoint now,
                                  const std::string& id_hmac, CivilDate birth_date);
// The person of a wizard session, for the later pages (nullopt when it has no staff record).
std::optional<Applicant> find_applicant(Db& db, std::int64_t person_id);

// Counts one more failed match at `now` under the row's lock and returns the counter after it.
FailureCounter record_identity_failure(Db& db, const std::string& id_hmac, TimePoint now);

// True when an account already has this login key (account_login_key of the name).
bool login_key_in_use(Db& db, const std::string& login_key);

struct NewAccount {
  std::int64_t person_id = 0;
  std::string login_name;
  std::string login_key;
  std::string password_hash;  // PHC string
  std::string email;          // verified in this wizard
  std::optional<std::string> phone;
  std::optional<std::int64_t> retire_account;  // the holder's ID-number account, deleted
};

enum class CreateAccountResult { kCreated, kPersonHasAccount, kNameTaken };

struct CreatedAccount {
  CreateAccountResult result = CreateAccountResult::kCreated;
  std::int64_t account_id = 0;
};

// One transaction: the account (password changed and e-mail verified at `now`), its first
// password-history row, the success mail, and whatever `also(account_id)` writes (the session's
// step, the audit row). The ID-number account named by retire_account goes in the same
// transaction, with every row that names it: sessions, password history, one-time links, the
// helpdesk role, OIDC codes and tokens (its 忘記密碼 requests stay but forget it). A
// duplicate person or login key (error 1062: a double submit, or someone
// quicker with the name) rolls it all back, so no account and no mail: the result says which.
CreatedAccount create_applied_account(Db& db, const NewAccount& account, const OutgoingMail& mail,
                                      TimePoint now, const std::function<void(std::int64_t)>& also);

}  // namespace xueji::store
