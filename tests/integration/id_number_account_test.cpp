// id_number_account_test.cpp: an ID number used as the account (manual 二.4, issue 21) over HTTP
// through nginx. Its holder has no 個人業務帳號: the right password only earns a pointer to
// 【申請個人業務帳號】 and no session, a wrong one the usual neutral answer; the holder passes
// 身分驗證 like a new colleague, and completing the wizard retires the ID-number account (with
// whatever rows named it) in the same transaction, with an audit row.
#include <cppunit/extensions/HelperMacros.h>

#include "core/national_id.h"
#include "tests/integration/support/login_support.h"

using namespace xueji::testing;

namespace {

constexpr const char* kLegacyPassword = "password1234";
constexpr const char* kIdNumberMessage = "身分證/外籍人士統一證號已不再作為帳號使用";
// The message's own link (the page's footer links to the wizard anyway).
constexpr const char* kApplyLink =
    "<a class=\"button button-primary\" id=\"id-number-apply\" href=\"/apply/identity\">";
constexpr const char* kCodeSubject = "【國民中小學學籍管理系統 2.0】E-Mail 驗證通知信";

// A fresh old-style 統一證號 (letter, A–D, 8 digits): an ID number too, though it has a letter
// where the 身分證字號 has a digit.
std::string new_old_resident_id() {
  const std::string second = "ABCD";
  for (;;) {
    std::string body = std::string("C") + second[std::stoi(digits(1)) % 4] + digits(7);
    for (char c = '0'; c <= '9'; ++c) {
      if (xueji::is_valid_national_id(body + c)) return body + c;
    }
  }
}

std::string account_id_of(const std::string& name) { return account_sql(name, "id"); }

int count(const std::string& statement) { return std::stoi(scalar(statement)); }

// Nothing behind the login is reachable: each page sends the visitor back to /login.
void assert_logged_out(Browser& b) {
  for (const char* path : {"/home", "/2fa", "/2fa/bind", "/account/change", "/password/change"}) {
    HttpResponse r = b.get(path);
    CPPUNIT_ASSERT_EQUAL_MESSAGE(path, 303L, r.status);
    CPPUNIT_ASSERT_EQUAL_MESSAGE(path, std::string("/login"), location(r).substr(0, 6));
  }
  CPPUNIT_ASSERT_EQUAL(401L, b.get("/auth").status);
}

// Identity, e-mail, code and account of the wizard in one browser; returns the last answer.
HttpResponse apply(Browser& b, const Staff& s, const std::string& address,
                   const std::string& account) {
  // What xueji-ctl staff add keeps on the person beside the staff record (new_staff's plain
  // INSERTs leave it out): 身分驗證 matches on it.
  sql("UPDATE persons p JOIN staff st ON st.person_id = p.id JOIN schools sc ON sc.id = "
      "st.school_id SET p.name = st.name WHERE sc.code = '" + s.school_code + "'");
  HttpResponse r = submit(b, "/apply/identity", "apply_identity",
                          {{"national_id", s.national_id}, {"birth_date", "1980-05-17"}});
  CPPUNIT_ASSERT_EQUAL_MESSAGE(r.body, 303L, r.status);
  CPPUNIT_ASSERT_EQUAL(std::string("/apply/email"), location(r));
  r = submit(b, "/apply/email", "apply_email", {{"email", address}});
  CPPUNIT_ASSERT_EQUAL_MESSAGE(r.body, std::string("/apply/verify"), location(r));
  std::string code = scalar(
      "SELECT REGEXP_SUBSTR(body, '[A-Z]{2}-[0-9]{6}') FROM outbox WHERE recipient = '" + address +
      "' AND subject = '" + kCodeSubject + "' ORDER BY id DESC LIMIT 1");
  CPPUNIT_ASSERT_EQUAL_MESSAGE(code, std::size_t{9}, code.size());
  r = submit(b, "/apply/verify", "", {{"code", code.substr(3)}});
  CPPUNIT_ASSERT_EQUAL_MESSAGE(r.body, std::string("/apply/account"), location(r));
  return submit(b, "/apply/account", "apply_account",
                {{"account", account},
                 {"password", kStrongPassword},
                 {"password_confirm", kStrongPassword},
                 {"phone", "0912-345-678"}});
}

}  // namespace

class IdNumberAccountTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(IdNumberAccountTest);
  CPPUNIT_TEST(right_password_points_to_the_application_and_logs_nobody_in);
  CPPUNIT_TEST(old_resident_number_is_an_id_number_too);
  CPPUNIT_TEST(wrong_password_gets_the_neutral_answer);
  CPPUNIT_TEST(applying_retires_the_id_number_account);
  CPPUNIT_TEST_SUITE_END();

 public:
  void right_password_points_to_the_application_and_logs_nobody_in() {
    Staff s = new_staff();
    add_legacy(s, s.national_id, kLegacyPassword, "2021-03-01");
    const std::string id = account_id_of(s.national_id);
    // Typed as stored, or in lower case (names match without regard to case).
    for (const std::string& typed : {s.national_id, std::string(1, s.national_id[0] + 32) +
                                                        s.national_id.substr(1)}) {
      Browser b;
      HttpResponse r = login(b, typed, kLegacyPassword);
      CPPUNIT_ASSERT_EQUAL_MESSAGE(typed, 200L, r.status);
      CPPUNIT_ASSERT_MESSAGE(r.body, contains(r.body, kIdNumberMessage));
      CPPUNIT_ASSERT(contains(r.body, kApplyLink));
      CPPUNIT_ASSERT(contains(r.body, "【申請個人業務帳號】"));
      CPPUNIT_ASSERT(!contains(r.body, kNeutral));
      // The form stays empty: the number is not echoed back into the page.
      CPPUNIT_ASSERT(!contains(r.body, "value=\"" + typed + "\""));
      assert_logged_out(b);
    }
    CPPUNIT_ASSERT_EQUAL(0, count("SELECT COUNT(*) FROM sessions WHERE account_id = " + id));
    CPPUNIT_ASSERT_EQUAL(2, count("SELECT COUNT(*) FROM audit_log WHERE action = "
                                  "'login.id_number_account' AND target = 'account:" + id + "'"));
    // Not a completed login: the footer's counters and the last login stay as they were.
    CPPUNIT_ASSERT_EQUAL(std::string("NULL"), account_sql(s.national_id, "last_login_at"));
    // A right password gives its try back, as for any account: no lock builds up.
    CPPUNIT_ASSERT_EQUAL(std::string("0"), account_sql(s.national_id, "failed_count"));
  }

  void old_resident_number_is_an_id_number_too() {
    Staff s = new_staff(true, new_old_resident_id());
    add_legacy(s, s.national_id, kLegacyPassword, "2021-03-01");
    Browser b;
    HttpResponse r = login(b, s.national_id, kLegacyPassword);
    CPPUNIT_ASSERT_MESSAGE(s.national_id + ": " + r.body, contains(r.body, kIdNumberMessage));
    CPPUNIT_ASSERT(contains(r.body, kApplyLink));
    assert_logged_out(b);
  }

  void wrong_password_gets_the_neutral_answer() {
    Staff s = new_staff();
    add_legacy(s, s.national_id, kLegacyPassword, "2021-03-01");
    Browser b;
    HttpResponse r = login(b, s.national_id, "not-the-password-1");
    CPPUNIT_ASSERT_EQUAL(200L, r.status);
    CPPUNIT_ASSERT(contains(r.body, kNeutral));
    CPPUNIT_ASSERT(!contains(r.body, kIdNumberMessage));
    CPPUNIT_ASSERT(!contains(r.body, kApplyLink));
    assert_logged_out(b);
  }

  void applying_retires_the_id_number_account() {
    Staff s = new_staff();
    add_legacy(s, s.national_id, kLegacyPassword, "2021-03-01");
    const std::string old_id = account_id_of(s.national_id);
    // Rows that name the old account, left by the years it was in use: a live session, a
    // one-time link, the helpdesk role, an OIDC token and a 忘記密碼 request. None may stop it
    // from going (foreign keys), and none may outlive it.
    sql("INSERT INTO sessions (id_hash, kind, account_id, csrf_token, created_at, last_seen_at, "
        "expires_at) VALUES (UNHEX(SHA2('" + old_id + digits(12) + "', 256)), 'login', " + old_id +
        ", 'x', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), UTC_TIMESTAMP(6) + INTERVAL 1 HOUR)");
    sql("INSERT INTO account_tokens (token_hash, account_id, purpose, address, created_at, "
        "expires_at) VALUES (UNHEX(SHA2('" + digits(12) + "', 256)), " + old_id + ", 'password', '" +
        s.email + "', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6) + INTERVAL 1 HOUR)");
    sql("INSERT INTO helpdesk_accounts (account_id, granted_at) VALUES (" + old_id +
        ", UTC_TIMESTAMP(6))");
    sql("INSERT INTO oidc_tokens (token_hash, code_hash, client_id, account_id, scope, expires_at) "
        "VALUES (UNHEX(SHA2('" + digits(12) + "', 256)), UNHEX(SHA2('" + digits(12) +
        "', 256)), 'none', " + old_id + ", 'openid', UTC_TIMESTAMP(6) + INTERVAL 5 MINUTE)");
    sql("INSERT INTO forgot_requests (kind, session_hash, account_id, mailed, requested_at) VALUES "
        "('password', UNHEX(SHA2('" + digits(12) + "', 256)), " + old_id +
        ", 1, UTC_TIMESTAMP(6))");
    CPPUNIT_ASSERT(count("SELECT COUNT(*) FROM password_history WHERE account_id = " + old_id) > 0);

    // 身分驗證 lets the holder through: no 「已申請過」.
    Browser b;
    const std::string address = "idn" + digits(10) + "@example.com";
    const std::string name = good_name();
    HttpResponse done = apply(b, s, address, name);
    CPPUNIT_ASSERT_EQUAL_MESSAGE(done.body, 303L, done.status);
    CPPUNIT_ASSERT_EQUAL(std::string("/apply/done"), location(done));
    CPPUNIT_ASSERT(contains(b.get("/apply/done").body, "已申請完成"));
    CPPUNIT_ASSERT(contains(outbox_subjects(address), "個人業務帳號申請成功"));

    // The ID-number account is gone for good, with every row that named it.
    CPPUNIT_ASSERT_EQUAL(0, count("SELECT COUNT(*) FROM accounts WHERE id = " + old_id));
    for (const char* table : {"sessions", "password_history", "account_tokens",
                              "helpdesk_accounts", "oidc_tokens", "forgot_requests"}) {
      CPPUNIT_ASSERT_EQUAL_MESSAGE(table, 0,
                                   count(std::string("SELECT COUNT(*) FROM ") + table +
                                         " WHERE account_id = " + old_id));
    }
    const std::string new_id = account_id_of(name);
    CPPUNIT_ASSERT(!new_id.empty());
    CPPUNIT_ASSERT_EQUAL(1, count("SELECT COUNT(*) FROM audit_log WHERE action = "
                                  "'account.id_number_retired' AND target LIKE 'account:" +
                                  old_id + " replaced_by:" + new_id + " %'"));
    // The audit row names the person by the masked number only.
    CPPUNIT_ASSERT_EQUAL(0, count("SELECT COUNT(*) FROM audit_log WHERE target LIKE '%" +
                                  s.national_id + "%'"));

    // The old name no longer logs in, not even to the pointer: it is an unknown name now.
    Browser old;
    HttpResponse r = login(old, s.national_id, kLegacyPassword);
    CPPUNIT_ASSERT(contains(r.body, kNeutral));
    CPPUNIT_ASSERT(!contains(r.body, kIdNumberMessage));
    assert_logged_out(old);

    // Applying again says 已申請過: the holder now has a 個人業務帳號.
    Browser again;
    r = submit(again, "/apply/identity", "apply_identity",
               {{"national_id", s.national_id}, {"birth_date", "1980-05-17"}});
    CPPUNIT_ASSERT_EQUAL(200L, r.status);
    CPPUNIT_ASSERT_MESSAGE(r.body, contains(r.body, "已申請過"));

    // The new account logs in, on to the forced 2FA binding.
    Browser fresh;
    r = login(fresh, name, kStrongPassword);
    CPPUNIT_ASSERT_EQUAL_MESSAGE(r.body, 303L, r.status);
    CPPUNIT_ASSERT_EQUAL(std::string("/2fa/bind"), location(r));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(IdNumberAccountTest);
