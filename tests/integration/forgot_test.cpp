// forgot_test.cpp: 忘記密碼 and 忘記帳號 over HTTP through nginx (issue 6), with mail read from the
// sink's Maildir: the whole reset as a person does it; the same answer (status, body apart from
// the CSRF token and the random code letters, and timing) for matching, non-matching and
// unverified-e-mail requests; wrong, expired, superseded and too-many codes; the password rules
// with history but without the minimum age; other sessions ended and the lock cleared; the daily
// mail cap and the session's limits; one consumption under concurrent submits; the account-name
// mail. Accounts are made with SQL directly (their Argon2 hash computed here).
#include <cppunit/extensions/HelperMacros.h>

#include <dirent.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <fstream>
#include <iostream>
#include <random>
#include <regex>
#include <sstream>
#include <thread>
#include <vector>

#include "core/crypto.h"
#include "core/national_id.h"
#include "core/password_hash.h"
#include "core/personal_data.h"
#include "tests/integration/support/http_client.h"
#include "tests/integration/support/maildir.h"
#include "tests/integration/support/stack.h"

using namespace xueji::testing;

namespace {

const std::string kResetSubject = "【國民中小學學籍管理系統 2.0】重設密碼通知信";
const std::string kAccountSubject = "【國民中小學學籍管理系統 2.0】帳號查詢通知信";
const std::string kDoneSubject = "【國民中小學學籍管理系統 2.0】密碼已重設通知";
const std::string kSentMessage =
    "若資料正確，系統已寄送驗證代碼至您的 E-Mail，請前往您的 E-Mail 收取信件";
const std::string kAccountSentMessage =
    "若資料正確，系統已將您的個人業務帳號寄送至您已驗證的 E-Mail";
const std::string kAaHint = "可洽詢貴校學校權限AA帳號持有者重設密碼";
const std::string kOldPassword = "Old-Harbor-Lamp-31";
const std::string kNewPassword = "New-River-Kite-58";
const std::string kBirth = "1984-03-15";

std::mt19937_64& rng() {
  static std::mt19937_64 engine{std::random_device{}()};
  return engine;
}

std::string digits(int n) {
  std::string out;
  for (int i = 0; i < n; ++i)
    out += static_cast<char>('0' + rng()() % 10);
  return out;
}

// A valid 身分證字號 nobody has yet (random letter and serial; the check digit that fits).
std::string new_national_id() {
  for (;;) {
    std::string body = std::string(1, "ABCDEFGHJKLMNPQRSTUVXYWZIO"[rng()() % 26]) +
                       (rng()() % 2 ? "1" : "2") + digits(7);
    for (char c = '0'; c <= '9'; ++c) {
      if (xueji::is_valid_national_id(body + c)) return body + c;
    }
  }
}

std::string server_secret() {
  std::ifstream in(var_dir() + "/secret", std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  std::string secret = trimmed(text.str());
  if (secret.size() < 32) throw std::runtime_error("cannot read the stack's secret");
  return secret;
}

std::string argon2(const std::string& password) {
  static xueji::crypto::Random random;
  return xueji::hash_password(password, random);
}

std::string school_id() {
  static std::string id = [] {
    std::string code = "FG" + digits(8);
    sql("INSERT INTO schools (code, name, created_at) VALUES ('" + code +
        "', '忘記測試國小', UTC_TIMESTAMP(6))");
    return scalar("SELECT id FROM schools WHERE code = '" + code + "'");
  }();
  return id;
}

// A person with a staff record and an account as the wizard leaves it (or, unverified, as the
// old system did), the password set 10 days ago and kept in the history.
struct Person {
  std::string national_id;
  std::string person_id;
  std::string account_id;
  std::string name;
  std::string login;
  std::string email;
};

Person add_person(bool verified, const std::string& login = "",
                  const std::string& national_id = "") {
  Person p;
  p.national_id = national_id.empty() ? new_national_id() : national_id;
  p.name = "林老師" + digits(2);
  p.login = login.empty() ? "fg" + digits(8) + "x" : login;
  p.email = "fg" + digits(10) + "@example.com";
  std::string hmac = xueji::crypto::to_hex(xueji::national_id_hmac(server_secret(), p.national_id));
  sql("INSERT INTO persons (id_hmac, id_masked, birth_date, created_at) VALUES (UNHEX('" + hmac +
      "'), '" + xueji::mask_national_id(p.national_id) + "', '" + kBirth + "', UTC_TIMESTAMP(6))");
  p.person_id = scalar("SELECT id FROM persons WHERE id_hmac = UNHEX('" + hmac + "')");
  sql("INSERT INTO staff (school_id, person_id, name, birth_date, created_at) VALUES (" +
      school_id() + ", " + p.person_id + ", '" + p.name + "', '" + kBirth + "', UTC_TIMESTAMP(6))");
  std::string hash = argon2(kOldPassword);
  sql("INSERT INTO accounts (person_id, login_name, login_key, password_hash, password_changed_at, "
      "email, email_verified_at, created_at) VALUES (" +
      p.person_id + ", '" + p.login + "', LOWER('" + p.login + "'), '" + hash +
      "', UTC_TIMESTAMP(6) - INTERVAL 10 DAY, '" + p.email + "', " +
      (verified ? "UTC_TIMESTAMP(6)" : "NULL") + ", UTC_TIMESTAMP(6))");
  p.account_id = scalar("SELECT id FROM accounts WHERE person_id = " + p.person_id);
  sql("INSERT INTO password_history (account_id, password_hash, created_at) VALUES (" +
      p.account_id + ", '" + hash + "', UTC_TIMESTAMP(6) - INTERVAL 10 DAY)");
  return p;
}

std::string account_column(const Person& p, const std::string& column) {
  return scalar("SELECT " + column + " FROM accounts WHERE id = " + p.account_id);
}

// ---- HTTP ----

// POSTs wait out nginx's per-address POST limit as a person would (a 429 never reached a worker).
HttpResponse post(Browser& b, const std::string& path, const FormFields& fields) {
  for (int attempt = 0;; ++attempt) {
    HttpResponse r = b.post(path, fields);
    if (r.status != 429 || attempt >= 100) return r;
    std::this_thread::sleep_for(std::chrono::milliseconds(150));
  }
}

bool redirects_to(const HttpResponse& r, const std::string& path) {
  return r.status == 303 && r.header("location") == path;
}

std::string session_hash_sql(Browser& b) {
  return "UNHEX(SHA2('" + b.cookie("xueji_session") + "', 256))";
}

std::string wrong_captcha() {
  return captcha_answer() == "0000" ? "1111" : "0000";
}

// 忘記密碼 with these details; `page` keeps the form page's answer (for its CSRF token).
HttpResponse request_reset(Browser& b, const std::string& account, const std::string& id,
                           const std::string& birth = kBirth,
                           const std::string& captcha = captcha_answer()) {
  HttpResponse page = b.get("/forgot/password");
  CPPUNIT_ASSERT_EQUAL(200L, page.status);
  b.get("/captcha?form=forgot_password");
  return post(b, "/forgot/password",
              {{"csrf", csrf_of(page.body)},
               {"account", account},
               {"national_id", id},
               {"birth_date", birth},
               {"captcha", captcha}});
}

HttpResponse reset_with(Browser& b, const std::string& code, const std::string& password,
                        const std::string& confirm) {
  HttpResponse page = b.get("/forgot/password/reset");
  CPPUNIT_ASSERT_EQUAL_MESSAGE(page.body, 200L, page.status);
  return post(b, "/forgot/password/reset",
              {{"csrf", csrf_of(page.body)},
               {"code", code},
               {"new_password", password},
               {"new_password_confirm", confirm}});
}
HttpResponse reset_with(Browser& b, const std::string& code, const std::string& password) {
  return reset_with(b, code, password, password);
}

HttpResponse resend(Browser& b) {
  HttpResponse page = b.get("/forgot/password/reset");
  return post(b, "/forgot/password/reset", {{"csrf", csrf_of(page.body)}, {"action", "resend"}});
}

HttpResponse request_account(Browser& b, const std::string& id, const std::string& birth = kBirth,
                             const std::string& captcha = captcha_answer()) {
  HttpResponse page = b.get("/forgot/account");
  CPPUNIT_ASSERT_EQUAL(200L, page.status);
  b.get("/captcha?form=forgot_account");
  return post(b, "/forgot/account",
              {{"csrf", csrf_of(page.body)},
               {"national_id", id},
               {"birth_date", birth},
               {"captcha", captcha}});
}

HttpResponse login(Browser& b, const std::string& account, const std::string& password) {
  HttpResponse page = b.get("/login");
  b.get("/captcha?form=login");
  return post(b, "/login",
              {{"csrf", csrf_of(page.body)},
               {"account", account},
               {"password", password},
               {"captcha", captcha_answer()}});
}

// The page with what differs between any two requests blanked: the CSRF token, the random code
// letters and the clock values (unix seconds and mm:ss).
std::string normalized(std::string html) {
  html = std::regex_replace(html, std::regex(R"(name="csrf" value="[^"]*")"), "name=\"csrf\"");
  html = std::regex_replace(html, std::regex(R"(id="code-prefix"([^>]*)>[A-Z]{2}<)"),
                            "id=\"code-prefix\"$1>XX<");
  html = std::regex_replace(html, std::regex(R"("\d{9,}")"), "\"T\"");
  html = std::regex_replace(html, std::regex(R"(>\d\d:\d\d<)"), ">MM:SS<");
  return html;
}

std::string text_of(const std::string& html, const std::string& id) {
  std::size_t at = html.find("id=\"" + id + "\"");
  if (at == std::string::npos) return "";
  std::size_t start = html.find('>', at) + 1;
  return html.substr(start, html.find('<', start) - start);
}

// ---- Mail: the outbox (at once) and the sink's Maildir (what was delivered). ----

int outbox_count(const std::string& address, const std::string& subject) {
  return std::stoi(scalar("SELECT COUNT(*) FROM outbox WHERE recipient = '" + address +
                          "' AND subject = '" + subject + "'"));
}

// The newest reset code mailed to `address` ("" when none).
std::string mailed_code(const std::string& address) {
  return scalar(
      "SELECT IFNULL(REGEXP_SUBSTR(body, '[A-Z]{2}-[0-9]{6}'), '') FROM outbox "
      "WHERE recipient = '" +
      address + "' AND subject = '" + kResetSubject + "' ORDER BY id DESC LIMIT 1");
}


std::string audit_actions(const Person& p) {
  return scalar(
      "SELECT IFNULL(GROUP_CONCAT(action ORDER BY id SEPARATOR ' '), '') FROM audit_log "
      "WHERE target = 'account:" +
      p.account_id + "'");
}

int count_action(const Person& p, const std::string& action) {
  return std::stoi(scalar("SELECT COUNT(*) FROM audit_log WHERE action = '" + action +
                          "' AND target = 'account:" + p.account_id + "'"));
}

// Lets a request's limits pass: the session's and the address's codes an hour older, and the
// account's requests a day older.
void age_requests(const Person& p) {
  sql("UPDATE email_codes SET sent_at = sent_at - INTERVAL 2 HOUR, expires_at = expires_at - "
      "INTERVAL 2 HOUR WHERE address = '" +
      p.email + "'");
  sql("UPDATE forgot_requests SET requested_at = requested_at - INTERVAL 25 HOUR "
      "WHERE account_id = " +
      p.account_id);
}

void age_session_codes(Browser& b, int seconds) {
  sql("UPDATE email_codes SET sent_at = sent_at - INTERVAL " + std::to_string(seconds) +
      " SECOND WHERE session_hash = " + session_hash_sql(b));
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

}  // namespace

class ForgotTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(ForgotTest);
  CPPUNIT_TEST(full_reset_as_a_person_does_it);
  CPPUNIT_TEST(pages_say_who_may_use_them);
  CPPUNIT_TEST(answer_is_the_same_whatever_matched);
  CPPUNIT_TEST(answer_takes_the_same_time_whatever_matched);
  CPPUNIT_TEST(account_name_alone_or_with_the_id_number_identifies);
  CPPUNIT_TEST(unverified_email_gets_no_mail);
  CPPUNIT_TEST(captcha_is_checked_before_anything_else);
  CPPUNIT_TEST(fields_are_checked_before_any_lookup);
  CPPUNIT_TEST(wrong_code_counts_and_five_kill_it);
  CPPUNIT_TEST(expired_code_is_refused);
  CPPUNIT_TEST(superseded_code_names_the_newest_letters);
  CPPUNIT_TEST(session_without_a_mailed_code_hears_only_wrong_or_expired);
  CPPUNIT_TEST(password_rules_apply_after_the_code_without_minimum_age);
  CPPUNIT_TEST(last_three_passwords_are_refused);
  CPPUNIT_TEST(reset_ends_other_sessions_and_clears_the_lock);
  CPPUNIT_TEST(at_most_three_reset_mails_a_day_per_account);
  CPPUNIT_TEST(resend_has_a_cooldown_and_the_session_an_hourly_limit);
  CPPUNIT_TEST(two_concurrent_resets_consume_the_code_once);
  CPPUNIT_TEST(code_from_another_browser_session_is_wrong);
  CPPUNIT_TEST(reset_page_without_a_request_goes_to_the_form);
  CPPUNIT_TEST(forgot_account_mails_the_name_and_never_shows_it);
  CPPUNIT_TEST(forgot_account_answer_is_the_same_whatever_matched);
  CPPUNIT_TEST(forgot_account_masks_an_id_number_name_and_caps_mails);
  CPPUNIT_TEST(forgot_password_of_an_id_number_account_mails_no_code);
  CPPUNIT_TEST_SUITE_END();

 public:
  void full_reset_as_a_person_does_it() {
    Person p = add_person(true);
    // Locked after wrong passwords, flagged for an admin change, and logged in elsewhere.
    Browser elsewhere;
    CPPUNIT_ASSERT_EQUAL(303L, login(elsewhere, p.login, kOldPassword).status);
    sql("UPDATE accounts SET failed_count = 3, locked_until = UTC_TIMESTAMP(6) + INTERVAL 10 "
        "MINUTE, must_change_password = 1 WHERE id = " +
        p.account_id);

    Browser b;
    HttpResponse r = request_reset(b, "", p.national_id);
    CPPUNIT_ASSERT_MESSAGE(r.body, redirects_to(r, "/forgot/password/reset"));
    HttpResponse page = b.get("/forgot/password/reset");
    CPPUNIT_ASSERT_EQUAL(200L, page.status);
    CPPUNIT_ASSERT(contains(page.body, kSentMessage));
    CPPUNIT_ASSERT(contains(page.body, "data-alert-once"));
    CPPUNIT_ASSERT(!contains(page.body, p.email));
    CPPUNIT_ASSERT(!contains(page.body, p.login));
    // The flash is shown once.
    CPPUNIT_ASSERT(!contains(b.get("/forgot/password/reset").body, "data-alert-once"));

    // The mail arrives with the exact subject, the person's name and the letters the page shows.
    std::vector<Mail> mails = delivered(p.email, kResetSubject);
    CPPUNIT_ASSERT_EQUAL(std::size_t(1), mails.size());
    std::smatch m;
    CPPUNIT_ASSERT(std::regex_search(mails[0].body, m, std::regex("([A-HJ-NP-Z]{2})-([0-9]{6})")));
    std::string prefix = m[1], code = m[2];
    CPPUNIT_ASSERT_EQUAL(prefix, text_of(page.body, "code-prefix"));
    CPPUNIT_ASSERT(contains(mails[0].body, p.name + " 您好："));
    CPPUNIT_ASSERT(contains(mails[0].body, p.login));
    std::smatch t;
    CPPUNIT_ASSERT(std::regex_search(
        page.body, t, std::regex(R"re(data-countdown-until="(\d+)" data-server-now="(\d+)")re")));
    long left = std::stol(t[1]) - std::stol(t[2]);
    CPPUNIT_ASSERT_MESSAGE(std::to_string(left), left > 280 && left <= 300);
    // Stored: the keyed hash only, for the purpose "reset".
    CPPUNIT_ASSERT_EQUAL(
        std::string("reset\tlive"),
        scalar("SELECT purpose, state FROM email_codes WHERE address = '" + p.email + "'"));

    r = reset_with(b, code, kNewPassword);
    CPPUNIT_ASSERT_MESSAGE(r.body, redirects_to(r, "/login?notice=password_reset"));
    HttpResponse notice = b.get("/login?notice=password_reset");
    CPPUNIT_ASSERT(contains(notice.body, "密碼已重設成功"));

    // The account: new Argon2id hash, change time now, lock cleared, no forced change.
    std::string hash = account_column(p, "password_hash");
    CPPUNIT_ASSERT(xueji::verify_password(hash, kNewPassword));
    CPPUNIT_ASSERT_EQUAL(std::string("0\t1\t0"),
                         scalar("SELECT failed_count, locked_until IS NULL, must_change_password "
                                "FROM accounts WHERE id = " +
                                p.account_id));
    CPPUNIT_ASSERT_EQUAL(std::string("1"),
                         account_column(p,
                                        "password_changed_at > UTC_TIMESTAMP(6) - "
                                        "INTERVAL 1 MINUTE"));
    CPPUNIT_ASSERT_EQUAL(std::string("2"), scalar("SELECT COUNT(*) FROM password_history WHERE "
                                                  "account_id = " +
                                                  p.account_id));
    CPPUNIT_ASSERT_EQUAL(std::string("used"), scalar("SELECT state FROM email_codes WHERE "
                                                     "address = '" +
                                                     p.email + "'"));
    // Every session of the account is gone; the other browser is logged out.
    CPPUNIT_ASSERT_EQUAL(std::string("0"), scalar("SELECT COUNT(*) FROM sessions WHERE "
                                                  "account_id = " +
                                                  p.account_id));
    HttpResponse other = elsewhere.get("/home");
    CPPUNIT_ASSERT_EQUAL(303L, other.status);
    CPPUNIT_ASSERT(contains(other.header("location"), "/login"));
    // The notice mail, and the new password logs in (the lock is gone).
    std::vector<Mail> done = delivered(p.email, kDoneSubject);
    CPPUNIT_ASSERT_EQUAL(std::size_t(1), done.size());
    CPPUNIT_ASSERT(contains(done[0].body, "【忘記密碼】功能重設密碼"));
    Browser again;
    HttpResponse in = login(again, p.login, kNewPassword);
    CPPUNIT_ASSERT_EQUAL(303L, in.status);
    CPPUNIT_ASSERT(in.header("location") != "/login");
    // The code cannot be used twice.
    Browser replay;
    replay.set_cookie("xueji_session", b.cookie("xueji_session"));
    CPPUNIT_ASSERT(redirects_to(replay.get("/forgot/password/reset"), "/forgot/password"));

    // Audit rows, with neither the code, the passwords nor the clear ID number.
    std::string actions = audit_actions(p);
    CPPUNIT_ASSERT_MESSAGE(actions, contains(actions, "forgot.password.mailed"));
    CPPUNIT_ASSERT_MESSAGE(actions, contains(actions, "forgot.password.reset"));
    std::string audit =
        sql("SELECT actor, action, IFNULL(target, '') FROM audit_log WHERE "
            "action LIKE 'forgot.%'");
    for (const std::string& secret : {p.national_id, code, prefix + "-" + code, kNewPassword}) {
      CPPUNIT_ASSERT_MESSAGE(secret, !contains(audit, secret));
    }
  }

  void pages_say_who_may_use_them() {
    Browser b;
    HttpResponse page = b.get("/forgot/password");
    for (const char* text :
         {"忘記密碼", "帳號", "身分證/外籍人士統一證號", "出生年月日", "日期格式為yyyy-mm-dd。",
          "驗證碼", "更換圖片", "送出", "/captcha?form=forgot_password", "返回登入頁面",
          "忘記密碼：僅限已驗證E-Mail之業務承辦人操作，若E-Mail已無法收信，"
          "可洽詢貴校學校權限AA帳號持有者重設密碼或透過諮詢專員重設E-Mail。"}) {
      CPPUNIT_ASSERT_MESSAGE(text, contains(page.body, text));
    }
    page = b.get("/forgot/account");
    for (const char* text : {"忘記帳號", "身分證/外籍人士統一證號", "出生年月日", "驗證碼",
                             "/captcha?form=forgot_account", "帳號不會顯示於本頁面"}) {
      CPPUNIT_ASSERT_MESSAGE(text, contains(page.body, text));
    }
    // The login page links here.
    std::string login_page = b.get("/login").body;
    CPPUNIT_ASSERT(contains(login_page, "href=\"/forgot/password\""));
    CPPUNIT_ASSERT(contains(login_page, "href=\"/forgot/account\""));
  }

  void answer_is_the_same_whatever_matched() {
    Person verified = add_person(true);
    Person unverified = add_person(false);
    struct Case {
      std::string name, account, id;
    };
    std::vector<Case> cases = {{"matching", "", verified.national_id},
                               {"unknown ID", "", new_national_id()},
                               {"wrong birth date", verified.login, ""},
                               {"unverified e-mail", "", unverified.national_id},
                               {"unknown account", "nobody" + digits(6) + "x", ""}};
    std::vector<HttpResponse> answers, pages;
    for (const Case& c : cases) {
      Browser b;
      std::string birth = c.name == "wrong birth date" ? "1984-03-16" : kBirth;
      answers.push_back(request_reset(b, c.account, c.id, birth));
      pages.push_back(b.get("/forgot/password/reset"));
    }
    for (std::size_t i = 0; i < cases.size(); ++i) {
      const std::string& name = cases[i].name;
      CPPUNIT_ASSERT_EQUAL_MESSAGE(name, 303L, answers[i].status);
      CPPUNIT_ASSERT_EQUAL_MESSAGE(name, std::string("/forgot/password/reset"),
                                   answers[i].header("location"));
      CPPUNIT_ASSERT_EQUAL_MESSAGE(name, answers[0].body, answers[i].body);
      CPPUNIT_ASSERT_EQUAL_MESSAGE(name, answers[0].headers.size(), answers[i].headers.size());
      CPPUNIT_ASSERT_EQUAL_MESSAGE(name, 200L, pages[i].status);
      CPPUNIT_ASSERT_EQUAL_MESSAGE(name, normalized(pages[0].body), normalized(pages[i].body));
      CPPUNIT_ASSERT_MESSAGE(name, contains(pages[i].body, kSentMessage));
    }
    // Only the matching, verified account got a mail.
    CPPUNIT_ASSERT_EQUAL(1, outbox_count(verified.email, kResetSubject));
    CPPUNIT_ASSERT_EQUAL(0, outbox_count(unverified.email, kResetSubject));
    CPPUNIT_ASSERT_EQUAL(1, count_action(verified, "forgot.password.mailed"));
    CPPUNIT_ASSERT_EQUAL(1, count_action(unverified, "forgot.password.unverified"));
  }

  void answer_takes_the_same_time_whatever_matched() {
    Person verified = add_person(true);
    Person unverified = add_person(false);
    constexpr int kRounds = 20;
    // [form][case]: 忘記密碼 and 忘記帳號; matching, unknown ID number, unverified e-mail.
    std::vector<double> times[2][3];
    for (int i = 0; i < kRounds; ++i) {
      // Fresh sessions and aged requests so that no limit holds and every match is mailed.
      age_requests(verified);
      const std::string ids[3] = {verified.national_id, new_national_id(), unverified.national_id};
      for (int c = 0; c < 3; ++c) {
        Browser b;
        HttpResponse r = request_reset(b, "", ids[c]);
        CPPUNIT_ASSERT(redirects_to(r, "/forgot/password/reset"));
        times[0][c].push_back(r.seconds);
        Browser a;
        r = request_account(a, ids[c]);
        CPPUNIT_ASSERT(redirects_to(r, "/forgot/account"));
        times[1][c].push_back(r.seconds);
      }
    }
    CPPUNIT_ASSERT_EQUAL(kRounds, count_action(verified, "forgot.password.mailed"));
    CPPUNIT_ASSERT_EQUAL(kRounds, count_action(verified, "forgot.account.mailed"));
    const char* forms[2] = {"忘記密碼", "忘記帳號"};
    for (int f = 0; f < 2; ++f) {
      double m = median(times[f][0]), u = median(times[f][1]), n = median(times[f][2]);
      std::cerr << "\n  " << forms[f] << " POST medians over " << kRounds << " requests: matching "
                << m * 1000 << " ms, unknown " << u * 1000 << " ms, unverified " << n * 1000
                << " ms";
      // One timing class: the same work is done, so no answer stands apart from another. Each
      // round's three requests run back to back, so the ratio within a round cancels the
      // machine's slow moments; on a loaded machine a burst can still land on one case of many
      // rounds, so the ratio of the medians counts too. A real difference (an Argon2 hash, a
      // mail written, for one case alone) moves both well past the bound.
      auto within = [](double ratio) { return ratio >= 1 / 1.35 && ratio <= 1.35; };
      for (int c : {1, 2}) {
        std::vector<double> ratios;
        for (int i = 0; i < kRounds; ++i) ratios.push_back(times[f][c][i] / times[f][0][i]);
        double per_round = median(ratios), of_medians = median(times[f][c]) / median(times[f][0]);
        CPPUNIT_ASSERT_MESSAGE(std::string(forms[f]) + " case " + std::to_string(c) +
                                   ": median ratio to matching " + std::to_string(per_round) +
                                   ", ratio of the medians " + std::to_string(of_medians),
                               within(per_round) || within(of_medians));
      }
    }
    std::cerr << "\n";
  }

  void account_name_alone_or_with_the_id_number_identifies() {
    Person p = add_person(true);
    Browser by_name;
    // Names are case-blind.
    std::string upper = p.login;
    std::transform(upper.begin(), upper.end(), upper.begin(), ::toupper);
    CPPUNIT_ASSERT(redirects_to(request_reset(by_name, upper, ""), "/forgot/password/reset"));
    CPPUNIT_ASSERT_EQUAL(1, outbox_count(p.email, kResetSubject));
    Browser both;
    CPPUNIT_ASSERT(
        redirects_to(request_reset(both, p.login, p.national_id), "/forgot/password/reset"));
    CPPUNIT_ASSERT_EQUAL(2, outbox_count(p.email, kResetSubject));
    // Both given, but naming different people: nothing is sent.
    Person other = add_person(true);
    Browser mixed;
    CPPUNIT_ASSERT(
        redirects_to(request_reset(mixed, p.login, other.national_id), "/forgot/password/reset"));
    CPPUNIT_ASSERT_EQUAL(2, outbox_count(p.email, kResetSubject));
    CPPUNIT_ASSERT_EQUAL(0, outbox_count(other.email, kResetSubject));
  }

  void unverified_email_gets_no_mail() {
    Person p = add_person(false);
    Browser b;
    CPPUNIT_ASSERT(
        redirects_to(request_reset(b, p.login, p.national_id), "/forgot/password/reset"));
    HttpResponse page = b.get("/forgot/password/reset");
    CPPUNIT_ASSERT(contains(page.body, kSentMessage));
    CPPUNIT_ASSERT(contains(page.body, kAaHint));
    CPPUNIT_ASSERT_EQUAL(0, outbox_count(p.email, kResetSubject));
    CPPUNIT_ASSERT_EQUAL(
        std::string("0"),
        scalar("SELECT COUNT(*) FROM email_codes WHERE address = '" + p.email + "'"));
    CPPUNIT_ASSERT_EQUAL(1, count_action(p, "forgot.password.unverified"));
    // Nothing typed on the reset page can reset it.
    HttpResponse r = reset_with(b, "123456", kNewPassword);
    CPPUNIT_ASSERT_EQUAL(200L, r.status);
    CPPUNIT_ASSERT(xueji::verify_password(account_column(p, "password_hash"), kOldPassword));
  }

  void captcha_is_checked_before_anything_else() {
    Person p = add_person(true);
    Browser b;
    HttpResponse r = request_reset(b, "", p.national_id, kBirth, wrong_captcha());
    CPPUNIT_ASSERT_EQUAL(200L, r.status);
    CPPUNIT_ASSERT(contains(r.body, "id=\"captcha-error\""));
    CPPUNIT_ASSERT(contains(r.body, "value=\"" + p.national_id + "\""));  // kept for a retry
    // Without a fresh image the captcha is missing, even with the right digits.
    HttpResponse page = b.get("/forgot/password");
    r = post(b, "/forgot/password",
             {{"csrf", csrf_of(page.body)},
              {"national_id", p.national_id},
              {"birth_date", kBirth},
              {"captcha", captcha_answer()}});
    CPPUNIT_ASSERT(contains(r.body, "id=\"captcha-error\""));
    CPPUNIT_ASSERT(redirects_to(b.get("/forgot/password/reset"), "/forgot/password"));
    CPPUNIT_ASSERT_EQUAL(0, outbox_count(p.email, kResetSubject));
    CPPUNIT_ASSERT_EQUAL(std::string(""), audit_actions(p));

    Browser c;
    r = request_account(c, p.national_id, kBirth, wrong_captcha());
    CPPUNIT_ASSERT_EQUAL(200L, r.status);
    CPPUNIT_ASSERT(contains(r.body, "id=\"captcha-error\""));
    CPPUNIT_ASSERT_EQUAL(0, outbox_count(p.email, kAccountSubject));
    // A POST without the session's CSRF token is refused outright.
    CPPUNIT_ASSERT_EQUAL(403L, post(c, "/forgot/account", {{"national_id", p.national_id}}).status);
  }

  void fields_are_checked_before_any_lookup() {
    Browser b;
    HttpResponse r = request_reset(b, "", "");
    CPPUNIT_ASSERT_EQUAL(200L, r.status);
    CPPUNIT_ASSERT(contains(r.body, "請輸入帳號或身分證/外籍人士統一證號（至少擇一填寫）。"));
    r = request_reset(b, "", "A123456788");
    CPPUNIT_ASSERT(contains(r.body, "身分證/外籍人士統一證號格式不正確"));
    r = request_reset(b, "", new_national_id(), "1984/03/15");
    CPPUNIT_ASSERT(contains(r.body, "出生年月日格式不正確"));
    CPPUNIT_ASSERT(redirects_to(b.get("/forgot/password/reset"), "/forgot/password"));
    Browser c;
    r = request_account(c, "");
    CPPUNIT_ASSERT(contains(r.body, "請輸入身分證/外籍人士統一證號。"));
  }

  void wrong_code_counts_and_five_kill_it() {
    Person p = add_person(true);
    Browser b;
    request_reset(b, "", p.national_id);
    std::string code = mailed_code(p.email).substr(3);
    std::string wrong = code == "000000" ? "111111" : "000000";
    HttpResponse r = reset_with(b, wrong, kNewPassword);
    CPPUNIT_ASSERT_EQUAL(200L, r.status);
    CPPUNIT_ASSERT_MESSAGE(r.body, contains(r.body, "驗證代碼錯誤，請確認英文碼為"));
    CPPUNIT_ASSERT(contains(r.body, "還可再試 4 次"));
    for (int i = 0; i < 3; ++i)
      reset_with(b, wrong, kNewPassword);
    r = reset_with(b, wrong, kNewPassword);
    CPPUNIT_ASSERT(contains(r.body, "驗證代碼錯誤已達 5 次，此驗證代碼已失效"));
    // Now even the right code is refused.
    r = reset_with(b, code, kNewPassword);
    CPPUNIT_ASSERT(contains(r.body, "驗證代碼錯誤已達 5 次"));
    CPPUNIT_ASSERT_EQUAL(std::string("dead"),
                         scalar("SELECT state FROM email_codes WHERE address = '" + p.email + "'"));
    CPPUNIT_ASSERT(xueji::verify_password(account_column(p, "password_hash"), kOldPassword));
  }

  void expired_code_is_refused() {
    Person p = add_person(true);
    Browser b;
    request_reset(b, "", p.national_id);
    std::string code = mailed_code(p.email).substr(3);
    sql("UPDATE email_codes SET sent_at = sent_at - INTERVAL 6 MINUTE, expires_at = expires_at - "
        "INTERVAL 6 MINUTE WHERE address = '" +
        p.email + "'");
    HttpResponse page = b.get("/forgot/password/reset");
    CPPUNIT_ASSERT(contains(page.body, "id=\"code-expired\""));
    HttpResponse r = reset_with(b, code, kNewPassword);
    CPPUNIT_ASSERT_MESSAGE(r.body, contains(r.body, "驗證代碼已超過 5 分鐘而失效"));
    CPPUNIT_ASSERT(xueji::verify_password(account_column(p, "password_hash"), kOldPassword));
  }

  void superseded_code_names_the_newest_letters() {
    Person p = add_person(true);
    Browser b;
    request_reset(b, "", p.national_id);
    std::string first = mailed_code(p.email);
    age_session_codes(b, 181);
    HttpResponse r = resend(b);
    CPPUNIT_ASSERT_MESSAGE(r.body, redirects_to(r, "/forgot/password/reset"));
    HttpResponse page = b.get("/forgot/password/reset");
    CPPUNIT_ASSERT(contains(page.body, "已重新發送驗證代碼"));
    std::string second = mailed_code(p.email);
    CPPUNIT_ASSERT(first.substr(0, 2) != second.substr(0, 2));
    CPPUNIT_ASSERT_EQUAL(second.substr(0, 2), text_of(page.body, "code-prefix"));
    CPPUNIT_ASSERT_EQUAL(2, outbox_count(p.email, kResetSubject));
    // The first mail's code, by its digits or whole.
    for (const std::string& typed : {first.substr(3), first}) {
      r = reset_with(b, typed, kNewPassword);
      CPPUNIT_ASSERT_MESSAGE(r.body, contains(r.body, "此驗證代碼已失效，請輸入英文碼為 " +
                                                          second.substr(0, 2) + " 的最新驗證代碼"));
    }
    CPPUNIT_ASSERT(xueji::verify_password(account_column(p, "password_hash"), kOldPassword));
    r = reset_with(b, second, kNewPassword);
    CPPUNIT_ASSERT_MESSAGE(r.body, redirects_to(r, "/login?notice=password_reset"));
  }

  void session_without_a_mailed_code_hears_only_wrong_or_expired() {
    Browser b;
    request_reset(b, "", new_national_id());
    HttpResponse r = reset_with(b, "123456", kNewPassword);
    CPPUNIT_ASSERT_EQUAL(200L, r.status);
    CPPUNIT_ASSERT(contains(r.body, "還可再試 4 次"));
    for (int i = 0; i < 4; ++i)
      r = reset_with(b, "123456", kNewPassword);
    CPPUNIT_ASSERT(contains(r.body, "驗證代碼錯誤已達 5 次"));
    Browser c;
    request_reset(c, "", new_national_id());
    age_session_codes(c, 360);
    sql("UPDATE email_codes SET expires_at = expires_at - INTERVAL 6 MINUTE WHERE session_hash = " +
        session_hash_sql(c));
    r = reset_with(c, "123456", kNewPassword);
    CPPUNIT_ASSERT(contains(r.body, "驗證代碼已超過 5 分鐘而失效"));
    // Its resend is accepted like any other.
    CPPUNIT_ASSERT(redirects_to(resend(c), "/forgot/password/reset"));
  }

  void password_rules_apply_after_the_code_without_minimum_age() {
    Person p = add_person(true);
    // Changed a minute ago: the minimum age does not hold a reset.
    sql("UPDATE accounts SET password_changed_at = UTC_TIMESTAMP(6) - INTERVAL 1 MINUTE WHERE "
        "id = " +
        p.account_id);
    Browser b;
    request_reset(b, "", p.national_id);
    std::string code = mailed_code(p.email).substr(3);
    // Rules that need no account are checked first, without judging (or counting) the code.
    HttpResponse r = reset_with(b, "000000", "short1A!");
    CPPUNIT_ASSERT(contains(r.body, "密碼長度須為 12 至 64 個字元"));
    r = reset_with(b, code, kNewPassword, kNewPassword + "x");
    CPPUNIT_ASSERT(contains(r.body, "兩次輸入的新密碼不一致"));
    r = reset_with(b, code, "");
    CPPUNIT_ASSERT(contains(r.body, "請輸入密碼"));
    CPPUNIT_ASSERT_EQUAL(std::string("0"),
                         scalar("SELECT tries FROM email_codes WHERE address = '" + p.email + "'"));
    // Rules naming the holder only once the code is right; the code stays usable.
    r = reset_with(b, code, "Zz-" + p.login + "-9");
    CPPUNIT_ASSERT_MESSAGE(r.body, contains(r.body, "密碼不得包含帳號"));
    CPPUNIT_ASSERT(contains(r.body, "驗證代碼正確"));
    CPPUNIT_ASSERT(contains(r.body, "value=\"" + code + "\""));
    r = reset_with(b, code, "Kite!" + p.national_id);
    CPPUNIT_ASSERT(contains(r.body, "密碼不得包含身分證/外籍人士統一證號"));
    r = reset_with(b, code, "Kite!x19840315");
    CPPUNIT_ASSERT(contains(r.body, "密碼不得包含出生年月日"));
    CPPUNIT_ASSERT_EQUAL(std::string("live"),
                         scalar("SELECT state FROM email_codes WHERE address = '" + p.email + "'"));
    r = reset_with(b, code, kNewPassword);
    CPPUNIT_ASSERT_MESSAGE(r.body, redirects_to(r, "/login?notice=password_reset"));
    CPPUNIT_ASSERT(xueji::verify_password(account_column(p, "password_hash"), kNewPassword));
    // The typed password appears nowhere in the audit log.
    CPPUNIT_ASSERT(!contains(sql("SELECT action, IFNULL(target, '') FROM audit_log WHERE "
                                 "action LIKE 'forgot.%'"),
                             "Kite!"));
  }

  void last_three_passwords_are_refused() {
    Person p = add_person(true);
    // History, newest first: the current password, then two older ones, then a fourth.
    const std::string older1 = "Older-One-Pass-11", older2 = "Older-Two-Pass-22",
                      oldest = "Oldest-Pass-Word-33";
    int days = 20;
    for (const std::string& pw : {older1, older2, oldest}) {
      sql("INSERT INTO password_history (account_id, password_hash, created_at) VALUES (" +
          p.account_id + ", '" + argon2(pw) + "', UTC_TIMESTAMP(6) - INTERVAL " +
          std::to_string(days) + " DAY)");
      days += 10;
    }
    Browser b;
    request_reset(b, "", p.national_id);
    std::string code = mailed_code(p.email).substr(3);
    for (const std::string& reused : {kOldPassword, older1, older2}) {
      HttpResponse r = reset_with(b, code, reused);
      CPPUNIT_ASSERT_MESSAGE(reused, contains(r.body, "新密碼不得與最近 3 次使用過的密碼相同"));
    }
    // The fourth newest is no longer remembered as recent.
    HttpResponse r = reset_with(b, code, oldest);
    CPPUNIT_ASSERT_MESSAGE(r.body, redirects_to(r, "/login?notice=password_reset"));
    CPPUNIT_ASSERT(xueji::verify_password(account_column(p, "password_hash"), oldest));
  }

  void reset_ends_other_sessions_and_clears_the_lock() {
    Person p = add_person(true);
    Browser one, two;
    CPPUNIT_ASSERT_EQUAL(303L, login(one, p.login, kOldPassword).status);
    CPPUNIT_ASSERT_EQUAL(303L, login(two, p.login, kOldPassword).status);
    CPPUNIT_ASSERT_EQUAL(
        std::string("2"),
        scalar("SELECT COUNT(*) FROM sessions WHERE account_id = " + p.account_id));
    // Three wrong passwords lock the account.
    Browser wrong;
    for (int i = 0; i < 3; ++i)
      login(wrong, p.login, "Wrong-Password-9" + std::to_string(i));
    CPPUNIT_ASSERT_EQUAL(std::string("1"), account_column(p, "locked_until > UTC_TIMESTAMP(6)"));
    CPPUNIT_ASSERT(contains(login(wrong, p.login, kOldPassword).body, "帳號已暫時停用"));

    Browser b;
    request_reset(b, p.login, "");
    HttpResponse r = reset_with(b, mailed_code(p.email), kNewPassword);
    CPPUNIT_ASSERT_MESSAGE(r.body, redirects_to(r, "/login?notice=password_reset"));
    CPPUNIT_ASSERT_EQUAL(
        std::string("0"),
        scalar("SELECT COUNT(*) FROM sessions WHERE account_id = " + p.account_id));
    for (Browser* other : {&one, &two}) {
      CPPUNIT_ASSERT(contains(other->get("/home").header("location"), "/login"));
    }
    // The lock is gone: the new password logs in at once.
    HttpResponse in = login(wrong, p.login, kNewPassword);
    CPPUNIT_ASSERT_EQUAL(303L, in.status);
    CPPUNIT_ASSERT(in.header("location") != "/login");
  }

  void at_most_three_reset_mails_a_day_per_account() {
    Person p = add_person(true);
    std::vector<std::string> bodies;
    for (int i = 0; i < 4; ++i) {
      Browser b;  // a new session each time: the session's own limit stays out of the way
      HttpResponse r = request_reset(b, "", p.national_id);
      CPPUNIT_ASSERT(redirects_to(r, "/forgot/password/reset"));
      bodies.push_back(normalized(b.get("/forgot/password/reset").body));
    }
    CPPUNIT_ASSERT_EQUAL(bodies[0], bodies[3]);  // the fourth answer gives nothing away
    CPPUNIT_ASSERT_EQUAL(3, outbox_count(p.email, kResetSubject));
    CPPUNIT_ASSERT_EQUAL(1, count_action(p, "forgot.password.daily_cap"));
    // A resend counts too.
    Browser c;
    request_reset(c, "", p.national_id);
    age_session_codes(c, 181);
    CPPUNIT_ASSERT(redirects_to(resend(c), "/forgot/password/reset"));
    CPPUNIT_ASSERT_EQUAL(3, outbox_count(p.email, kResetSubject));
    // A day later the allowance is back.
    age_requests(p);
    Browser d;
    request_reset(d, "", p.national_id);
    CPPUNIT_ASSERT_EQUAL(4, outbox_count(p.email, kResetSubject));
    CPPUNIT_ASSERT_EQUAL(std::size_t(4), delivered(p.email, kResetSubject, 4).size());
  }

  void resend_has_a_cooldown_and_the_session_an_hourly_limit() {
    for (bool matching : {true, false}) {
      Person p = add_person(true);
      std::string id = matching ? p.national_id : new_national_id();
      Browser b;
      request_reset(b, "", id);
      HttpResponse r = resend(b);
      CPPUNIT_ASSERT_EQUAL(200L, r.status);
      CPPUNIT_ASSERT_MESSAGE(r.body, contains(r.body, "驗證代碼剛寄出不久，請於 "));
      CPPUNIT_ASSERT(contains(r.body, "id=\"resend-error\""));
      // Four more sends this hour (resends after the cooldown), then the sixth is refused.
      for (int i = 0; i < 4; ++i) {
        age_session_codes(b, 181);
        CPPUNIT_ASSERT(redirects_to(resend(b), "/forgot/password/reset"));
      }
      age_session_codes(b, 181);
      r = resend(b);
      CPPUNIT_ASSERT_MESSAGE(r.body, contains(r.body, "1 小時內已送出 5 次申請，已達上限"));
      r = request_reset(b, "", id);
      CPPUNIT_ASSERT_EQUAL(200L, r.status);
      CPPUNIT_ASSERT(contains(r.body, "1 小時內已送出 5 次申請，已達上限"));
      // Matching: the daily cap let 3 of the 5 through; the rest were silent.
      CPPUNIT_ASSERT_EQUAL(matching ? 3 : 0, outbox_count(p.email, kResetSubject));
    }
  }

  void two_concurrent_resets_consume_the_code_once() {
    Person p = add_person(true);
    Browser b;
    request_reset(b, "", p.national_id);
    std::string code = mailed_code(p.email).substr(3);
    std::string csrf = csrf_of(b.get("/forgot/password/reset").body);
    Browser twin;
    twin.set_cookie("xueji_session", b.cookie("xueji_session"));
    FormFields fields = {{"csrf", csrf},
                         {"code", code},
                         {"new_password", kNewPassword},
                         {"new_password_confirm", kNewPassword}};
    HttpResponse first, second;
    std::atomic<bool> go{false};
    std::thread one([&] {
      while (!go) {
      }
      first = post(b, "/forgot/password/reset", fields);
    });
    std::thread two([&] {
      while (!go) {
      }
      second = post(twin, "/forgot/password/reset", fields);
    });
    go = true;
    one.join();
    two.join();
    // Both end on the login page; the password was reset once.
    CPPUNIT_ASSERT_MESSAGE(first.body, redirects_to(first, "/login?notice=password_reset"));
    CPPUNIT_ASSERT_MESSAGE(second.body, redirects_to(second, "/login?notice=password_reset"));
    CPPUNIT_ASSERT_EQUAL(1, count_action(p, "forgot.password.reset"));
    CPPUNIT_ASSERT_EQUAL(std::string("2"), scalar("SELECT COUNT(*) FROM password_history WHERE "
                                                  "account_id = " +
                                                  p.account_id));
    CPPUNIT_ASSERT_EQUAL(1, outbox_count(p.email, kDoneSubject));
  }

  void code_from_another_browser_session_is_wrong() {
    Person p = add_person(true);
    Browser asked;
    request_reset(asked, "", p.national_id);
    std::string code = mailed_code(p.email).substr(3);
    // Someone else's session (with its own request) cannot use the mailed code.
    Browser other;
    request_reset(other, "", new_national_id());
    HttpResponse r = reset_with(other, code, kNewPassword);
    CPPUNIT_ASSERT(contains(r.body, "驗證代碼錯誤"));
    // A second request for the account in another browser: after one reset, the other's code
    // no longer works.
    Browser second;
    request_reset(second, "", p.national_id);
    std::string second_code = mailed_code(p.email).substr(3);
    CPPUNIT_ASSERT(
        redirects_to(reset_with(asked, code, kNewPassword), "/login?notice=password_reset"));
    r = reset_with(second, second_code, "Another-Good-Pass-77");
    CPPUNIT_ASSERT_EQUAL(200L, r.status);
    CPPUNIT_ASSERT(xueji::verify_password(account_column(p, "password_hash"), kNewPassword));
  }

  void reset_page_without_a_request_goes_to_the_form() {
    Browser b;
    CPPUNIT_ASSERT(redirects_to(b.get("/forgot/password/reset"), "/forgot/password"));
    // An expired session's POST is sent back to the form, with a note.
    b.set_cookie("xueji_session", std::string(43, 'A'));
    HttpResponse r = post(b, "/forgot/password/reset", {{"csrf", "x"}, {"code", "123456"}});
    CPPUNIT_ASSERT(redirects_to(r, "/forgot/password?notice=expired"));
    CPPUNIT_ASSERT(contains(b.get("/forgot/password?notice=expired").body, "閒置過久"));
  }

  void forgot_account_mails_the_name_and_never_shows_it() {
    Person p = add_person(true);
    Browser b;
    HttpResponse r = request_account(b, p.national_id);
    CPPUNIT_ASSERT_MESSAGE(r.body, redirects_to(r, "/forgot/account"));
    HttpResponse page = b.get("/forgot/account");
    CPPUNIT_ASSERT(contains(page.body, kAccountSentMessage));
    CPPUNIT_ASSERT(!contains(page.body, p.login));
    CPPUNIT_ASSERT(!contains(page.body, p.email));
    CPPUNIT_ASSERT(!contains(b.get("/forgot/account").body, kAccountSentMessage));  // once
    std::vector<Mail> mails = delivered(p.email, kAccountSubject);
    CPPUNIT_ASSERT_EQUAL(std::size_t(1), mails.size());
    CPPUNIT_ASSERT(contains(mails[0].body, "您的帳號為：\n\n    " + p.login + "\n"));
    CPPUNIT_ASSERT(contains(mails[0].body, p.name + " 您好："));
    CPPUNIT_ASSERT_EQUAL(1, count_action(p, "forgot.account.mailed"));
    CPPUNIT_ASSERT(!contains(sql("SELECT IFNULL(target, '') FROM audit_log WHERE action LIKE "
                                 "'forgot.%'"),
                             p.national_id));
  }

  void forgot_account_answer_is_the_same_whatever_matched() {
    Person verified = add_person(true);
    Person unverified = add_person(false);
    std::vector<std::string> ids = {verified.national_id, new_national_id(),
                                    unverified.national_id};
    std::vector<HttpResponse> answers;
    std::vector<std::string> pages;
    for (const std::string& id : ids) {
      Browser b;
      answers.push_back(request_account(b, id));
      pages.push_back(normalized(b.get("/forgot/account").body));
    }
    for (std::size_t i = 0; i < ids.size(); ++i) {
      CPPUNIT_ASSERT(redirects_to(answers[i], "/forgot/account"));
      CPPUNIT_ASSERT_EQUAL(answers[0].body, answers[i].body);
      CPPUNIT_ASSERT_EQUAL(pages[0], pages[i]);
    }
    CPPUNIT_ASSERT_EQUAL(1, outbox_count(verified.email, kAccountSubject));
    CPPUNIT_ASSERT_EQUAL(0, outbox_count(unverified.email, kAccountSubject));
    CPPUNIT_ASSERT_EQUAL(1, count_action(unverified, "forgot.account.unverified"));
    // The session's hourly limit is the same for everyone.
    Browser b;
    for (int i = 0; i < 5; ++i)
      request_account(b, new_national_id());
    HttpResponse r = request_account(b, verified.national_id);
    CPPUNIT_ASSERT_EQUAL(200L, r.status);
    CPPUNIT_ASSERT(contains(r.body, "1 小時內已送出 5 次申請，已達上限"));
    CPPUNIT_ASSERT_EQUAL(1, outbox_count(verified.email, kAccountSubject));
  }

  void forgot_account_masks_an_id_number_name_and_caps_mails() {
    // A legacy account named by the ID number: the mail masks it.
    std::string id = new_national_id();
    Person p = add_person(true, id, id);
    for (int i = 0; i < 4; ++i) {
      Browser b;
      CPPUNIT_ASSERT(redirects_to(request_account(b, id), "/forgot/account"));
    }
    CPPUNIT_ASSERT_EQUAL(3, outbox_count(p.email, kAccountSubject));
    CPPUNIT_ASSERT_EQUAL(1, count_action(p, "forgot.account.daily_cap"));
    std::vector<Mail> mails = delivered(p.email, kAccountSubject);
    CPPUNIT_ASSERT(!mails.empty());
    CPPUNIT_ASSERT(contains(mails[0].body, xueji::mask_national_id(id)));
    CPPUNIT_ASSERT(!contains(mails[0].body, id));
    CPPUNIT_ASSERT_EQUAL(std::string("0"),
                         scalar("SELECT COUNT(*) FROM outbox WHERE body LIKE '%" + id + "%'"));
    // Manual 二.4: such an account is no 個人業務帳號; the mail points to 申請個人業務帳號 instead
    // of "log in with this name".
    CPPUNIT_ASSERT(contains(mails[0].body, "【申請個人業務帳號】"));
    CPPUNIT_ASSERT(!contains(mails[0].body, "請前往登入頁面使用此帳號及密碼登入"));
  }

  void forgot_password_of_an_id_number_account_mails_no_code() {
    std::string id = new_national_id();
    Person p = add_person(true, id, id);
    std::string hash = account_column(p, "password_hash");
    Browser b;
    CPPUNIT_ASSERT(redirects_to(request_reset(b, id, id), "/forgot/password/reset"));
    std::vector<Mail> mails = delivered(p.email, kResetSubject);
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, mails.size());
    CPPUNIT_ASSERT(contains(mails[0].body, "【申請個人業務帳號】"));
    CPPUNIT_ASSERT(contains(mails[0].body, xueji::mask_national_id(id)));
    CPPUNIT_ASSERT(!contains(mails[0].body, id));
    CPPUNIT_ASSERT(!contains(mails[0].body, "本次的驗證代碼為"));
    // The page's code is a decoy: no six digits reset this password.
    for (const char* digits6 : {"000000", "123456"}) {
      reset_with(b, digits6, kNewPassword);
    }
    CPPUNIT_ASSERT_EQUAL(hash, account_column(p, "password_hash"));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(ForgotTest);
