// email_code_store.h: the SQL of the email_codes table — codes sent to an address for a session
// and purpose (the wizard's "apply"), kept only as an HMAC. A code is consumed at most once:
// every state change is one UPDATE guarded by state = 'live'.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/email_code.h"
#include "sql/db.h"

namespace xueji::store {

inline const std::string kApplyCodePurpose = "apply";

struct EmailCodeRow {
  std::int64_t id = 0;
  std::string address;
  std::string prefix;
  std::string code_hmac;  // 32 raw bytes
  TimePoint sent_at;
  TimePoint expires_at;
  int tries = 0;
  std::string state;  // live, used, superseded, dead
};

// For a query that reads codes with more (sql/code_page_store.cpp): a row of email_codes
// selected with the columns id, address, prefix, code_hex (HEX of code_hmac), sent_at,
// expires_at, tries and state; and the order "newest" means (sent_at, then id).
EmailCodeRow read_code(sql::ResultSet& rs);
bool is_newer(const EmailCodeRow& a, const EmailCodeRow& b);

// The newest code of the session for the purpose, whatever its state.
std::optional<EmailCodeRow> newest_email_code(Db& db, const std::string& session_hash,
                                              const std::string& purpose);
// The session's other codes sent after `since`, newest first: to recognise an old mail's code.
std::vector<EmailCodeRow> earlier_email_codes(Db& db, const std::string& session_hash,
                                              const std::string& purpose, std::int64_t newest_id,
                                              TimePoint since);

// The sends that limit another one (core/email_code.h decide_send), counted after `since`: the
// session's for this purpose, and the address's for any purpose.
SendHistory email_send_history(Db& db, const std::string& session_hash, const std::string& purpose,
                               const std::string& address, TimePoint since);

// Holds the session's row until the transaction ends, so two sends of one session (a double
// click on 重新發送) are decided one after the other. Call inside db.transaction().
void lock_session_row(Db& db, const std::string& session_hash);

// Marks every live code of the session and purpose superseded and stores the new one as live.
// Call inside db.transaction(), with the mail that carries the code.
std::int64_t replace_email_code(Db& db, const std::string& session_hash, const std::string& purpose,
                                const std::string& address, const std::string& prefix,
                                const std::string& code_hmac, TimePoint now, TimePoint expires_at);

// Turns the live, unexpired code `id` into used. True for exactly one caller, however many submit
// it at the same moment.
bool consume_email_code(Db& db, std::int64_t id, TimePoint now);

struct WrongTry {
  bool counted = false;  // false: the code was no longer live
  bool killed = false;   // this try used up the last one: the code is dead
};
// Counts a wrong try on the live code `id`, killing it at kEmailCodeMaxTries.
WrongTry count_wrong_email_code(Db& db, std::int64_t id);

}  // namespace xueji::store
