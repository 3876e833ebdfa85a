// login_test.cpp: login and the account's life over HTTP through nginx (issue 5): the neutral
// failure and its timing, lockout and release (as issue 15 amended it: tries counted in a
// window, wrong codes per account), every forced step of a legacy account in order,
// TOTP binding and challenge with codes from oathtool, replay, the no-duty sentence, skipping
// ahead refused, session rotation, logout, voluntary changes and xueji-ctl account.
#include <cppunit/extensions/HelperMacros.h>

#include <algorithm>
#include <iostream>
#include <vector>

#include "core/national_id.h"
#include "tests/integration/support/login_support.h"

using namespace xueji::testing;

class LoginTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(LoginTest);
  CPPUNIT_TEST(unknown_account_and_wrong_password_get_one_neutral_message);
  CPPUNIT_TEST(wrong_captcha_costs_the_account_nothing);
  CPPUNIT_TEST(account_names_match_without_regard_to_case);
  CPPUNIT_TEST(three_wrong_passwords_lock_even_the_right_one);
  CPPUNIT_TEST(lock_is_released_after_fifteen_minutes);
  CPPUNIT_TEST(a_right_password_gives_back_only_its_own_try);
  CPPUNIT_TEST(unknown_account_takes_as_long_as_a_wrong_password);
  CPPUNIT_TEST(legacy_account_goes_through_every_forced_step_in_order);
  CPPUNIT_TEST(bound_account_answers_the_code_and_replay_is_refused);
  CPPUNIT_TEST(five_wrong_codes_lock_the_account);
  CPPUNIT_TEST(a_right_code_starts_the_count_afresh);
  CPPUNIT_TEST(person_without_duty_gets_the_manuals_sentence);
  CPPUNIT_TEST(session_id_changes_after_password_and_second_factor);
  CPPUNIT_TEST(logout_ends_the_session_in_the_database);
  CPPUNIT_TEST(idle_session_expires);
  CPPUNIT_TEST(voluntary_password_change_waits_a_day);
  CPPUNIT_TEST(voluntary_rename_from_home);
  CPPUNIT_TEST(new_password_may_not_hold_the_holders_id_or_a_recent_password);
  CPPUNIT_TEST(ctl_reset_password_forces_a_change);
  CPPUNIT_TEST(ctl_reset_2fa_forces_a_new_binding);
  CPPUNIT_TEST(ctl_unlock_and_show);
  CPPUNIT_TEST(an_id_number_name_never_reaches_a_mail);
  CPPUNIT_TEST_SUITE_END();

public:
  void unknown_account_and_wrong_password_get_one_neutral_message() {
    Ready r = ready_account();
    Browser b;
    HttpResponse unknown = login(b, "nobody" + digits(8), kStrongPassword);
    HttpResponse wrong = login(b, r.account, "Wrong-Password-99");
    CPPUNIT_ASSERT_EQUAL(200L, unknown.status);
    CPPUNIT_ASSERT_EQUAL(200L, wrong.status);
    CPPUNIT_ASSERT(contains(unknown.body, kNeutral));
    CPPUNIT_ASSERT(contains(wrong.body, kNeutral));
    CPPUNIT_ASSERT(!contains(wrong.body, kLocked));
    CPPUNIT_ASSERT_EQUAL(std::string("1"), account_sql(r.account, "failed_count"));
  }

  void wrong_captcha_costs_the_account_nothing() {
    Ready r = ready_account();
    for (int i = 0; i < 4; ++i) {
      Browser b;
      HttpResponse wrong = login(b, r.account, "Wrong-Password-99", "0000");
      CPPUNIT_ASSERT(contains(wrong.body, "驗證碼錯誤"));
      CPPUNIT_ASSERT(!contains(wrong.body, kNeutral));
    }
    CPPUNIT_ASSERT_EQUAL(std::string("0"), account_sql(r.account, "failed_count"));
    Browser b;
    HttpResponse right = login(b, r.account, kStrongPassword);
    CPPUNIT_ASSERT_EQUAL(303L, right.status);
    CPPUNIT_ASSERT_EQUAL(std::string("/2fa"), location(right));
  }

  void account_names_match_without_regard_to_case() {
    Ready r = ready_account();
    std::string upper = r.account;
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    Browser b;
    HttpResponse right = login(b, upper, kStrongPassword);
    CPPUNIT_ASSERT_EQUAL(303L, right.status);
    CPPUNIT_ASSERT_EQUAL(std::string("/2fa"), location(right));
  }

  void three_wrong_passwords_lock_even_the_right_one() {
    Ready r = ready_account();
    Browser b;
    CPPUNIT_ASSERT(contains(login(b, r.account, "Wrong-Password-1").body, kNeutral));
    CPPUNIT_ASSERT(contains(login(b, r.account, "Wrong-Password-2").body, kNeutral));
    HttpResponse third = login(b, r.account, "Wrong-Password-3");
    CPPUNIT_ASSERT(contains(third.body, kLocked));
    CPPUNIT_ASSERT_EQUAL(std::string("3"), account_sql(r.account, "failed_count"));
    CPPUNIT_ASSERT_EQUAL(
        std::string("1"),
        account_sql(r.account, "locked_until BETWEEN UTC_TIMESTAMP(6) + INTERVAL 14 MINUTE AND "
                               "UTC_TIMESTAMP(6) + INTERVAL 15 MINUTE"));

    HttpResponse right = login(b, r.account, kStrongPassword);
    CPPUNIT_ASSERT_EQUAL(200L, right.status);
    CPPUNIT_ASSERT(contains(right.body, kLocked));
    CPPUNIT_ASSERT(login(b, r.account, "Wrong-Password-4").status == 200);
    CPPUNIT_ASSERT_EQUAL_MESSAGE("the count does not grow while locked", std::string("3"),
                                 account_sql(r.account, "failed_count"));
    std::string id = account_sql(r.account, "id");
    CPPUNIT_ASSERT_EQUAL(
        std::string("1"),
        trimmed(sql(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'login.locked' AND target = 'account:" +
            id + "'")));
    CPPUNIT_ASSERT(contains(outbox_subjects(r.staff.email), "帳號暫時停用通知"));
  }

  void lock_is_released_after_fifteen_minutes() {
    Ready r = ready_account();
    Browser b;
    for (int i = 0; i < 3; ++i) login(b, r.account, "Wrong-Password-" + std::to_string(i));
    CPPUNIT_ASSERT(contains(login(b, r.account, kStrongPassword).body, kLocked));
    sql("UPDATE accounts SET locked_until = locked_until - INTERVAL 14 MINUTE WHERE login_key = "
        "LOWER('" +
        r.account + "')");
    CPPUNIT_ASSERT_MESSAGE("still locked after 14 minutes",
                           contains(login(b, r.account, kStrongPassword).body, kLocked));
    sql("UPDATE accounts SET locked_until = locked_until - INTERVAL 61 SECOND WHERE login_key = "
        "LOWER('" +
        r.account + "')");
    HttpResponse right = login(b, r.account, kStrongPassword);
    CPPUNIT_ASSERT_EQUAL(303L, right.status);
    CPPUNIT_ASSERT_EQUAL(std::string("0"), account_sql(r.account, "failed_count"));
    CPPUNIT_ASSERT_EQUAL(std::string("NULL"),
                         account_sql(r.account, "IFNULL(locked_until, 'NULL')"));
    std::string id = account_sql(r.account, "id");
    CPPUNIT_ASSERT_EQUAL(std::string("1"),
                         trimmed(sql("SELECT COUNT(*) FROM audit_log WHERE action = "
                                     "'login.lock_released' AND target = 'account:" +
                                     id + "'")));
  }

  // Issue 15: a right password gives back its own try only; the wrong ones stay counted for the
  // 15 minutes from the first, so whatever comes between, the third wrong one locks.
  void a_right_password_gives_back_only_its_own_try() {
    Ready r = ready_account();
    Browser b;
    login(b, r.account, "Wrong-Password-1");
    login(b, r.account, "Wrong-Password-2");
    CPPUNIT_ASSERT_EQUAL(std::string("2"), account_sql(r.account, "failed_count"));
    CPPUNIT_ASSERT_EQUAL(303L, login(b, r.account, kStrongPassword).status);
    CPPUNIT_ASSERT_EQUAL(std::string("2"), account_sql(r.account, "failed_count"));
    Browser c;
    CPPUNIT_ASSERT(contains(login(c, r.account, "Wrong-Password-3").body, kLocked));
    // A window that began 15 minutes ago is over: the next wrong password starts a new one.
    sql("UPDATE accounts SET locked_until = NULL, failed_count = 2, failed_since = "
        "UTC_TIMESTAMP(6) - INTERVAL 15 MINUTE WHERE login_key = LOWER('" + r.account + "')");
    CPPUNIT_ASSERT(contains(login(c, r.account, "Wrong-Password-4").body, kNeutral));
    CPPUNIT_ASSERT_EQUAL(std::string("1"), account_sql(r.account, "failed_count"));
  }

  void unknown_account_takes_as_long_as_a_wrong_password() {
    Ready r = ready_account();
    Browser b;
    std::vector<double> unknown, wrong;
    for (int i = 0; i < 20; ++i) {
      unknown.push_back(login(b, "nobody" + digits(8), kStrongPassword).seconds);
      wrong.push_back(login(b, r.account, "Wrong-Password-99").seconds);
      // Keep the account out of the lock, between requests (not timed).
      sql("UPDATE accounts SET failed_count = 0 WHERE login_key = LOWER('" + r.account + "')");
    }
    std::sort(unknown.begin(), unknown.end());
    std::sort(wrong.begin(), wrong.end());
    double unknown_median = (unknown[9] + unknown[10]) / 2;
    double wrong_median = (wrong[9] + wrong[10]) / 2;
    std::cerr << "\n  login medians over 20 tries: unknown account " << unknown_median * 1000
              << " ms, wrong password " << wrong_median * 1000 << " ms\n";
    CPPUNIT_ASSERT_MESSAGE("unknown " + std::to_string(unknown_median) + " s vs wrong " +
                               std::to_string(wrong_median) + " s",
                           unknown_median >= wrong_median / 2);
  }

  void legacy_account_goes_through_every_forced_step_in_order() {
    Staff s = new_staff();
    // As the old system left it: a name without a digit (an ID number as the name is no account
    // at all: id_number_account_* below), a weak password set years ago.
    const std::string legacy = legacy_name();
    std::string out = add_legacy(s, legacy, "password1234", "2021-03-01");
    CPPUNIT_ASSERT_MESSAGE(out, contains(out, "新增舊系統帳號"));
    std::string count_before = trimmed(sql("SELECT COALESCE(SUM(count), 0) FROM login_counts"));

    Browser b;
    HttpResponse r = login(b, legacy, "password1234");
    CPPUNIT_ASSERT_EQUAL(303L, r.status);
    CPPUNIT_ASSERT_EQUAL(std::string("/account/change"), location(r));
    for (const char* ahead : {"/home", "/password/change", "/2fa/bind", "/2fa"}) {
      HttpResponse skip = b.get(ahead);
      CPPUNIT_ASSERT_EQUAL_MESSAGE(ahead, 303L, skip.status);
      CPPUNIT_ASSERT_EQUAL_MESSAGE(ahead, std::string("/account/change"), location(skip));
    }
    CPPUNIT_ASSERT_EQUAL(404L, b.get("/2fa/qr").status);

    // 修改帳號: the rules are checked; then saved, logged out, back to the login page.
    HttpResponse page = b.get("/account/change");
    CPPUNIT_ASSERT(contains(page.body, "data-confirm=\"確定送出？\""));
    CPPUNIT_ASSERT(contains(page.body, legacy));  // 原帳號, shown to its owner only
    HttpResponse bad = submit(b, "/account/change", "account_change",
                              {{"new_account", "A" + s.national_id.substr(1) + "x"}});
    CPPUNIT_ASSERT_EQUAL(200L, bad.status);
    CPPUNIT_ASSERT(contains(bad.body, "帳號不得為或包含身分證/外籍人士統一證號"));
    std::string new_name = good_name();
    HttpResponse renamed =
        submit(b, "/account/change", "account_change", {{"new_account", new_name}});
    CPPUNIT_ASSERT_EQUAL(303L, renamed.status);
    CPPUNIT_ASSERT_EQUAL(std::string("/login?notice=renamed"), location(renamed));
    CPPUNIT_ASSERT(contains(b.get("/login?notice=renamed").body, "請使用修改後的新帳號重新登入"));
    CPPUNIT_ASSERT_EQUAL(std::string("/login"), location(b.get("/home")));
    CPPUNIT_ASSERT(contains(outbox_subjects(s.email), "帳號變更通知"));
    CPPUNIT_ASSERT(contains(login(b, legacy, "password1234").body, kNeutral));

    // 修改密碼: over 90 days old and too weak for today's rules.
    r = login(b, new_name, "password1234");
    CPPUNIT_ASSERT_EQUAL(std::string("/password/change"), location(r));
    for (const char* ahead : {"/home", "/2fa/bind", "/account/change"}) {
      CPPUNIT_ASSERT_EQUAL_MESSAGE(ahead, std::string("/password/change"), location(b.get(ahead)));
    }
    page = b.get("/password/change");
    CPPUNIT_ASSERT(contains(page.body, kOldPasswordHint));
    CPPUNIT_ASSERT(contains(page.body, "data-confirm=\"是否確定修改密碼？\""));
    CPPUNIT_ASSERT(contains(page.body, "90 天"));
    HttpResponse wrong_old = submit(b, "/password/change", "password_change",
                                    {{"old_password", "not-it-at-all"},
                                     {"new_password", kStrongPassword},
                                     {"new_password_confirm", kStrongPassword}});
    CPPUNIT_ASSERT(contains(wrong_old.body, "原密碼錯誤"));
    HttpResponse weak = submit(b, "/password/change", "password_change",
                               {{"old_password", "password1234"},
                                {"new_password", "short"},
                                {"new_password_confirm", "short"}});
    CPPUNIT_ASSERT(contains(weak.body, "密碼長度須為 12 至 64 個字元"));
    HttpResponse mismatch = submit(b, "/password/change", "password_change",
                                   {{"old_password", "password1234"},
                                    {"new_password", kStrongPassword},
                                    {"new_password_confirm", kStrongPassword2}});
    CPPUNIT_ASSERT(contains(mismatch.body, "兩次輸入的新密碼不一致"));
    HttpResponse changed = submit(b, "/password/change", "password_change",
                                  {{"old_password", "password1234"},
                                   {"new_password", kStrongPassword},
                                   {"new_password_confirm", kStrongPassword}});
    CPPUNIT_ASSERT_EQUAL(303L, changed.status);
    CPPUNIT_ASSERT_EQUAL(std::string("/login?notice=password_changed"), location(changed));
    CPPUNIT_ASSERT_EQUAL(std::string("/login"), location(b.get("/home")));
    CPPUNIT_ASSERT(contains(outbox_subjects(s.email), "密碼變更通知"));
    CPPUNIT_ASSERT(contains(login(b, new_name, "password1234").body, kNeutral));

    // 雙因子綁定: nothing else is reachable until bound.
    r = login(b, new_name, kStrongPassword);
    CPPUNIT_ASSERT_EQUAL(std::string("/2fa/bind"), location(r));
    for (const char* ahead : {"/home", "/account/change", "/password/change", "/2fa"}) {
      CPPUNIT_ASSERT_EQUAL_MESSAGE(ahead, std::string("/2fa/bind"), location(b.get(ahead)));
    }
    page = b.get("/2fa/bind");
    CPPUNIT_ASSERT(contains(page.body, "學籍系統 2.0"));
    std::string shown = text_of_id(page.body, "totp-key");
    CPPUNIT_ASSERT_EQUAL_MESSAGE("8 groups of 4: " + shown, std::size_t{39}, shown.size());
    HttpResponse qr = b.get("/2fa/qr");
    CPPUNIT_ASSERT_EQUAL(200L, qr.status);
    CPPUNIT_ASSERT_EQUAL(std::string("image/png"), qr.header("content-type"));
    CPPUNIT_ASSERT_EQUAL(std::string("\x89PNG"), qr.body.substr(0, 4));
    HttpResponse wrong_code =
        post(b, "/2fa/bind", {{"csrf", csrf_of(page.body)}, {"otp", "000000"}});
    CPPUNIT_ASSERT_EQUAL(200L, wrong_code.status);
    CPPUNIT_ASSERT(contains(wrong_code.body, "驗證碼錯誤"));
    std::string key = bind_totp(b);
    CPPUNIT_ASSERT_EQUAL(shown, text_of_id(page.body, "totp-key"));
    CPPUNIT_ASSERT(contains(outbox_subjects(s.email), "雙因子認證綁定通知"));
    CPPUNIT_ASSERT(account_sql(new_name, "totp_secret_enc IS NOT NULL") == "1");

    // Home: name, school, duty of the active year, and the three actions.
    HttpResponse home = b.get("/home");
    CPPUNIT_ASSERT_EQUAL(200L, home.status);
    for (const std::string& text :
         {s.name, s.school_name, std::string("導師"), new_name, std::string("修改帳號"),
          std::string("修改密碼"), std::string("登出"), std::to_string(active_year())}) {
      CPPUNIT_ASSERT_MESSAGE("home shows " + text, contains(home.body, text));
    }
    std::string count_after = trimmed(sql("SELECT COALESCE(SUM(count), 0) FROM login_counts"));
    CPPUNIT_ASSERT_EQUAL_MESSAGE("one completed login counted", std::stoll(count_before) + 1,
                                 std::stoll(count_after));
    b.get("/home");
    CPPUNIT_ASSERT_EQUAL_MESSAGE("counted once per login", count_after,
                                 trimmed(sql("SELECT COALESCE(SUM(count), 0) FROM login_counts")));
  }

  void bound_account_answers_the_code_and_replay_is_refused() {
    Ready r = ready_account();
    Browser b;
    HttpResponse first = login(b, r.account, kStrongPassword);
    CPPUNIT_ASSERT_EQUAL(std::string("/2fa"), location(first));
    for (const char* ahead : {"/home", "/account/change", "/password/change", "/2fa/bind"}) {
      CPPUNIT_ASSERT_EQUAL_MESSAGE(ahead, std::string("/2fa"), location(b.get(ahead)));
    }
    CPPUNIT_ASSERT_EQUAL(404L, b.get("/2fa/qr").status);
    // The binding used the code of now; the next step's code is new and within ±1 step.
    std::string code = totp_now(r.key, 30);
    HttpResponse page = b.get("/2fa");
    HttpResponse ok = post(b, "/2fa", {{"csrf", csrf_of(page.body)}, {"otp", code}});
    CPPUNIT_ASSERT_EQUAL(303L, ok.status);
    CPPUNIT_ASSERT_EQUAL(std::string("/home"), location(ok));
    CPPUNIT_ASSERT_EQUAL(200L, b.get("/home").status);
    logout(b);

    Browser c;
    CPPUNIT_ASSERT_EQUAL(std::string("/2fa"), location(login(c, r.account, kStrongPassword)));
    page = c.get("/2fa");
    HttpResponse replay = post(c, "/2fa", {{"csrf", csrf_of(page.body)}, {"otp", code}});
    CPPUNIT_ASSERT_EQUAL(200L, replay.status);
    CPPUNIT_ASSERT(contains(replay.body, "此驗證碼已使用過"));
    CPPUNIT_ASSERT_EQUAL(std::string("/2fa"), location(c.get("/home")));
  }

  // Issue 15: wrong codes count per account, and the fifth locks it like the third password.
  void five_wrong_codes_lock_the_account() {
    Ready r = ready_account();
    Browser b;
    login(b, r.account, kStrongPassword);
    std::string right = totp_now(r.key);
    std::string wrong = right == "123456" ? "654321" : "123456";
    HttpResponse page = b.get("/2fa");
    std::string csrf = csrf_of(page.body);
    HttpResponse typo = post(b, "/2fa", {{"csrf", csrf}, {"otp", "12345"}});
    CPPUNIT_ASSERT(contains(typo.body, "6 位數字"));  // a slip, not counted
    for (int i = 1; i <= 2; ++i) {
      HttpResponse w = post(b, "/2fa", {{"csrf", csrf}, {"otp", wrong}});
      CPPUNIT_ASSERT_EQUAL(200L, w.status);
      CPPUNIT_ASSERT(contains(w.body, "還可再試 " + std::to_string(5 - i) + " 次"));
    }
    // Logging in again does not start a fresh count: it is the account's.
    Browser c;
    CPPUNIT_ASSERT_EQUAL(std::string("/2fa"), location(login(c, r.account, kStrongPassword)));
    page = c.get("/2fa");
    csrf = csrf_of(page.body);
    for (int i = 3; i <= 4; ++i) {
      HttpResponse w = post(c, "/2fa", {{"csrf", csrf}, {"otp", wrong}});
      CPPUNIT_ASSERT(contains(w.body, "還可再試 " + std::to_string(5 - i) + " 次"));
    }
    HttpResponse last = post(c, "/2fa", {{"csrf", csrf}, {"otp", wrong}});
    CPPUNIT_ASSERT_EQUAL(303L, last.status);
    CPPUNIT_ASSERT_EQUAL(std::string("/login?notice=locked"), location(last));
    CPPUNIT_ASSERT(contains(c.get("/login?notice=locked").body, kLocked));
    CPPUNIT_ASSERT(contains(location(c.get("/home")), "/login"));
    CPPUNIT_ASSERT_EQUAL(std::string("5"), account_sql(r.account, "totp_failed_count"));
    CPPUNIT_ASSERT_EQUAL(std::string("0"), account_sql(r.account, "failed_count"));
    CPPUNIT_ASSERT_EQUAL(std::string("1"),
                         account_sql(r.account, "locked_until > UTC_TIMESTAMP(6) + INTERVAL 14 MINUTE"));
    std::string id = account_sql(r.account, "id");
    CPPUNIT_ASSERT_EQUAL(std::string("1"),
                         scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'login.locked' AND "
                                "target = 'account:" + id + "'"));
    CPPUNIT_ASSERT(contains(sql("SELECT body FROM outbox WHERE recipient = '" + r.staff.email + "'"),
                            "雙因子驗證碼連續輸入 5 次錯誤"));
    // The other session, half logged in, is refused as well, and so is a new login.
    CPPUNIT_ASSERT_EQUAL(std::string("/login?notice=locked"),
                         location(post(b, "/2fa", {{"csrf", csrf_of(b.get("/2fa").body)},
                                                   {"otp", right}})));
    CPPUNIT_ASSERT(contains(login(b, r.account, kStrongPassword).body, kLocked));
  }

  void a_right_code_starts_the_count_afresh() {
    Ready r = ready_account();
    Browser b;
    login(b, r.account, kStrongPassword);
    std::string right = totp_now(r.key, 30);
    std::string wrong = right == "123456" ? "654321" : "123456";
    std::string csrf = csrf_of(b.get("/2fa").body);
    post(b, "/2fa", {{"csrf", csrf}, {"otp", wrong}});
    post(b, "/2fa", {{"csrf", csrf}, {"otp", wrong}});
    CPPUNIT_ASSERT_EQUAL(std::string("2"), account_sql(r.account, "totp_failed_count"));
    HttpResponse ok = post(b, "/2fa", {{"csrf", csrf}, {"otp", right}});
    CPPUNIT_ASSERT_EQUAL(std::string("/home"), location(ok));
    CPPUNIT_ASSERT_EQUAL(std::string("0"), account_sql(r.account, "totp_failed_count"));
  }

  void person_without_duty_gets_the_manuals_sentence() {
    Ready r = ready_account(false);
    Browser b;
    login(b, r.account, kStrongPassword);
    HttpResponse page = b.get("/2fa");
    CPPUNIT_ASSERT_EQUAL(
        std::string("/home"),
        location(post(b, "/2fa", {{"csrf", csrf_of(page.body)}, {"otp", totp_now(r.key, 30)}})));
    HttpResponse home = b.get("/home");
    CPPUNIT_ASSERT_EQUAL(200L, home.status);
    CPPUNIT_ASSERT(contains(home.body, kNoDuty));
    CPPUNIT_ASSERT(!contains(home.body, "/password/change"));
    CPPUNIT_ASSERT_EQUAL(std::string("/home"), location(b.get("/account/change")));
    CPPUNIT_ASSERT_EQUAL(std::string("/home"), location(b.get("/password/change")));
  }

  void session_id_changes_after_password_and_second_factor() {
    Ready r = ready_account();
    Browser b;
    b.get("/login");
    std::string before = b.cookie("xueji_session");
    CPPUNIT_ASSERT(!before.empty());
    login(b, r.account, kStrongPassword);
    std::string after_password = b.cookie("xueji_session");
    CPPUNIT_ASSERT(after_password != before);
    // The id an attacker might have planted is dead.
    Browser planted;
    planted.set_cookie("xueji_session", before);
    CPPUNIT_ASSERT(contains(location(planted.get("/2fa")), "/login"));
    HttpResponse page = b.get("/2fa");
    post(b, "/2fa", {{"csrf", csrf_of(page.body)}, {"otp", totp_now(r.key, 30)}});
    std::string after_code = b.cookie("xueji_session");
    CPPUNIT_ASSERT(after_code != after_password);
    Browser stale;
    stale.set_cookie("xueji_session", after_password);
    CPPUNIT_ASSERT(contains(location(stale.get("/home")), "/login"));
    CPPUNIT_ASSERT_EQUAL(200L, b.get("/home").status);
  }

  void logout_ends_the_session_in_the_database() {
    Ready r = ready_account();
    Browser b;
    login(b, r.account, kStrongPassword);
    HttpResponse page = b.get("/2fa");
    post(b, "/2fa", {{"csrf", csrf_of(page.body)}, {"otp", totp_now(r.key, 30)}});
    std::string cookie = b.cookie("xueji_session");
    HttpResponse home = b.get("/home");
    CPPUNIT_ASSERT(contains(home.body, "action=\"/logout\""));
    CPPUNIT_ASSERT_EQUAL(403L, post(b, "/logout", {{"csrf", "forged"}}).status);
    HttpResponse out = post(b, "/logout", {{"csrf", csrf_of(home.body)}});
    CPPUNIT_ASSERT_EQUAL(303L, out.status);
    CPPUNIT_ASSERT_EQUAL(std::string("/login?notice=logged_out"), location(out));
    CPPUNIT_ASSERT_EQUAL(std::string("0"),
                         trimmed(sql("SELECT COUNT(*) FROM sessions WHERE id_hash = UNHEX(SHA2('" +
                                     cookie + "', 256))")));
    Browser again;
    again.set_cookie("xueji_session", cookie);
    CPPUNIT_ASSERT(contains(location(again.get("/home")), "/login"));
  }

  void idle_session_expires() {
    Ready r = ready_account();
    Browser b;
    login(b, r.account, kStrongPassword);
    std::string cookie = b.cookie("xueji_session");
    sql("UPDATE sessions SET expires_at = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND, last_seen_at = "
        "UTC_TIMESTAMP(6) - INTERVAL 31 MINUTE WHERE id_hash = UNHEX(SHA2('" +
        cookie + "', 256))");
    CPPUNIT_ASSERT_EQUAL(std::string("/login?notice=expired"), location(b.get("/2fa")));
  }

  void voluntary_password_change_waits_a_day() {
    Ready r = ready_account();
    Browser b;
    login(b, r.account, kStrongPassword);
    HttpResponse page = b.get("/2fa");
    post(b, "/2fa", {{"csrf", csrf_of(page.body)}, {"otp", totp_now(r.key, 30)}});
    sql("UPDATE accounts SET password_changed_at = UTC_TIMESTAMP(6) - INTERVAL 2 HOUR WHERE "
        "login_key = LOWER('" +
        r.account + "')");
    page = b.get("/password/change");
    CPPUNIT_ASSERT_EQUAL(200L, page.status);
    CPPUNIT_ASSERT(contains(page.body, kOldPasswordHint));
    FormFields fields = {{"old_password", kStrongPassword},
                         {"new_password", kStrongPassword2},
                         {"new_password_confirm", kStrongPassword2}};
    HttpResponse young = submit(b, "/password/change", "password_change", fields);
    CPPUNIT_ASSERT_EQUAL(200L, young.status);
    CPPUNIT_ASSERT(contains(young.body, "須滿 1 天"));
    sql("UPDATE accounts SET password_changed_at = UTC_TIMESTAMP(6) - INTERVAL 25 HOUR WHERE "
        "login_key = LOWER('" +
        r.account + "')");
    HttpResponse changed = submit(b, "/password/change", "password_change", fields);
    CPPUNIT_ASSERT_EQUAL(std::string("/login?notice=password_changed"), location(changed));
    CPPUNIT_ASSERT_EQUAL(std::string("/2fa"), location(login(b, r.account, kStrongPassword2)));
  }

  void voluntary_rename_from_home() {
    Ready r = ready_account();
    Browser b;
    login(b, r.account, kStrongPassword);
    HttpResponse page = b.get("/2fa");
    post(b, "/2fa", {{"csrf", csrf_of(page.body)}, {"otp", totp_now(r.key, 30)}});
    CPPUNIT_ASSERT_EQUAL(200L, b.get("/home").status);
    Ready other = ready_account();
    HttpResponse taken =
        submit(b, "/account/change", "account_change", {{"new_account", other.account}});
    CPPUNIT_ASSERT(contains(taken.body, "此帳號已有人使用"));
    std::string new_name = good_name();
    HttpResponse renamed =
        submit(b, "/account/change", "account_change", {{"new_account", new_name}});
    CPPUNIT_ASSERT_EQUAL(std::string("/login?notice=renamed"), location(renamed));
    CPPUNIT_ASSERT_EQUAL(std::string("/2fa"), location(login(b, new_name, kStrongPassword)));
  }

  void new_password_may_not_hold_the_holders_id_or_a_recent_password() {
    Ready r = ready_account();
    sql("UPDATE accounts SET must_change_password = 1 WHERE login_key = LOWER('" + r.account +
        "')");
    Browser b;
    login(b, r.account, kStrongPassword);
    HttpResponse page = b.get("/2fa");
    HttpResponse ok = post(b, "/2fa", {{"csrf", csrf_of(page.body)}, {"otp", totp_now(r.key, 30)}});
    CPPUNIT_ASSERT_EQUAL(std::string("/password/change"), location(ok));
    std::string with_id = "Zz!" + r.staff.national_id + "-ok";
    HttpResponse id = submit(b, "/password/change", "password_change",
                             {{"old_password", kStrongPassword},
                              {"new_password", with_id},
                              {"new_password_confirm", with_id}});
    CPPUNIT_ASSERT(contains(id.body, "密碼不得包含身分證/外籍人士統一證號"));
    HttpResponse same = submit(b, "/password/change", "password_change",
                               {{"old_password", kStrongPassword},
                                {"new_password", kStrongPassword},
                                {"new_password_confirm", kStrongPassword}});
    CPPUNIT_ASSERT(contains(same.body, "不得與最近 3 次使用過的密碼相同"));
  }

  void ctl_reset_password_forces_a_change() {
    Ready r = ready_account();
    std::string out = ctl("account reset-password " + r.account);
    const std::string label = "的一次性密碼：";
    std::size_t at = out.find(label);
    CPPUNIT_ASSERT_MESSAGE(out, at != std::string::npos);
    at += label.size();
    std::string one_time = out.substr(at, out.find('\n', at) - at);
    CPPUNIT_ASSERT_EQUAL(std::size_t{16}, one_time.size());
    CPPUNIT_ASSERT(contains(outbox_subjects(r.staff.email), "密碼重設通知"));
    Browser b;
    CPPUNIT_ASSERT(contains(login(b, r.account, kStrongPassword).body, kNeutral));
    login(b, r.account, one_time);
    HttpResponse page = b.get("/2fa");
    HttpResponse ok = post(b, "/2fa", {{"csrf", csrf_of(page.body)}, {"otp", totp_now(r.key, 30)}});
    CPPUNIT_ASSERT_EQUAL(std::string("/password/change"), location(ok));
    CPPUNIT_ASSERT(contains(b.get("/password/change").body, "重設"));
    HttpResponse changed = submit(b, "/password/change", "password_change",
                                  {{"old_password", one_time},
                                   {"new_password", kStrongPassword2},
                                   {"new_password_confirm", kStrongPassword2}});
    CPPUNIT_ASSERT_EQUAL(std::string("/login?notice=password_changed"), location(changed));
  }

  void ctl_reset_2fa_forces_a_new_binding() {
    Ready r = ready_account();
    Browser b;
    login(b, r.account, kStrongPassword);  // a live half-logged-in session, ended by the reset
    std::string out = ctl("account reset-2fa " + r.account);
    CPPUNIT_ASSERT_MESSAGE(out, contains(out, "已重設"));
    CPPUNIT_ASSERT(contains(location(b.get("/2fa")), "/login"));
    CPPUNIT_ASSERT(contains(outbox_subjects(r.staff.email), "雙因子認證重設通知"));
    Browser c;
    CPPUNIT_ASSERT_EQUAL(std::string("/2fa/bind"), location(login(c, r.account, kStrongPassword)));
    std::string key = bind_totp(c);
    CPPUNIT_ASSERT(key != r.key);
  }

  void ctl_unlock_and_show() {
    Ready r = ready_account();
    Browser b;
    for (int i = 0; i < 3; ++i) login(b, r.account, "Wrong-Password-" + std::to_string(i));
    CPPUNIT_ASSERT(contains(ctl("account show " + r.account), "停用至"));
    CPPUNIT_ASSERT(contains(ctl("account unlock " + r.account), "已解除停用"));
    CPPUNIT_ASSERT_EQUAL(std::string("/2fa"), location(login(b, r.account, kStrongPassword)));
    std::string shown = ctl("account show " + r.account);
    CPPUNIT_ASSERT(contains(shown, xueji::mask_national_id(r.staff.national_id)));
    CPPUNIT_ASSERT(!contains(shown, r.staff.national_id));
    CPPUNIT_ASSERT_MESSAGE(shown, contains(shown, " 綁定") && !contains(shown, "未綁定"));
    CPPUNIT_ASSERT(contains(shown, "停用　　　：否"));
    CPPUNIT_ASSERT_THROW(ctl("account show nosuch" + digits(6)), std::runtime_error);
    CPPUNIT_ASSERT_THROW(ctl("account add-legacy --account x"), std::runtime_error);
    CPPUNIT_ASSERT_THROW(add_legacy(r.staff, good_name(), kStrongPassword), std::runtime_error);
  }

  void an_id_number_name_never_reaches_a_mail() {
    Staff s = new_staff();
    add_legacy(s, s.national_id, "password1234", "2021-03-01");
    Browser b;
    for (int i = 0; i < 3; ++i) login(b, s.national_id, "Wrong-Password-" + std::to_string(i));
    std::string body = sql("SELECT body FROM outbox WHERE recipient = '" + s.email + "'");
    CPPUNIT_ASSERT_MESSAGE(body, contains(body, xueji::mask_national_id(s.national_id)));
    CPPUNIT_ASSERT_MESSAGE(body, !contains(body, s.national_id));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(LoginTest);
