// purge_test.cpp: `xueji-ctl purge` against the test stack's database. Rows of every kind it
// deletes are written with SQL, made expired or still needed by their timestamps (moved in the
// database, never by waiting); one run must delete exactly the expired ones, more than one batch
// of them, say how many of each kind went, and write its audit row.
#include <cppunit/extensions/HelperMacros.h>
#include <unistd.h>

#include <random>
#include <regex>
#include <string>

#include "tests/integration/support/cli_runner.h"
#include "tests/integration/support/stack.h"

using namespace xueji::testing;

namespace {

// Keys unique to this run, so the test can run again on the same database and never touches
// another suite's rows.
const std::string& run_tag() {
  static const std::string tag = [] {
    std::random_device device;
    return "purge" + std::to_string(device() % 1'000'000'000);
  }();
  return tag;
}

// A 32-byte key (session hash, ID-number HMAC) named for the test.
std::string key(const std::string& name) {
  return "UNHEX(SHA2('" + run_tag() + "-" + name + "', 256))";
}

std::string address(const std::string& name) { return run_tag() + "-" + name + "@example.invalid"; }

// UTC_TIMESTAMP(6) moved by an SQL interval, e.g. ago("25 HOUR").
std::string ago(const std::string& interval) { return "UTC_TIMESTAMP(6) - INTERVAL " + interval; }
std::string ahead(const std::string& interval) { return "UTC_TIMESTAMP(6) + INTERVAL " + interval; }

int count(const std::string& statement) { return std::stoi(trimmed(sql(statement))); }

bool session_exists(const std::string& name) {
  return count("SELECT COUNT(*) FROM sessions WHERE id_hash = " + key(name)) == 1;
}
bool captcha_exists(const std::string& session, const std::string& form) {
  return count("SELECT COUNT(*) FROM captchas WHERE session_hash = " + key(session) +
               " AND form = '" + form + "'") == 1;
}
bool email_code_exists(const std::string& name) {
  return count("SELECT COUNT(*) FROM email_codes WHERE address = '" + address(name) + "'") == 1;
}
bool identity_failure_exists(const std::string& name) {
  return count("SELECT COUNT(*) FROM identity_failures WHERE id_hmac = " + key(name)) == 1;
}
bool attempt_counter_exists(const std::string& name) {
  return count("SELECT COUNT(*) FROM attempt_counters WHERE counter_key = " + key(name)) == 1;
}
void insert_attempt_counter(const std::string& name, const std::string& window_start,
                            const std::string& locked_until) {
  sql("INSERT INTO attempt_counters (counter_key, attempts, window_start, locked_until) VALUES (" +
      key(name) + ", 3, " + window_start + ", " + locked_until + ")");
}
bool forgot_request_exists(const std::string& session) {
  return count("SELECT COUNT(*) FROM forgot_requests WHERE session_hash = " + key(session)) == 1;
}

void insert_session(const std::string& name, const std::string& expires_at) {
  sql("INSERT INTO sessions (id_hash, kind, csrf_token, created_at, last_seen_at, expires_at) "
      "VALUES (" +
      key(name) + ", 'anonymous', 'csrf', " + ago("2 HOUR") + ", " + ago("2 HOUR") + ", " +
      expires_at + ")");
}

void insert_captcha(const std::string& session, const std::string& form,
                    const std::string& expires_at) {
  sql("INSERT INTO captchas (session_hash, form, answer_hmac, expires_at) VALUES (" + key(session) +
      ", '" + form + "', " + key("answer") + ", " + expires_at + ")");
}

void insert_email_code(const std::string& name, const std::string& purpose,
                       const std::string& sent_at) {
  sql("INSERT INTO email_codes (session_hash, purpose, address, prefix, code_hmac, sent_at, "
      "expires_at, tries, state) VALUES (" +
      key(name) + ", '" + purpose + "', '" + address(name) + "', 'AB', " + key("code") + ", " +
      sent_at + ", " + sent_at + " + INTERVAL 5 MINUTE, 0, 'used')");
}

void insert_identity_failure(const std::string& name, const std::string& updated_at,
                             const std::string& locked_until) {
  sql("INSERT INTO identity_failures (id_hmac, failures, window_start, locked_until, updated_at) "
      "VALUES (" +
      key(name) + ", 3, " + updated_at + ", " + locked_until + ", " + updated_at + ")");
}

// A forgot request of `session`; with a code, the e-mail code row of that name (a 忘記密碼
// request).
void insert_forgot_request(const std::string& session, const std::string& requested_at,
                           const std::string& code = "") {
  std::string code_id =
      code.empty() ? "NULL"
                   : "(SELECT id FROM email_codes WHERE address = '" + address(code) + "')";
  sql("INSERT INTO forgot_requests (kind, session_hash, account_id, code_id, mailed, "
      "requested_at) VALUES ('" +
      std::string(code.empty() ? "account" : "reset") + "', " + key(session) + ", NULL, " +
      code_id + ", 0, " + requested_at + ")");
}

// A single sign-on row of `table` (oidc_pending, oidc_codes or oidc_tokens) named `name`,
// expiring at `expires_at` (SQL).
void insert_oidc_row(const std::string& table, const std::string& name,
                     const std::string& expires_at) {
  if (table == "oidc_pending") {
    sql("INSERT INTO oidc_pending (id_hash, client_id, redirect_uri, scope, state, nonce, "
        "code_challenge, expires_at) VALUES (" + key(name) + ", 'c', 'https://a/cb', 'openid', "
        "'s', 'n', 'x', " + expires_at + ")");
  } else if (table == "oidc_codes") {
    sql("INSERT INTO oidc_codes (code_hash, client_id, redirect_uri, account_id, scope, nonce, "
        "code_challenge, auth_time, expires_at) VALUES (" + key(name) + ", 'c', 'https://a/cb', "
        "1, 'openid', 'n', 'x', " + ago("2 HOUR") + ", " + expires_at + ")");
  } else {
    sql("INSERT INTO oidc_tokens (token_hash, code_hash, client_id, account_id, scope, "
        "expires_at) VALUES (" + key(name) + ", " + key(name + "-code") + ", 'c', 1, 'openid', " +
        expires_at + ")");
  }
}
bool oidc_row_exists(const std::string& table, const std::string& name) {
  std::string column = table == "oidc_pending" ? "id_hash"
                       : table == "oidc_codes" ? "code_hash"
                                               : "token_hash";
  return count("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = " + key(name)) == 1;
}

// The number the command printed after `label` ("工作階段 3 筆"); -1 when it is missing.
long long printed_count(const std::string& out, const std::string& label) {
  std::smatch m;
  if (!std::regex_search(out, m, std::regex(label + " ([0-9]+) 筆"))) return -1;
  return std::stoll(m[1].str());
}

struct Printed {
  long long sessions, captchas, email_codes, identity_failures, forgot_requests, attempt_counters;
};

Printed printed(const std::string& out) {
  return {printed_count(out, "工作階段"), printed_count(out, "圖形驗證碼"),
          printed_count(out, "E-Mail 驗證代碼"), printed_count(out, "身分驗證失敗紀錄"),
          printed_count(out, "忘記密碼／帳號申請紀錄"), printed_count(out, "登入嘗試計數")};
}

// An outbox message to address(name) in `state`, sent at `sent_at` (SQL, or NULL), its body
// emptied at `purged_at` (SQL, or NULL); never due, so the stack's mailer leaves it alone.
void insert_outbox_mail(const std::string& name, const std::string& state,
                        const std::string& sent_at, const std::string& purged_at = "NULL") {
  sql("INSERT INTO outbox (recipient, subject, body, state, attempts, next_attempt_at, sent_at, "
      "body_purged_at, created_at) VALUES ('" +
      address(name) + "', 'subject " + name + "', " +
      (purged_at == "NULL" ? "'code 123456 for Wang Xiaoming'" : "''") + ", '" + state + "', 1, " +
      ahead("1 DAY") + ", " + sent_at + ", " + purged_at + ", " +
      (sent_at == "NULL" ? ago("30 DAY") : sent_at + " - INTERVAL 1 MINUTE") + ")");
}

// "body|purged" of the outbox message to address(name): its body, and whether body_purged_at is
// set; "gone" when the row was deleted.
std::string outbox_mail(const std::string& name) {
  std::string row =
      trimmed(sql("SELECT CONCAT(body, '|', body_purged_at IS NOT NULL, '|', "
                  "subject) FROM outbox WHERE recipient = '" +
                  address(name) + "'"));
  return row.empty() ? "gone" : row;
}

CliResult purge() {
  CliResult r = run_ctl({"purge"});
  CPPUNIT_ASSERT_EQUAL_MESSAGE(r.out + r.err, 0, r.status);
  return r;
}

}  // namespace

class PurgeTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(PurgeTest);
  CPPUNIT_TEST(purge_deletes_exactly_the_expired_rows_of_each_kind);
  CPPUNIT_TEST(purge_deletes_more_than_one_batch_in_one_run);
  CPPUNIT_TEST(purge_counts_in_its_output_and_its_audit_row);
  CPPUNIT_TEST(purge_has_help_and_refuses_arguments);
  CPPUNIT_TEST(purge_deletes_single_sign_on_rows_an_hour_after_they_expire);
  CPPUNIT_TEST(purge_empties_delivered_mail_after_7_days_and_deletes_it_after_400);
  CPPUNIT_TEST_SUITE_END();

 public:
  void purge_deletes_exactly_the_expired_rows_of_each_kind() {
    // Sessions expire at expires_at; their captchas go with them, even unexpired ones.
    insert_session("s-expired", ago("1 MINUTE"));
    insert_session("s-live", ahead("20 MINUTE"));
    insert_captcha("s-expired", "login", ahead("4 MINUTE"));
    insert_captcha("s-live", "login", ahead("4 MINUTE"));
    insert_captcha("s-live", "forgot", ago("1 MINUTE"));
    insert_captcha("s-none", "login", ago("1 MINUTE"));
    insert_captcha("s-none", "apply", ahead("4 MINUTE"));
    // E-mail codes count toward hourly limits: kept for a day after sending.
    insert_email_code("e-25h", "apply", ago("25 HOUR"));
    insert_email_code("e-23h", "apply", ago("23 HOUR"));
    // 忘記密碼 requests name their code: both kept 2 days, then both go.
    insert_email_code("e-reset-36h", "reset", ago("36 HOUR"));
    insert_email_code("e-reset-3d", "reset", ago("3 DAY"));
    insert_forgot_request("f-reset-36h", ago("36 HOUR"), "e-reset-36h");
    insert_forgot_request("f-reset-3d", ago("3 DAY"), "e-reset-3d");
    // 忘記帳號 requests (no code) count toward the daily cap: kept 2 days.
    insert_forgot_request("f-49h", ago("49 HOUR"));
    insert_forgot_request("f-47h", ago("47 HOUR"));
    // Identity failure counters: kept a day after their last update, and while locked.
    insert_identity_failure("i-25h", ago("25 HOUR"), "NULL");
    insert_identity_failure("i-25h-lock-over", ago("25 HOUR"), ago("24 HOUR"));
    insert_identity_failure("i-23h", ago("23 HOUR"), "NULL");
    insert_identity_failure("i-25h-locked", ago("25 HOUR"), ahead("10 MINUTE"));
    // Counters of unknown names and devices: kept an hour after their window began, and while
    // locked.
    insert_attempt_counter("a-61m", ago("61 MINUTE"), "NULL");
    insert_attempt_counter("a-61m-lock-over", ago("61 MINUTE"), ago("40 MINUTE"));
    insert_attempt_counter("a-59m", ago("59 MINUTE"), "NULL");
    insert_attempt_counter("a-61m-locked", ago("61 MINUTE"), ahead("1 MINUTE"));

    purge();

    CPPUNIT_ASSERT_MESSAGE("expired session", !session_exists("s-expired"));
    CPPUNIT_ASSERT_MESSAGE("live session", session_exists("s-live"));
    CPPUNIT_ASSERT_MESSAGE("captcha of an expired session", !captcha_exists("s-expired", "login"));
    CPPUNIT_ASSERT_MESSAGE("live captcha", captcha_exists("s-live", "login"));
    CPPUNIT_ASSERT_MESSAGE("expired captcha", !captcha_exists("s-live", "forgot"));
    CPPUNIT_ASSERT_MESSAGE("expired captcha, no session", !captcha_exists("s-none", "login"));
    CPPUNIT_ASSERT_MESSAGE("live captcha, no session", captcha_exists("s-none", "apply"));
    CPPUNIT_ASSERT_MESSAGE("code sent 25 h ago", !email_code_exists("e-25h"));
    CPPUNIT_ASSERT_MESSAGE("code sent 23 h ago", email_code_exists("e-23h"));
    CPPUNIT_ASSERT_MESSAGE("reset code of a 36 h request", email_code_exists("e-reset-36h"));
    CPPUNIT_ASSERT_MESSAGE("36 h reset request", forgot_request_exists("f-reset-36h"));
    CPPUNIT_ASSERT_MESSAGE("reset code of a 3-day request", !email_code_exists("e-reset-3d"));
    CPPUNIT_ASSERT_MESSAGE("3-day reset request", !forgot_request_exists("f-reset-3d"));
    CPPUNIT_ASSERT_MESSAGE("49 h account request", !forgot_request_exists("f-49h"));
    CPPUNIT_ASSERT_MESSAGE("47 h account request", forgot_request_exists("f-47h"));
    CPPUNIT_ASSERT_MESSAGE("counter idle 25 h", !identity_failure_exists("i-25h"));
    CPPUNIT_ASSERT_MESSAGE("counter idle 25 h, lock over",
                           !identity_failure_exists("i-25h-lock-over"));
    CPPUNIT_ASSERT_MESSAGE("counter idle 23 h", identity_failure_exists("i-23h"));
    CPPUNIT_ASSERT_MESSAGE("counter still locked", identity_failure_exists("i-25h-locked"));
    CPPUNIT_ASSERT_MESSAGE("attempts window 61 min ago", !attempt_counter_exists("a-61m"));
    CPPUNIT_ASSERT_MESSAGE("attempts window 61 min ago, lock over",
                           !attempt_counter_exists("a-61m-lock-over"));
    CPPUNIT_ASSERT_MESSAGE("attempts window 59 min ago", attempt_counter_exists("a-59m"));
    CPPUNIT_ASSERT_MESSAGE("attempts still locked", attempt_counter_exists("a-61m-locked"));
  }

  void purge_deletes_single_sign_on_rows_an_hour_after_they_expire() {
    const char* tables[] = {"oidc_pending", "oidc_codes", "oidc_tokens"};
    for (const char* table : tables) {
      insert_oidc_row(table, std::string(table) + "-61m", ago("61 MINUTE"));
      insert_oidc_row(table, std::string(table) + "-59m", ago("59 MINUTE"));
      insert_oidc_row(table, std::string(table) + "-live", ahead("1 MINUTE"));
    }
    CliResult r = purge();
    for (const char* table : tables) {
      std::string t = table;
      CPPUNIT_ASSERT_MESSAGE(t + " expired 61 min ago", !oidc_row_exists(t, t + "-61m"));
      CPPUNIT_ASSERT_MESSAGE(t + " expired 59 min ago", oidc_row_exists(t, t + "-59m"));
      CPPUNIT_ASSERT_MESSAGE(t + " live", oidc_row_exists(t, t + "-live"));
    }
    CPPUNIT_ASSERT_MESSAGE(r.out, printed_count(r.out, "授權請求、授權碼與存取權杖") >= 3);
    std::string audit = trimmed(sql(
        "SELECT target FROM audit_log WHERE action = 'oidc.purge' ORDER BY id DESC LIMIT 1"));
    CPPUNIT_ASSERT_MESSAGE(audit, audit.rfind("deleted:", 0) == 0 &&
                                      std::stoll(audit.substr(8)) >= 3);
  }

  void purge_deletes_more_than_one_batch_in_one_run() {
    const int rows = 10000 + 50;  // the store deletes 10000 per statement
    sql("INSERT INTO sessions (id_hash, kind, csrf_token, created_at, last_seen_at, expires_at) "
        "SELECT UNHEX(SHA2(CONCAT('" +
        run_tag() + "-bulk-', seq), 256)), 'anonymous', 'csrf', " + ago("2 HOUR") + ", " +
        ago("2 HOUR") + ", " + ago("1 HOUR") + " FROM seq_1_to_" + std::to_string(rows));
    std::string bulk =
        "SELECT COUNT(*) FROM sessions WHERE id_hash IN (SELECT UNHEX(SHA2(CONCAT('" + run_tag() +
        "-bulk-', seq), 256)) FROM seq_1_to_" + std::to_string(rows) + ")";
    CPPUNIT_ASSERT_EQUAL(rows, count(bulk));
    CliResult r = purge();
    CPPUNIT_ASSERT_EQUAL(0, count(bulk));
    CPPUNIT_ASSERT_MESSAGE(r.out, printed(r.out).sessions >= rows);
  }

  void purge_counts_in_its_output_and_its_audit_row() {
    insert_session("count-s", ago("1 MINUTE"));
    insert_captcha("count-s", "login", ago("1 MINUTE"));
    insert_captcha("count-c", "login", ago("1 MINUTE"));
    insert_email_code("count-e", "apply", ago("2 DAY"));
    insert_identity_failure("count-i", ago("2 DAY"), "NULL");
    insert_forgot_request("count-f", ago("3 DAY"));
    insert_attempt_counter("count-a", ago("2 HOUR"), "NULL");
    CliResult r = purge();
    Printed n = printed(r.out);
    // Other suites' rows may expire alongside; these are the least the run can have deleted.
    CPPUNIT_ASSERT_MESSAGE(r.out, n.sessions >= 1);
    CPPUNIT_ASSERT_MESSAGE(r.out, n.captchas >= 2);
    CPPUNIT_ASSERT_MESSAGE(r.out, n.email_codes >= 1);
    CPPUNIT_ASSERT_MESSAGE(r.out, n.identity_failures >= 1);
    CPPUNIT_ASSERT_MESSAGE(r.out, n.forgot_requests >= 1);
    CPPUNIT_ASSERT_MESSAGE(r.out, n.attempt_counters >= 1);
    std::string audit =
        trimmed(sql("SELECT CONCAT(actor, '|', target) FROM audit_log WHERE action = 'data.purge' "
                 "ORDER BY id DESC LIMIT 1"));
    std::string expected = "sessions:" + std::to_string(n.sessions) +
                           " captchas:" + std::to_string(n.captchas) +
                           " email_codes:" + std::to_string(n.email_codes) +
                           " identity_failures:" + std::to_string(n.identity_failures) +
                           " forgot_requests:" + std::to_string(n.forgot_requests) +
                           " attempt_counters:" + std::to_string(n.attempt_counters);
    CPPUNIT_ASSERT_EQUAL(unix_user() + "|" + expected, audit);
  }

  void purge_has_help_and_refuses_arguments() {
    CliResult overview = run_ctl({"--help"});
    CPPUNIT_ASSERT(contains_text(overview.out, "  purge\n"));
    CliResult help = run_ctl({"purge", "--help"});
    CPPUNIT_ASSERT_EQUAL(0, help.status);
    CPPUNIT_ASSERT(contains_text(help.out, "用法：xueji-ctl purge"));
    CPPUNIT_ASSERT_EQUAL(2, run_ctl({"purge", "sessions"}).status);
    CliResult option = run_ctl({"purge", "--older-than", "1"});
    CPPUNIT_ASSERT_EQUAL(2, option.status);
    CPPUNIT_ASSERT(contains_text(option.err, "不認得的選項 --older-than"));
  }

  // Issue 16: delivered mail keeps its body (codes, names) 7 days, its row as long as the audit
  // trail (400 days); mail not delivered keeps everything, since it may still be sent.
  void purge_empties_delivered_mail_after_7_days_and_deletes_it_after_400() {
    insert_outbox_mail("o-sent-8d", "sent", ago("8 DAY"));
    insert_outbox_mail("o-sent-6d", "sent", ago("6 DAY"));
    insert_outbox_mail("o-sent-401d", "sent", ago("401 DAY"));
    insert_outbox_mail("o-sent-399d", "sent", ago("399 DAY"), ago("392 DAY"));
    insert_outbox_mail("o-pending", "pending", "NULL");
    insert_outbox_mail("o-failed", "failed", "NULL");
    const std::string kBody = "code 123456 for Wang Xiaoming";

    CliResult r = purge();

    CPPUNIT_ASSERT_EQUAL(std::string("|1|subject o-sent-8d"), outbox_mail("o-sent-8d"));
    CPPUNIT_ASSERT_EQUAL(kBody + "|0|subject o-sent-6d", outbox_mail("o-sent-6d"));
    CPPUNIT_ASSERT_EQUAL(std::string("gone"), outbox_mail("o-sent-401d"));
    CPPUNIT_ASSERT_EQUAL(std::string("|1|subject o-sent-399d"), outbox_mail("o-sent-399d"));
    CPPUNIT_ASSERT_EQUAL(kBody + "|0|subject o-pending", outbox_mail("o-pending"));
    CPPUNIT_ASSERT_EQUAL(kBody + "|0|subject o-failed", outbox_mail("o-failed"));
    // When the body went is recorded; the recipient stays until the row goes.
    CPPUNIT_ASSERT_EQUAL(
        1, count("SELECT COUNT(*) FROM outbox WHERE recipient = '" + address("o-sent-8d") +
                 "' AND body_purged_at > UTC_TIMESTAMP(6) - INTERVAL 1 HOUR"));

    long long emptied = printed_count(r.out, "信件內文");
    long long deleted = printed_count(r.out, "400 天的信件");
    CPPUNIT_ASSERT_MESSAGE(r.out, emptied >= 1 && deleted >= 1);
    std::string audit =
        trimmed(sql("SELECT CONCAT(actor, '|', target) FROM audit_log WHERE action = "
                    "'outbox.purge' ORDER BY id DESC LIMIT 1"));
    CPPUNIT_ASSERT_EQUAL(unix_user() + "|bodies_emptied:" + std::to_string(emptied) +
                             " deleted:" + std::to_string(deleted),
                         audit);
    // A second run leaves an emptied body alone; once its sending is 401 days back, the row goes.
    std::string purged_at = trimmed(
        sql("SELECT body_purged_at FROM outbox WHERE recipient = '" + address("o-sent-8d") + "'"));
    purge();
    CPPUNIT_ASSERT_EQUAL(purged_at,
                         trimmed(sql("SELECT body_purged_at FROM outbox WHERE recipient = '" +
                                     address("o-sent-8d") + "'")));
    sql("UPDATE outbox SET sent_at = " + ago("401 DAY") + " WHERE recipient = '" +
        address("o-sent-8d") + "'");
    purge();
    CPPUNIT_ASSERT_EQUAL(std::string("gone"), outbox_mail("o-sent-8d"));
    sql("DELETE FROM outbox WHERE recipient LIKE '" + run_tag() + "-o-%'");
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(PurgeTest);
