// wizard_test.cpp: the application wizard over HTTP through nginx, as a browser does it — the
// whole happy path with both mails read from the sink's Maildir, then every refusal: captcha,
// the neutral identity failure and its locks, wrong/expired/superseded/too-many codes, resend
// limits, each account and password rule, a taken name, skipped steps, replay after completion,
// the idle expiry, and races of two identical submits. Staff rows are made with SQL directly.
#include <cppunit/extensions/HelperMacros.h>

#include <dirent.h>
#include <atomic>
#include <chrono>
#include <ctime>
#include <fstream>
#include <memory>
#include <random>
#include <regex>
#include <sstream>
#include <thread>

#include "core/crypto.h"
#include "core/email_code.h"
#include "core/national_id.h"
#include "core/personal_data.h"
#include "tests/integration/support/cli_runner.h"
#include "tests/integration/support/http_client.h"
#include "tests/integration/support/maildir.h"
#include "tests/integration/support/stack.h"

using namespace xueji::testing;

namespace {

// ---- Test data: schools, persons and staff rows, as xueji-ctl would make them. ----

std::mt19937_64& rng() {
  static std::mt19937_64 engine(std::random_device{}());
  return engine;
}

std::string digits(int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s += static_cast<char>('0' + rng()() % 10);
  return s;
}

// A valid 身分證字號 nobody else in the database has (random letter and serial, check digit found).
std::string new_national_id() {
  for (;;) {
    std::string id = std::string(1, "ABCDEFGHJKLMNPQRSTUVXYWZIO"[rng()() % 26]) +
                     (rng()() % 2 ? "1" : "2") + digits(7);
    for (char check = '0'; check <= '9'; ++check) {
      if (xueji::is_valid_national_id(id + check)) return id + check;
    }
  }
}

std::string server_secret() {
  std::ifstream in(var_dir() + "/secret", std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  std::string secret = text.str();
  while (!secret.empty() && (secret.back() == '\n' || secret.back() == '\r')) secret.pop_back();
  if (secret.size() < 32) throw std::runtime_error("cannot read the stack's secret");
  return secret;
}

std::string hmac_hex(const std::string& id) {
  return xueji::crypto::to_hex(xueji::national_id_hmac(server_secret(), id));
}

struct Staff {
  std::string national_id;
  std::string birth_date;
  std::string name;
  std::string phone;
  std::string person_id;
};

// One school for the whole run; each test adds its own people to it.
std::string school_id() {
  static std::string id = [] {
    std::string code = "WZ" + digits(8);
    sql("INSERT INTO schools (code, name, created_at) VALUES ('" + code +
        "', '精靈測試國小', UTC_TIMESTAMP(6))");
    return trimmed(sql("SELECT id FROM schools WHERE code = '" + code + "'"));
  }();
  return id;
}

Staff add_staff(const std::string& name = "吳青", const std::string& birth = "1986-01-02",
                const std::string& phone = "0912-345-678") {
  Staff s{new_national_id(), birth, name, phone, ""};
  std::string hmac = hmac_hex(s.national_id);
  // As `xueji-ctl staff add` leaves them: the person carries its staff record's name and phone.
  sql("INSERT INTO persons (id_hmac, id_masked, birth_date, name, phone, created_at) VALUES "
      "(UNHEX('" + hmac + "'), '" + xueji::mask_national_id(s.national_id) + "', '" + birth +
      "', '" + name + "', '" + phone + "', UTC_TIMESTAMP(6))");
  s.person_id = trimmed(sql("SELECT id FROM persons WHERE id_hmac = UNHEX('" + hmac + "')"));
  sql("INSERT INTO staff (school_id, person_id, name, birth_date, phone, created_at) VALUES (" +
      school_id() + ", " + s.person_id + ", '" + name + "', '" + birth + "', '" + phone +
      "', UTC_TIMESTAMP(6))");
  return s;
}

std::string new_address() { return "wz" + digits(10) + "@example.com"; }


// ---- HTTP: POSTs wait out nginx's per-address POST limit (10/s, burst 20) like a person would.

HttpResponse post(Browser& b, const std::string& path, const FormFields& fields) {
  for (int attempt = 0;; ++attempt) {
    HttpResponse r = b.post(path, fields);
    if (r.status != 429 || attempt >= 100) return r;
    std::this_thread::sleep_for(std::chrono::milliseconds(150));
  }
}

// A cookie-less first GET makes a session with an INSERT that the store does not repeat after a
// lost connection, so right after a database restart (PlatformTest restarts it) each worker child
// answers one 503 before it reconnects; a person would press reload, and so does this.
HttpResponse get_page(Browser& b, const std::string& path) {
  HttpResponse r = b.get(path);
  for (int attempt = 0; r.status == 503 && attempt < 4; ++attempt) r = b.get(path);
  return r;
}

std::string session_hash_sql(Browser& b) {
  return "UNHEX(SHA2('" + b.cookie("xueji_session") + "', 256))";
}

std::string wrong_captcha() { return captcha_answer() == "0000" ? "1111" : "0000"; }

// The text of the first element with this id (tags inside dropped), or "".
std::string text_of(const std::string& html, const std::string& id) {
  std::size_t at = html.find("id=\"" + id + "\"");
  if (at == std::string::npos) return "";
  std::size_t start = html.find('>', at) + 1;
  std::size_t end = html.find("</", start);
  return html.substr(start, end - start);
}

// ---- Mail: the outbox (immediate) and the sink's Maildir (what was really delivered). ----

const std::string kCodeSubject = "【國民中小學學籍管理系統 2.0】E-Mail 驗證通知信";
const std::string kSuccessSubject = "【國民中小學學籍管理服務系統 2.0】個人業務帳號申請成功";

// The newest code mailed to `address`, from the outbox body ("" when none).
std::string outbox_code(const std::string& address) {
  return scalar("SELECT REGEXP_SUBSTR(body, '[A-Z]{2}-[0-9]{6}') FROM outbox WHERE recipient = '" +
                address + "' AND subject = '" + kCodeSubject + "' ORDER BY id DESC LIMIT 1");
}

int outbox_count(const std::string& address, const std::string& subject) {
  return std::stoi(scalar("SELECT COUNT(*) FROM outbox WHERE recipient = '" + address +
                          "' AND subject = '" + subject + "'"));
}


// ---- The wizard, one browser. ----

constexpr const char* kPassword = "Blue-Harbor-42x";

struct Wizard {
  Browser b;
  Staff staff;
  std::string address;

  explicit Wizard(Staff s) : staff(std::move(s)), address(new_address()) {}

  HttpResponse identity(const std::string& id, const std::string& birth,
                        const std::string& captcha = captcha_answer()) {
    HttpResponse page = get_page(b, "/apply/identity");
    b.get("/captcha?form=apply_identity");
    return post(b, "/apply/identity",
                {{"csrf", csrf_of(page.body)},
                 {"national_id", id},
                 {"birth_date", birth},
                 {"captcha", captcha}});
  }
  HttpResponse identity() { return identity(staff.national_id, staff.birth_date); }

  HttpResponse email(const std::string& to, const std::string& captcha = captcha_answer()) {
    HttpResponse page = b.get("/apply/email");
    b.get("/captcha?form=apply_email");
    return post(b, "/apply/email",
                {{"csrf", csrf_of(page.body)}, {"email", to}, {"captcha", captcha}});
  }
  HttpResponse email() { return email(address); }

  HttpResponse verify(const std::string& code) {
    HttpResponse page = b.get("/apply/verify");
    return post(b, "/apply/verify", {{"csrf", csrf_of(page.body)}, {"code", code}});
  }
  // The six digits of the newest code mailed to this wizard's address.
  std::string code_digits() { return outbox_code(address).substr(3); }

  HttpResponse resend() {
    HttpResponse page = b.get("/apply/verify");
    return post(b, "/apply/resend", {{"csrf", csrf_of(page.body)}});
  }

  HttpResponse account(const std::string& name, const std::string& password,
                       const std::string& confirm, const std::string& phone = "0912-345-678",
                       const std::string& captcha = captcha_answer()) {
    HttpResponse page = b.get("/apply/account");
    b.get("/captcha?form=apply_account");
    return post(b, "/apply/account",
                {{"csrf", csrf_of(page.body)},
                 {"account", name},
                 {"password", password},
                 {"password_confirm", confirm},
                 {"phone", phone},
                 {"captcha", captcha}});
  }

  // Through identity, e-mail and code: the session stands at 帳號申請.
  void reach_account_step() {
    CPPUNIT_ASSERT_EQUAL(303L, identity().status);
    CPPUNIT_ASSERT_EQUAL(303L, email().status);
    HttpResponse r = verify(code_digits());
    CPPUNIT_ASSERT_EQUAL_MESSAGE(r.body, 303L, r.status);
    CPPUNIT_ASSERT_EQUAL(std::string("/apply/account"), r.header("location"));
  }

  // Lets the resend cooldown (and the code's age) pass by moving this session's send times back.
  void age_codes(int seconds) {
    sql("UPDATE email_codes SET sent_at = sent_at - INTERVAL " + std::to_string(seconds) +
        " SECOND WHERE session_hash = " + session_hash_sql(b));
  }
};

std::string unique_name() { return "wz" + digits(8) + "x"; }

int accounts_of(const Staff& s) {
  return std::stoi(scalar("SELECT COUNT(*) FROM accounts WHERE person_id = " + s.person_id));
}

bool redirects_to(const HttpResponse& r, const std::string& path) {
  return r.status == 303 && r.header("location") == path;
}

const char* kNoMatchStart = "身分驗證未通過";

}  // namespace

class WizardTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(WizardTest);
  CPPUNIT_TEST(happy_path_with_both_mails_delivered);
  CPPUNIT_TEST(pages_carry_the_manuals_words);
  CPPUNIT_TEST(person_with_an_account_is_sent_to_login);
  CPPUNIT_TEST(wrong_captcha_is_refused_on_every_form);
  CPPUNIT_TEST(identity_failure_is_one_neutral_message);
  CPPUNIT_TEST(identity_fields_are_checked_before_matching);
  CPPUNIT_TEST(a_person_at_two_schools_passes_once_with_the_newest_name);
  CPPUNIT_TEST(identity_checks_of_a_busy_worker_all_reach_the_audit_log);
  CPPUNIT_TEST(five_failures_lock_the_session_for_fifteen_minutes);
  CPPUNIT_TEST(ten_failures_lock_the_id_number_across_sessions);
  CPPUNIT_TEST(wrong_code_counts_and_five_kill_it);
  CPPUNIT_TEST(expired_code_is_refused);
  CPPUNIT_TEST(superseded_code_names_the_newest_letters);
  CPPUNIT_TEST(changing_the_address_kills_the_old_code);
  CPPUNIT_TEST(resend_has_a_cooldown_and_hourly_limits);
  CPPUNIT_TEST(address_hourly_limit_spans_sessions);
  CPPUNIT_TEST(email_syntax_is_checked);
  CPPUNIT_TEST(each_account_rule_is_named_next_to_its_field);
  CPPUNIT_TEST(each_password_rule_is_named_next_to_its_field);
  CPPUNIT_TEST(taken_account_name_in_any_case_is_refused);
  CPPUNIT_TEST(steps_cannot_be_skipped);
  CPPUNIT_TEST(back_button_lands_on_the_current_step);
  CPPUNIT_TEST(nothing_is_replayed_after_completion);
  CPPUNIT_TEST(idle_wizard_expires_with_a_way_back);
  CPPUNIT_TEST(pages_show_the_applicant_with_or_without_the_session_copy);
  CPPUNIT_TEST(two_concurrent_code_submits_consume_it_once);
  CPPUNIT_TEST(two_concurrent_account_submits_make_one_account);
  CPPUNIT_TEST(two_sessions_racing_for_one_person_make_one_account);
  CPPUNIT_TEST_SUITE_END();

 public:
  void happy_path_with_both_mails_delivered() {
    Wizard w(add_staff("吳青", "1986-01-02", "0912-345-678"));
    HttpResponse r = w.identity();
    CPPUNIT_ASSERT_MESSAGE(r.body, redirects_to(r, "/apply/email"));

    HttpResponse page = w.b.get("/apply/email");
    CPPUNIT_ASSERT_EQUAL(200L, page.status);
    CPPUNIT_ASSERT(contains(page.body, "吳青 您好："));
    CPPUNIT_ASSERT(contains(page.body, xueji::mask_national_id(w.staff.national_id)));
    CPPUNIT_ASSERT(!contains(page.body, w.staff.national_id));
    CPPUNIT_ASSERT(contains(page.body, "1986-01-02"));

    r = w.email();
    CPPUNIT_ASSERT(redirects_to(r, "/apply/verify"));
    page = w.b.get("/apply/verify");
    CPPUNIT_ASSERT(contains(
        page.body,
        "請前往您的 E-Mail 收取信件，各 E-Mail 收信速度不同，並非即時收到信件，請稍等 1~3 分鐘"));
    CPPUNIT_ASSERT(contains(page.body, "data-alert-once"));
    CPPUNIT_ASSERT(contains(page.body, w.address));
    // The mail really arrives, with the exact subject and the letters the page shows.
    std::vector<Mail> mails = delivered(w.address, kCodeSubject);
    CPPUNIT_ASSERT_EQUAL(std::size_t(1), mails.size());
    std::smatch m;
    CPPUNIT_ASSERT(std::regex_search(mails[0].body, m, std::regex("([A-HJ-NP-Z]{2})-([0-9]{6})")));
    std::string prefix = m[1], code = m[2];
    CPPUNIT_ASSERT_EQUAL(prefix, text_of(page.body, "code-prefix"));
    // 剩餘時間 counts down to the server's expiry, 5 minutes after sending.
    std::smatch t;
    CPPUNIT_ASSERT(std::regex_search(
        page.body, t, std::regex(R"re(data-countdown-until="(\d+)" data-server-now="(\d+)")re")));
    long left = std::stol(t[1]) - std::stol(t[2]);
    CPPUNIT_ASSERT_MESSAGE(std::to_string(left), left > 290 && left <= 300);
    // The flash is shown once: a reload does not raise the dialog again.
    CPPUNIT_ASSERT(!contains(w.b.get("/apply/verify").body, "data-alert-once"));
    // What is stored is the keyed hash of the code (bound to this session and address), not the
    // code.
    std::string expected = xueji::email_code_hmac(
        server_secret(), "apply", xueji::crypto::sha256(w.b.cookie("xueji_session")), w.address,
        prefix, code);
    CPPUNIT_ASSERT_EQUAL(
        prefix + "\t" + xueji::crypto::to_hex(expected),
        scalar("SELECT prefix, LOWER(HEX(code_hmac)) FROM email_codes WHERE address = '" +
               w.address + "'"));

    r = w.verify(code);
    CPPUNIT_ASSERT_MESSAGE(r.body, redirects_to(r, "/apply/account"));
    page = w.b.get("/apply/account");
    CPPUNIT_ASSERT(contains(page.body, "吳青您好："));
    CPPUNIT_ASSERT(contains(page.body, w.address));
    CPPUNIT_ASSERT(contains(page.body, "value=\"0912-345-678\""));  // 聯絡電話 pre-filled

    std::string name = unique_name();
    r = w.account(name, kPassword, kPassword, "02-2345-6789#12");
    CPPUNIT_ASSERT_MESSAGE(r.body, redirects_to(r, "/apply/done"));
    page = w.b.get("/apply/done");
    CPPUNIT_ASSERT_EQUAL(200L, page.status);
    CPPUNIT_ASSERT(contains(page.body, "已申請完成，請前往登入頁面使用個人業務帳號及密碼登入。"));
    CPPUNIT_ASSERT(contains(page.body, "返回登入頁面"));

    // The account as stored: Argon2id, verified e-mail, the phone as typed (normalised),
    // the first password in the history too.
    std::string row = scalar(
        "SELECT login_name, login_key, LEFT(password_hash, 10), email, "
        "email_verified_at IS NOT NULL, phone FROM accounts WHERE person_id = " +
        w.staff.person_id);
    CPPUNIT_ASSERT_EQUAL(name + "\t" + name + "\t$argon2id$\t" + w.address + "\t1\t02-23456789#12",
                         row);
    CPPUNIT_ASSERT_EQUAL(
        std::string("1"),
        scalar("SELECT COUNT(*) FROM password_history h JOIN accounts a ON a.id = "
               "h.account_id AND a.password_hash = h.password_hash WHERE a.person_id = " +
               w.staff.person_id));

    // The success mail: exact subject, the application time in Asia/Taipei.
    std::vector<Mail> success = delivered(w.address, kSuccessSubject);
    CPPUNIT_ASSERT_EQUAL(std::size_t(1), success.size());
    std::smatch when;
    CPPUNIT_ASSERT_MESSAGE(
        success[0].body,
        std::regex_search(
            success[0].body, when,
            std::regex(
                R"re(帳號申請時間：(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})（臺灣時間）)re")));
    std::tm tm{};
    tm.tm_year = std::stoi(when[1]) - 1900;
    tm.tm_mon = std::stoi(when[2]) - 1;
    tm.tm_mday = std::stoi(when[3]);
    tm.tm_hour = std::stoi(when[4]);
    tm.tm_min = std::stoi(when[5]);
    tm.tm_sec = std::stoi(when[6]);
    long taipei_minus_utc = static_cast<long>(timegm(&tm) - std::time(nullptr));
    CPPUNIT_ASSERT_MESSAGE(std::to_string(taipei_minus_utc),
                           std::labs(taipei_minus_utc - 8 * 3600) < 120);
    CPPUNIT_ASSERT(contains(success[0].body, name));

    // Audit rows for every step, without the clear ID number, the code or the password.
    std::string actions = scalar(
        "SELECT GROUP_CONCAT(DISTINCT action ORDER BY action) FROM audit_log "
        "WHERE actor = 'person:" +
        w.staff.person_id + "'");
    for (const char* a : {"apply.account.created", "apply.code.sent", "apply.code.verified",
                          "apply.identity.passed"}) {
      CPPUNIT_ASSERT_MESSAGE(actions, contains(actions, a));
    }
    std::string audit =
        sql("SELECT actor, action, IFNULL(target, '') FROM audit_log WHERE actor = 'person:" +
            w.staff.person_id + "' OR target LIKE '%" +
            xueji::mask_national_id(w.staff.national_id) + "%'");
    CPPUNIT_ASSERT(contains(audit, xueji::mask_national_id(w.staff.national_id)));
    for (const std::string& secret : {w.staff.national_id, code, std::string(kPassword)}) {
      CPPUNIT_ASSERT_MESSAGE(secret, !contains(audit, secret));
    }
  }

  void pages_carry_the_manuals_words() {
    Wizard w(add_staff());
    HttpResponse page = w.b.get("/apply/identity");
    for (const char* text :
         {"首頁",
          "身分驗證",
          "E-Mail驗證",
          "帳號申請",
          "申請完成",
          "返回登入頁面",
          "身分證/外籍人士統一證號",
          "出生年月日",
          "西元年-月-日",
          "日期格式為yyyy-mm-dd。",
          "驗證碼",
          "更換圖片",
          "送出",
          "/captcha?form=apply_identity",
          "★",
          "小提醒",
          "須先由學校權限AA帳號持有者建置教職員個人聘約及職務資料後",
          "【U3.空白表單】",
          "【U5.我要發問】",
          "貴校教務/人事尚未配置您的權限，故無功能可使用，請洽貴校承辦人修正。"}) {
      CPPUNIT_ASSERT_MESSAGE(std::string("identity page: ") + text, contains(page.body, text));
    }
    CPPUNIT_ASSERT(contains(page.body, "class=\"current\" aria-current=\"step\">身分驗證"));
    w.identity();
    page = w.b.get("/apply/email");
    for (const char* text :
         {"E-Mail", "將用於收取系統驗證信或其他系統通知信。", "不建議填寫 Yahoo!信箱",
          "若於一般收件匣未收到通知信", "驗證代碼將於此信件寄出後 5 分鐘或變更 E-Mail 後失效",
          "/captcha?form=apply_email", "readonly"}) {
      CPPUNIT_ASSERT_MESSAGE(std::string("email page: ") + text, contains(page.body, text));
    }
    CPPUNIT_ASSERT(contains(page.body, "class=\"done\">身分驗證"));
    w.email();
    page = w.b.get("/apply/verify");
    for (const char* text :
         {"變更E-Mail", "系統已將驗證碼送至", "但個人業務帳號尚未完成申請，請勿關閉此頁面！",
          "請稍等1~3分鐘至您指定的E-Mail收取驗證代碼",
          "驗證代碼將於5分鐘後失效，請及時在此網頁輸入【驗證代碼】。",
          "待驗證代碼輸入驗證完成後，系統將自動跳轉至「帳號申請」流程。", "請輸入E-Mail驗證代碼",
          "剩餘時間", "重新發送驗證代碼", ">驗證</button>",
          "於 3 分鐘後再點選【重新發送驗證代碼】按鈕", "若原先填寫的 E-Mail 無法收到信件",
          "name=\"code\"", "maxlength=\"6\""}) {
      CPPUNIT_ASSERT_MESSAGE(std::string("verify page: ") + text, contains(page.body, text));
    }
    CPPUNIT_ASSERT(contains(page.body, "class=\"current\" aria-current=\"step\">E-Mail驗證"));
    w.verify(w.code_digits());
    page = w.b.get("/apply/account");
    for (const char* text :
         {"帳號資訊", "新帳號", "新密碼", "確認新密碼", "聯絡電話",
          "data-toggle-password=\"password\"", "data-toggle-password=\"password_confirm\"",
          "/captcha?form=apply_account", "帳號需符合資安法要求之複雜度",
          "密碼需符合資安法要求之複雜度"}) {
      CPPUNIT_ASSERT_MESSAGE(std::string("account page: ") + text, contains(page.body, text));
    }
    w.account(unique_name(), kPassword, kPassword);
    page = w.b.get("/apply/done");
    for (const char* text :
         {"雙因子認證登入機制", "本系統於 110 年 11 月 10 日啟用雙因子認證登入機制",
          "若於一般收件匣未收到驗證信"}) {
      CPPUNIT_ASSERT_MESSAGE(std::string("done page: ") + text, contains(page.body, text));
    }
  }

  void person_with_an_account_is_sent_to_login() {
    Wizard first(add_staff());
    first.reach_account_step();
    CPPUNIT_ASSERT_EQUAL(303L, first.account(unique_name(), kPassword, kPassword).status);
    Wizard again(first.staff);
    HttpResponse r = again.identity();
    CPPUNIT_ASSERT_EQUAL(200L, r.status);
    CPPUNIT_ASSERT(contains(r.body, "您已申請過個人業務帳號"));
    CPPUNIT_ASSERT(contains(r.body, "href=\"/login\""));
    CPPUNIT_ASSERT(contains(r.body, "href=\"/forgot/password\""));
    CPPUNIT_ASSERT(contains(r.body, "忘記密碼"));
    // Told, not let through.
    CPPUNIT_ASSERT(redirects_to(again.b.get("/apply/email"), "/apply/identity"));
  }

  void wrong_captcha_is_refused_on_every_form() {
    Wizard w(add_staff());
    HttpResponse r = w.identity(w.staff.national_id, w.staff.birth_date, wrong_captcha());
    CPPUNIT_ASSERT_EQUAL(200L, r.status);
    CPPUNIT_ASSERT(contains(r.body, "驗證碼錯誤"));
    CPPUNIT_ASSERT(contains(r.body, "value=\"" + w.staff.birth_date + "\""));  // entries kept
    CPPUNIT_ASSERT(!contains(r.body, kNoMatchStart));
    // Not a failed match: nothing counted against the session or the ID number.
    CPPUNIT_ASSERT_EQUAL(
        std::string("0"),
        scalar("SELECT failed_tries FROM sessions WHERE id_hash = " + session_hash_sql(w.b)));
    CPPUNIT_ASSERT_EQUAL(std::string("0"),
                         scalar("SELECT COUNT(*) FROM identity_failures WHERE id_hmac = UNHEX('" +
                                hmac_hex(w.staff.national_id) + "')"));
    CPPUNIT_ASSERT(redirects_to(w.identity(), "/apply/email"));

    r = w.email(w.address, wrong_captcha());
    CPPUNIT_ASSERT(contains(r.body, "驗證碼錯誤"));
    CPPUNIT_ASSERT_EQUAL(0, outbox_count(w.address, kCodeSubject));
    CPPUNIT_ASSERT(redirects_to(w.email(), "/apply/verify"));
    CPPUNIT_ASSERT(redirects_to(w.verify(w.code_digits()), "/apply/account"));

    std::string name = unique_name();
    r = w.account(name, kPassword, kPassword, "0912-345-678", wrong_captcha());
    CPPUNIT_ASSERT(contains(r.body, "驗證碼錯誤"));
    CPPUNIT_ASSERT(contains(r.body, "value=\"" + name + "\""));
    CPPUNIT_ASSERT(!contains(r.body, kPassword));
    CPPUNIT_ASSERT_EQUAL(0, accounts_of(w.staff));
    // A captcha is single use: posting again without a new image is refused too.
    HttpResponse page = w.b.get("/apply/account");
    r = post(w.b, "/apply/account",
             {{"csrf", csrf_of(page.body)},
              {"account", name},
              {"password", kPassword},
              {"password_confirm", kPassword},
              {"captcha", captcha_answer()}});
    CPPUNIT_ASSERT(contains(r.body, "驗證碼已過期"));
    CPPUNIT_ASSERT_EQUAL(0, accounts_of(w.staff));
  }

  void identity_failure_is_one_neutral_message() {
    Staff known = add_staff("王小明", "1990-05-06");
    Wizard unknown_id(known);
    HttpResponse a = unknown_id.identity(new_national_id(), "1990-05-06");
    Wizard wrong_birth(known);
    HttpResponse b = wrong_birth.identity(known.national_id, "1990-05-07");
    CPPUNIT_ASSERT_EQUAL(200L, a.status);
    CPPUNIT_ASSERT_EQUAL(200L, b.status);
    std::string message_a = text_of(a.body, "form-message");
    std::string message_b = text_of(b.body, "form-message");
    CPPUNIT_ASSERT(contains(message_a, kNoMatchStart));
    CPPUNIT_ASSERT_EQUAL(message_a, message_b);  // the same words whichever part was wrong
    for (const HttpResponse* r : {&a, &b}) {
      CPPUNIT_ASSERT(!contains(r->body, "王小明"));
      CPPUNIT_ASSERT(!contains(r->body, "field-error"));  // no hint at a field
    }
    CPPUNIT_ASSERT(contains(scalar("SELECT GROUP_CONCAT(target) FROM audit_log WHERE action = "
                                   "'apply.identity.failed' AND target = '" +
                                   xueji::mask_national_id(known.national_id) + "'"),
                            xueji::mask_national_id(known.national_id)));
  }

  void identity_fields_are_checked_before_matching() {
    Wizard w(add_staff());
    struct Case {
      std::string id, birth, expect;
    };
    std::string bad_check = w.staff.national_id.substr(0, 9) +
                            static_cast<char>('0' + (w.staff.national_id[9] - '0' + 1) % 10);
    for (const Case& c :
         std::vector<Case>{{"", w.staff.birth_date, "請輸入身分證/外籍人士統一證號。"},
                           {bad_check, w.staff.birth_date, "身分證/外籍人士統一證號格式不正確"},
                           {w.staff.national_id, "", "請輸入出生年月日。"},
                           {w.staff.national_id, "1986/01/02", "出生年月日格式不正確"},
                           {w.staff.national_id, "1986-02-30", "出生年月日格式不正確"},
                           {w.staff.national_id, "2999-01-01", "出生年月日不可晚於今天"}}) {
      HttpResponse r = w.identity(c.id, c.birth);
      CPPUNIT_ASSERT_EQUAL_MESSAGE(c.expect, 200L, r.status);
      CPPUNIT_ASSERT_MESSAGE(c.expect, contains(r.body, c.expect));
      CPPUNIT_ASSERT(contains(r.body, "field-error"));
    }
    // Format mistakes are not failed matches.
    CPPUNIT_ASSERT_EQUAL(
        std::string("0"),
        scalar("SELECT failed_tries FROM sessions WHERE id_hash = " + session_hash_sql(w.b)));
    // Lower case and spaces are forgiven; ARC numbers are accepted too.
    std::string lower = w.staff.national_id;
    lower[0] = static_cast<char>(std::tolower(lower[0]));
    CPPUNIT_ASSERT(redirects_to(w.identity(" " + lower + " ", w.staff.birth_date), "/apply/email"));
    Wizard arc(add_staff());
    std::string arc_id = "AA0" + digits(6);
    for (char check = '0'; check <= '9'; ++check) {
      if (xueji::is_valid_national_id(arc_id + check)) {
        arc_id += check;
        break;
      }
    }
    sql("UPDATE persons SET id_hmac = UNHEX('" + hmac_hex(arc_id) +
        "') WHERE id = " + arc.staff.person_id);
    CPPUNIT_ASSERT(redirects_to(arc.identity(arc_id, arc.staff.birth_date), "/apply/email"));
  }

  void five_failures_lock_the_session_for_fifteen_minutes() {
    Wizard w(add_staff());
    for (int i = 1; i <= 4; ++i) {
      HttpResponse r = w.identity(new_national_id(), "1970-01-01");
      CPPUNIT_ASSERT(contains(r.body, kNoMatchStart));
    }
    HttpResponse fifth = w.identity(new_national_id(), "1970-01-01");
    CPPUNIT_ASSERT_MESSAGE(fifth.body, contains(fifth.body, "身分驗證失敗次數過多"));
    CPPUNIT_ASSERT(contains(fifth.body, "15 分鐘"));
    // Locked: even the right answer is refused, and nothing more is counted.
    HttpResponse right = w.identity();
    CPPUNIT_ASSERT_EQUAL(200L, right.status);
    CPPUNIT_ASSERT(contains(right.body, "身分驗證失敗次數過多"));
    // Fifteen minutes later (the lock's end moved into the past) the right answer passes.
    sql("UPDATE sessions SET data = REGEXP_REPLACE(data, 'idlock=[0-9]+', 'idlock=1000') WHERE "
        "id_hash = " +
        session_hash_sql(w.b));
    CPPUNIT_ASSERT(redirects_to(w.identity(), "/apply/email"));
  }

  void ten_failures_lock_the_id_number_across_sessions() {
    Staff s = add_staff();
    // Each session stays under its own limit of 5: only the per-number count can lock.
    for (int i = 0; i < 10; ++i) {
      Wizard w(s);
      HttpResponse r = w.identity(s.national_id, "1970-01-0" + std::to_string(1 + i % 9));
      if (i < 9) {
        CPPUNIT_ASSERT_MESSAGE(std::to_string(i), contains(r.body, kNoMatchStart));
      } else {
        CPPUNIT_ASSERT_MESSAGE(r.body, contains(r.body, "身分驗證失敗次數過多"));
      }
    }
    Wizard fresh(s);
    HttpResponse r = fresh.identity();
    CPPUNIT_ASSERT(contains(r.body, "身分驗證失敗次數過多"));
    // Another number is not affected.
    Staff other = add_staff();
    Wizard neighbour(other);
    CPPUNIT_ASSERT(redirects_to(neighbour.identity(), "/apply/email"));
    // After 15 minutes the number may be tried again.
    sql("UPDATE identity_failures SET locked_until = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND WHERE "
        "id_hmac = UNHEX('" +
        hmac_hex(s.national_id) + "')");
    CPPUNIT_ASSERT(redirects_to(fresh.identity(), "/apply/email"));
  }

  void wrong_code_counts_and_five_kill_it() {
    Wizard w(add_staff());
    w.identity();
    w.email();
    std::string right = w.code_digits();
    std::string wrong = right == "000000" ? "111111" : "000000";
    for (int i = 1; i <= 4; ++i) {
      HttpResponse r = w.verify(wrong);
      CPPUNIT_ASSERT_EQUAL(200L, r.status);
      CPPUNIT_ASSERT_MESSAGE(r.body, contains(r.body, "驗證代碼錯誤，請確認"));
      CPPUNIT_ASSERT(contains(r.body, "還可再試 " + std::to_string(5 - i) + " 次"));
    }
    HttpResponse fifth = w.verify(wrong);
    CPPUNIT_ASSERT(contains(fifth.body, "驗證代碼錯誤已達 5 次，此驗證代碼已失效"));
    // Dead: the right code no longer works.
    HttpResponse late = w.verify(right);
    CPPUNIT_ASSERT_EQUAL(200L, late.status);
    CPPUNIT_ASSERT(contains(late.body, "驗證代碼錯誤已達 5 次"));
    CPPUNIT_ASSERT(redirects_to(w.b.get("/apply/account"), "/apply/verify"));
    // Input that is not six digits is not a try.
    HttpResponse junk = w.verify("12ab");
    CPPUNIT_ASSERT(contains(junk.body, "請輸入 6 位數字的驗證代碼"));
    // A new code (after the cooldown) works.
    w.age_codes(181);
    CPPUNIT_ASSERT(redirects_to(w.resend(), "/apply/verify"));
    CPPUNIT_ASSERT(redirects_to(w.verify(w.code_digits()), "/apply/account"));
  }

  void expired_code_is_refused() {
    Wizard w(add_staff());
    w.identity();
    w.email();
    sql("UPDATE email_codes SET expires_at = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND WHERE "
        "session_hash = " +
        session_hash_sql(w.b));
    HttpResponse page = w.b.get("/apply/verify");
    CPPUNIT_ASSERT(contains(page.body, "00:00"));
    CPPUNIT_ASSERT(contains(page.body, "驗證代碼已失效"));
    HttpResponse r = w.verify(w.code_digits());
    CPPUNIT_ASSERT_EQUAL(200L, r.status);
    CPPUNIT_ASSERT(contains(r.body, "驗證代碼已超過 5 分鐘而失效"));
    CPPUNIT_ASSERT(redirects_to(w.b.get("/apply/account"), "/apply/verify"));
  }

  void superseded_code_names_the_newest_letters() {
    Wizard w(add_staff());
    w.identity();
    w.email();
    std::string old_code = outbox_code(w.address);
    w.age_codes(181);
    HttpResponse r = w.resend();
    CPPUNIT_ASSERT(redirects_to(r, "/apply/verify"));
    std::string new_code = outbox_code(w.address);
    CPPUNIT_ASSERT(old_code != new_code);
    CPPUNIT_ASSERT(old_code.substr(0, 2) != new_code.substr(0, 2));  // new letters
    HttpResponse page = w.b.get("/apply/verify");
    CPPUNIT_ASSERT(contains(page.body, "已重新發送驗證代碼"));
    CPPUNIT_ASSERT_EQUAL(new_code.substr(0, 2), text_of(page.body, "code-prefix"));
    r = w.verify(old_code.substr(3));
    CPPUNIT_ASSERT(contains(
        r.body, "此驗證代碼已失效，請輸入英文碼為 " + new_code.substr(0, 2) + " 的最新驗證代碼。"));
    // The whole old code pasted with its letters says the same.
    r = w.verify(old_code);
    CPPUNIT_ASSERT(contains(r.body, "英文碼為 " + new_code.substr(0, 2) + " 的最新驗證代碼"));
    CPPUNIT_ASSERT(redirects_to(w.verify(new_code), "/apply/account"));
    CPPUNIT_ASSERT_EQUAL(2, outbox_count(w.address, kCodeSubject));
  }

  void changing_the_address_kills_the_old_code() {
    Wizard w(add_staff());
    w.identity();
    w.email();
    std::string first = outbox_code(w.address);
    // 變更E-Mail: the email page is open again from the code step, and a new address goes at once.
    HttpResponse page = w.b.get("/apply/email");
    CPPUNIT_ASSERT_EQUAL(200L, page.status);
    CPPUNIT_ASSERT(contains(page.body, "先前寄出的驗證代碼將立即失效"));
    std::string second_address = new_address();
    CPPUNIT_ASSERT(redirects_to(w.email(second_address), "/apply/verify"));
    CPPUNIT_ASSERT(contains(w.b.get("/apply/verify").body, second_address));
    std::string second = outbox_code(second_address);
    HttpResponse r = w.verify(first.substr(3));
    CPPUNIT_ASSERT(contains(r.body, "此驗證代碼已失效，請輸入英文碼為 " + second.substr(0, 2)));
    CPPUNIT_ASSERT_EQUAL(
        std::string("superseded"),
        scalar("SELECT state FROM email_codes WHERE address = '" + w.address + "'"));
    CPPUNIT_ASSERT(redirects_to(w.verify(second.substr(3)), "/apply/account"));
    // The account gets the address that was verified.
    w.account(unique_name(), kPassword, kPassword);
    CPPUNIT_ASSERT_EQUAL(second_address, scalar("SELECT email FROM accounts WHERE person_id = " +
                                                w.staff.person_id));
  }

  void resend_has_a_cooldown_and_hourly_limits() {
    Wizard w(add_staff());
    w.identity();
    w.email();
    HttpResponse r = w.resend();
    CPPUNIT_ASSERT_EQUAL(200L, r.status);
    CPPUNIT_ASSERT_MESSAGE(r.body, contains(r.body, "驗證代碼剛寄出不久，請於 "));
    CPPUNIT_ASSERT_MESSAGE(
        text_of(r.body, "resend-error"),
        std::regex_search(r.body, std::regex("請於 (2 分 [0-9]+ 秒|3 分)後再重新發送")));
    CPPUNIT_ASSERT(contains(r.body, "data-enable-at"));
    CPPUNIT_ASSERT_EQUAL(1, outbox_count(w.address, kCodeSubject));
    // Sends 2..5 after the cooldown each time.
    for (int send = 2; send <= 5; ++send) {
      w.age_codes(181);
      CPPUNIT_ASSERT_EQUAL_MESSAGE(std::to_string(send), 303L, w.resend().status);
    }
    CPPUNIT_ASSERT_EQUAL(5, outbox_count(w.address, kCodeSubject));
    w.age_codes(181);
    r = w.resend();
    CPPUNIT_ASSERT_MESSAGE(r.body, contains(r.body, "1 小時內寄送驗證代碼已達 5 次上限"));
    CPPUNIT_ASSERT_EQUAL(5, outbox_count(w.address, kCodeSubject));
    // Changing the address is a send too: held by the same hourly limit.
    r = w.email(new_address());
    CPPUNIT_ASSERT(contains(r.body, "已達 5 次上限"));
    // An hour later the limit is lifted; the last code still works meanwhile.
    w.age_codes(3600);
    CPPUNIT_ASSERT_EQUAL(303L, w.resend().status);
    CPPUNIT_ASSERT(redirects_to(w.verify(w.code_digits()), "/apply/account"));
  }

  void address_hourly_limit_spans_sessions() {
    std::string shared = new_address();
    for (int i = 0; i < 5; ++i) {
      Wizard w(add_staff());
      w.address = shared;
      w.identity();
      CPPUNIT_ASSERT_EQUAL(303L, w.email().status);
    }
    Wizard sixth(add_staff());
    sixth.address = shared;
    sixth.identity();
    HttpResponse r = sixth.email();
    CPPUNIT_ASSERT_EQUAL(200L, r.status);
    CPPUNIT_ASSERT(contains(r.body, "此 E-Mail 在 1 小時內收到驗證代碼已達 5 次上限"));
    CPPUNIT_ASSERT_EQUAL(5, outbox_count(shared, kCodeSubject));
    CPPUNIT_ASSERT(redirects_to(sixth.email(new_address()), "/apply/verify"));
  }

  void email_syntax_is_checked() {
    Wizard w(add_staff());
    w.identity();
    for (const auto& [typed, message] : std::vector<std::pair<std::string, std::string>>{
             {"", "請輸入 E-Mail。"},
             {"吳青@example.com", "E-Mail 僅能使用英文字母、數字及半形符號"},
             {"not-an-address", "E-Mail 格式不正確"},
             {"a@b", "E-Mail 格式不正確"},
             {std::string(65, 'a') + "@example.com", "E-Mail 過長"},
             {"a@" + std::string(250, 'b') + ".tw", "E-Mail 過長"}}) {
      HttpResponse r = w.email(typed);
      CPPUNIT_ASSERT_EQUAL_MESSAGE(typed, 200L, r.status);
      CPPUNIT_ASSERT_MESSAGE(typed, contains(r.body, message));
      CPPUNIT_ASSERT(contains(r.body, "email-error"));
    }
    CPPUNIT_ASSERT_EQUAL(
        std::string("0"),
        scalar("SELECT COUNT(*) FROM email_codes WHERE session_hash = " + session_hash_sql(w.b)));
  }

  void each_account_rule_is_named_next_to_its_field() {
    Wizard w(add_staff("陳老師", "1986-01-02"));
    w.reach_account_step();
    for (const auto& [name, message] : std::vector<std::pair<std::string, std::string>>{
             {"", "請輸入帳號"},
             {"ab1", "帳號長度須為 6 至 20 個字元"},
             {"abcdefghijklmnopqrstu1", "帳號長度須為 6 至 20 個字元"},
             {"1abcdef", "帳號須以英文字母開頭"},
             {"abc def1", "帳號僅能包含英文字母、數字及 . _ -"},
             {"abcdefgh", "帳號須同時包含英文字母及數字"},
             {"x" + w.staff.national_id, "帳號不得為或包含身分證/外籍人士統一證號"},
             {"wu19860102", "帳號不得包含出生年月日"},
             {"wu750102x", "帳號不得包含出生年月日"}}) {
      HttpResponse r = w.account(name, kPassword, kPassword);
      CPPUNIT_ASSERT_EQUAL_MESSAGE(name, 200L, r.status);
      std::size_t error = r.body.find("id=\"account-error\"");
      CPPUNIT_ASSERT_MESSAGE(name, error != std::string::npos);
      CPPUNIT_ASSERT_MESSAGE(name + ": " + message, contains(r.body.substr(error, 800), message));
      CPPUNIT_ASSERT(!contains(r.body, kPassword));
      CPPUNIT_ASSERT(!contains(r.body, "id=\"password-error\""));
    }
    HttpResponse r = w.account(unique_name(), kPassword, kPassword, "12345");
    CPPUNIT_ASSERT(contains(r.body, "id=\"phone-error\""));
    CPPUNIT_ASSERT(contains(r.body, "聯絡電話格式不正確"));
    CPPUNIT_ASSERT(contains(r.body, "value=\"12345\""));  // kept to be corrected
    CPPUNIT_ASSERT_EQUAL(0, accounts_of(w.staff));
    // An empty phone is allowed: the field is optional.
    CPPUNIT_ASSERT(redirects_to(w.account(unique_name(), kPassword, kPassword, ""), "/apply/done"));
    CPPUNIT_ASSERT_EQUAL(std::string("NULL"),
                         scalar("SELECT IFNULL(phone, 'NULL') FROM accounts WHERE person_id = " +
                                w.staff.person_id));
  }

  void each_password_rule_is_named_next_to_its_field() {
    Wizard w(add_staff("林老師", "1986-01-02"));
    w.reach_account_step();
    std::string name = unique_name();
    std::string lower_id = w.staff.national_id;
    lower_id[0] = static_cast<char>(std::tolower(lower_id[0]));
    for (const auto& [password, message] : std::vector<std::pair<std::string, std::string>>{
             {"", "請輸入密碼"},
             {"Short-1a", "密碼長度須為 12 至 64 個字元"},
             {"Aa1-" + std::string(61, 'x'), "密碼長度須為 12 至 64 個字元"},
             {"Blue Harbor-42x", "密碼不得包含空格或其他空白字元"},
             {"blueharborfortytwo", "密碼須包含大寫英文字母、小寫英文字母、數字及符號"},
             {"Pw-" + name + "!", "密碼不得包含帳號"},
             {"Pw-" + lower_id + "!", "密碼不得包含身分證/外籍人士統一證號"},
             {"Pw-19860102-Blue", "密碼不得包含出生年月日"},
             {"Pw-0750102-Blue", "密碼不得包含出生年月日"},
             {"Password1234", "此密碼太常見"}}) {
      HttpResponse r = w.account(name, password, password);
      CPPUNIT_ASSERT_EQUAL_MESSAGE(password, 200L, r.status);
      std::size_t error = r.body.find("id=\"password-error\"");
      CPPUNIT_ASSERT_MESSAGE(password, error != std::string::npos);
      CPPUNIT_ASSERT_MESSAGE(password + ": " + message,
                             contains(r.body.substr(error, 1500), message));
      CPPUNIT_ASSERT_MESSAGE(password, password.empty() || !contains(r.body, password));
      CPPUNIT_ASSERT(contains(r.body, "value=\"" + name + "\""));  // the name is kept
    }
    HttpResponse r = w.account(name, kPassword, "Blue-Harbor-43x");
    CPPUNIT_ASSERT(contains(r.body, "id=\"confirm-error\""));
    CPPUNIT_ASSERT(contains(r.body, "兩次輸入的新密碼不一致"));
    CPPUNIT_ASSERT(!contains(r.body, "Blue-Harbor-4"));
    r = w.account(name, kPassword, "");
    CPPUNIT_ASSERT(contains(r.body, "請再次輸入新密碼"));
    CPPUNIT_ASSERT_EQUAL(0, accounts_of(w.staff));
    CPPUNIT_ASSERT(redirects_to(w.account(name, kPassword, kPassword), "/apply/done"));
  }

  void taken_account_name_in_any_case_is_refused() {
    Wizard first(add_staff());
    first.reach_account_step();
    std::string name = "Taken" + digits(6) + "x";
    CPPUNIT_ASSERT(redirects_to(first.account(name, kPassword, kPassword), "/apply/done"));
    Wizard second(add_staff());
    second.reach_account_step();
    std::string other_case = name;
    for (char& c : other_case) c = static_cast<char>(std::tolower(c));
    HttpResponse r = second.account(other_case, kPassword, kPassword);
    CPPUNIT_ASSERT_EQUAL(200L, r.status);
    std::size_t error = r.body.find("id=\"account-error\"");
    CPPUNIT_ASSERT(error != std::string::npos);
    CPPUNIT_ASSERT(contains(r.body.substr(error, 400), "此帳號已有人使用，請改用其他帳號。"));
    CPPUNIT_ASSERT_EQUAL(0, accounts_of(second.staff));
    CPPUNIT_ASSERT(
        redirects_to(second.account(unique_name(), kPassword, kPassword), "/apply/done"));
  }

  void steps_cannot_be_skipped() {
    Browser cold;  // no cookie at all
    for (const char* path : {"/apply/email", "/apply/verify", "/apply/account", "/apply/done"}) {
      CPPUNIT_ASSERT_MESSAGE(path, redirects_to(cold.get(path), "/apply/identity"));
    }
    Wizard w(add_staff());
    HttpResponse page = w.b.get("/apply/identity");
    std::string csrf = csrf_of(page.body);
    for (const char* path : {"/apply/email", "/apply/verify", "/apply/account", "/apply/done"}) {
      CPPUNIT_ASSERT_MESSAGE(path, redirects_to(w.b.get(path), "/apply/identity"));
    }
    CPPUNIT_ASSERT(redirects_to(post(w.b, "/apply/resend", {{"csrf", csrf}}), "/apply/identity"));
    CPPUNIT_ASSERT(redirects_to(post(w.b, "/apply/verify", {{"csrf", csrf}, {"code", "123456"}}),
                                "/apply/identity"));
    w.identity();
    for (const char* path : {"/apply/verify", "/apply/account", "/apply/done"}) {
      CPPUNIT_ASSERT_MESSAGE(path, redirects_to(w.b.get(path), "/apply/email"));
    }
    w.email();
    CPPUNIT_ASSERT(redirects_to(w.b.get("/apply/account"), "/apply/verify"));
    // A forged account POST at the code step makes nothing.
    page = w.b.get("/apply/verify");
    w.b.get("/captcha?form=apply_account");
    HttpResponse r = post(w.b, "/apply/account",
                          {{"csrf", csrf_of(page.body)},
                           {"account", unique_name()},
                           {"password", kPassword},
                           {"password_confirm", kPassword},
                           {"captcha", captcha_answer()}});
    CPPUNIT_ASSERT(redirects_to(r, "/apply/verify"));
    CPPUNIT_ASSERT_EQUAL(0, accounts_of(w.staff));
    // CSRF still guards every wizard POST.
    CPPUNIT_ASSERT_EQUAL(403L, post(w.b, "/apply/verify", {{"code", "123456"}}).status);
    CPPUNIT_ASSERT_EQUAL(403L, post(w.b, "/apply/resend", {{"csrf", "nope"}}).status);
  }

  void back_button_lands_on_the_current_step() {
    Wizard w(add_staff());
    w.identity();
    CPPUNIT_ASSERT(redirects_to(w.b.get("/apply/identity"), "/apply/email"));
    // Resubmitting step 1 from the browser history does not restart or fail the wizard.
    w.b.get("/captcha?form=apply_identity");
    HttpResponse r = post(w.b, "/apply/identity",
                          {{"csrf", csrf_of(w.b.get("/apply/email").body)},
                           {"national_id", w.staff.national_id},
                           {"birth_date", w.staff.birth_date},
                           {"captcha", captcha_answer()}});
    CPPUNIT_ASSERT(redirects_to(r, "/apply/email"));
    w.email();
    CPPUNIT_ASSERT(redirects_to(w.b.get("/apply/identity"), "/apply/verify"));
    CPPUNIT_ASSERT_EQUAL(200L, w.b.get("/apply/email").status);  // 變更E-Mail / back one page
    CPPUNIT_ASSERT(redirects_to(w.verify(w.code_digits()), "/apply/account"));
    for (const char* path : {"/apply/identity", "/apply/email", "/apply/verify"}) {
      CPPUNIT_ASSERT_MESSAGE(path, redirects_to(w.b.get(path), "/apply/account"));
    }
    CPPUNIT_ASSERT_EQUAL(200L, w.b.get("/apply/account").status);
  }

  void nothing_is_replayed_after_completion() {
    Wizard w(add_staff());
    w.reach_account_step();
    std::string name = unique_name();
    HttpResponse form = w.b.get("/apply/account");
    CPPUNIT_ASSERT(redirects_to(w.account(name, kPassword, kPassword), "/apply/done"));
    // The account form posted again from history: no second account, no second mail.
    w.b.get("/captcha?form=apply_account");
    HttpResponse r = post(w.b, "/apply/account",
                          {{"csrf", csrf_of(form.body)},
                           {"account", unique_name()},
                           {"password", kPassword},
                           {"password_confirm", kPassword},
                           {"captcha", captcha_answer()}});
    CPPUNIT_ASSERT(redirects_to(r, "/apply/done"));
    CPPUNIT_ASSERT(redirects_to(w.verify(w.code_digits()), "/apply/done"));
    CPPUNIT_ASSERT(redirects_to(w.b.get("/apply/account"), "/apply/done"));
    CPPUNIT_ASSERT(redirects_to(w.b.get("/apply/email"), "/apply/done"));
    CPPUNIT_ASSERT_EQUAL(1, accounts_of(w.staff));
    CPPUNIT_ASSERT_EQUAL(1, outbox_count(w.address, kSuccessSubject));
    CPPUNIT_ASSERT_EQUAL(200L, w.b.get("/apply/done").status);
    // Starting over with the same person is told the account exists.
    HttpResponse again = w.identity();
    CPPUNIT_ASSERT(contains(again.body, "您已申請過個人業務帳號"));
  }

  // 身分驗證 leaves a copy of the name, masked ID number and phone in the session for the later
  // pages; a session without it (begun before an upgrade) is served from the staff records.
  void pages_show_the_applicant_with_or_without_the_session_copy() {
    Staff s = add_staff();
    Wizard w(s);
    w.identity();
    std::string masked = xueji::mask_national_id(s.national_id);
    HttpResponse with_copy = w.b.get("/apply/email");
    CPPUNIT_ASSERT_MESSAGE(with_copy.body, contains(with_copy.body, s.name + " 您好"));
    CPPUNIT_ASSERT(contains(with_copy.body, masked));
    std::string data = scalar("SELECT data FROM sessions WHERE id_hash = " + session_hash_sql(w.b));
    CPPUNIT_ASSERT_MESSAGE(data, contains(data, "name="));
    // A record renamed after 身分驗證 shows only once a page reads the records.
    sql("UPDATE persons SET name = CONCAT(name, '乙') WHERE id = " + s.person_id);
    CPPUNIT_ASSERT(contains(w.b.get("/apply/email").body, s.name + " 您好"));
    sql("UPDATE sessions SET data = REGEXP_REPLACE(data, '&?(name|idm|phone)=[^&]*', '') WHERE "
        "id_hash = " + session_hash_sql(w.b));
    HttpResponse from_records = w.b.get("/apply/email");
    CPPUNIT_ASSERT_MESSAGE(from_records.body, contains(from_records.body, s.name + "乙 您好"));
    CPPUNIT_ASSERT(contains(from_records.body, masked));
  }

  // A person at two schools passes once, greeted with the newest record's name: `xueji-ctl staff
  // add` at the second school refreshes the name and phone the person carries.
  void a_person_at_two_schools_passes_once_with_the_newest_name() {
    Staff s = add_staff("林美華");
    std::string code = "WZ" + digits(8);
    CliResult school = run_ctl({"school", "add", "--code", code, "--name", "第二測試國小"});
    CPPUNIT_ASSERT_EQUAL_MESSAGE(school.err, 0, school.status);
    CliResult staff = run_ctl({"staff", "add", "--school", code, "--national-id", s.national_id,
                               "--name", "林美樺", "--birth-date", s.birth_date, "--phone",
                               "0912-000-111"});
    CPPUNIT_ASSERT_EQUAL_MESSAGE(staff.err, 0, staff.status);
    Wizard w(s);
    HttpResponse r = w.identity();
    CPPUNIT_ASSERT_EQUAL_MESSAGE(r.body, 303L, r.status);
    CPPUNIT_ASSERT(contains(w.b.get("/apply/email").body, "林美樺 您好"));
    CPPUNIT_ASSERT_EQUAL(std::string("1"), scalar("SELECT COUNT(*) FROM audit_log WHERE action = "
                                                  "'apply.identity.passed' AND actor = 'person:" +
                                                  s.person_id + "'"));
  }

  // While requests wait, a worker child keeps audit rows back to write several at once
  // (fcgi/audit_batch.h): none may be lost.
  void identity_checks_of_a_busy_worker_all_reach_the_audit_log() {
    constexpr int kThreads = 8, kEach = 4;
    std::vector<std::unique_ptr<Wizard>> visitors;
    std::vector<std::string> csrf;
    for (int i = 0; i < kThreads * kEach; ++i) {
      Staff nobody{new_national_id(), "1986-01-02", "", "", ""};  // no staff record has it
      visitors.push_back(std::make_unique<Wizard>(nobody));
      csrf.push_back(csrf_of(get_page(visitors.back()->b, "/apply/identity").body));
      visitors.back()->b.get("/captcha?form=apply_identity");
    }
    std::string before = scalar("SELECT COALESCE(MAX(id), 0) FROM audit_log");
    std::string started = scalar("SELECT UTC_TIMESTAMP(6)");
    std::atomic<bool> go{false};
    std::atomic<int> answered{0};
    auto submit = [&](int thread) {
      while (!go) {
      }
      for (int i = thread; i < kThreads * kEach; i += kThreads) {
        Wizard& w = *visitors[i];
        HttpResponse r = post(w.b, "/apply/identity",
                              {{"csrf", csrf[i]},
                               {"national_id", w.staff.national_id},
                               {"birth_date", w.staff.birth_date},
                               {"captcha", captcha_answer()}});
        if (r.status == 200 && contains(r.body, kNoMatchStart)) ++answered;
        // Pages of the same worker that write no audit row keep the children busy, so that a
        // kept row may have no later row to go with.
        for (int page = 0; page < 3; ++page) w.b.get("/apply/identity");
      }
    };
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) threads.emplace_back(submit, t);
    go = true;
    for (std::thread& t : threads) t.join();
    CPPUNIT_ASSERT_EQUAL(kThreads * kEach, answered.load());
    // Kept rows are written before a child waits again: moments after the last answer.
    std::string count_sql = "SELECT COUNT(*) FROM audit_log WHERE id > " + before +
                            " AND action = 'apply.identity.failed' AND at >= '" + started + "'";
    std::string count;
    for (int attempt = 0; attempt < 50; ++attempt) {
      count = scalar(count_sql);
      if (count == std::to_string(kThreads * kEach)) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    CPPUNIT_ASSERT_EQUAL(std::to_string(kThreads * kEach), count);
  }

  void idle_wizard_expires_with_a_way_back() {
    Wizard w(add_staff());
    w.identity();
    w.email();
    HttpResponse page = w.b.get("/apply/verify");
    // Thirty minutes of nothing.
    sql("UPDATE sessions SET expires_at = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND, last_seen_at = "
        "last_seen_at - INTERVAL 31 MINUTE WHERE id_hash = " +
        session_hash_sql(w.b));
    for (const char* path : {"/apply/email", "/apply/verify", "/apply/account", "/apply/done"}) {
      HttpResponse r = w.b.get(path);
      CPPUNIT_ASSERT_EQUAL_MESSAGE(path, 200L, r.status);
      CPPUNIT_ASSERT_MESSAGE(path, contains(r.body, "閒置超過 30 分鐘"));
      CPPUNIT_ASSERT(contains(r.body, "href=\"/apply/identity\""));
    }
    HttpResponse r =
        post(w.b, "/apply/verify", {{"csrf", csrf_of(page.body)}, {"code", w.code_digits()}});
    CPPUNIT_ASSERT(contains(r.body, "閒置超過 30 分鐘"));
    // The link starts a new wizard.
    CPPUNIT_ASSERT_EQUAL(200L, w.b.get("/apply/identity").status);
    CPPUNIT_ASSERT(redirects_to(w.identity(), "/apply/email"));
  }

  void two_concurrent_code_submits_consume_it_once() {
    Wizard w(add_staff());
    w.identity();
    w.email();
    std::string csrf = csrf_of(w.b.get("/apply/verify").body);
    std::string code = w.code_digits();
    Browser twin;
    twin.set_cookie("xueji_session", w.b.cookie("xueji_session"));
    HttpResponse a, b;
    std::atomic<bool> go{false};
    std::thread first([&] {
      while (!go) {
      }
      a = post(w.b, "/apply/verify", {{"csrf", csrf}, {"code", code}});
    });
    std::thread second([&] {
      while (!go) {
      }
      b = post(twin, "/apply/verify", {{"csrf", csrf}, {"code", code}});
    });
    go = true;
    first.join();
    second.join();
    // Both land on the next step; the code was consumed once.
    CPPUNIT_ASSERT_MESSAGE(a.body, redirects_to(a, "/apply/account"));
    CPPUNIT_ASSERT_MESSAGE(b.body, redirects_to(b, "/apply/account"));
    CPPUNIT_ASSERT_EQUAL(std::string("1"), scalar("SELECT COUNT(*) FROM audit_log WHERE action = "
                                                  "'apply.code.verified' AND actor = 'person:" +
                                                  w.staff.person_id + "'"));
    CPPUNIT_ASSERT_EQUAL(
        std::string("used"),
        scalar("SELECT state FROM email_codes WHERE address = '" + w.address + "'"));
  }

  void two_concurrent_account_submits_make_one_account() {
    Wizard w(add_staff());
    w.reach_account_step();
    std::string csrf = csrf_of(w.b.get("/apply/account").body);
    w.b.get("/captcha?form=apply_account");
    Browser twin;
    twin.set_cookie("xueji_session", w.b.cookie("xueji_session"));
    std::string name = unique_name();
    FormFields fields = {{"csrf", csrf},          {"account", name},
                         {"password", kPassword}, {"password_confirm", kPassword},
                         {"phone", ""},           {"captcha", captcha_answer()}};
    HttpResponse a, b;
    std::atomic<bool> go{false};
    std::thread first([&] {
      while (!go) {
      }
      a = post(w.b, "/apply/account", fields);
    });
    std::thread second([&] {
      while (!go) {
      }
      b = post(twin, "/apply/account", fields);
    });
    go = true;
    first.join();
    second.join();
    CPPUNIT_ASSERT(redirects_to(a, "/apply/done") || redirects_to(b, "/apply/done"));
    CPPUNIT_ASSERT_EQUAL(1, accounts_of(w.staff));
    CPPUNIT_ASSERT_EQUAL(1, outbox_count(w.address, kSuccessSubject));
  }

  void two_sessions_racing_for_one_person_make_one_account() {
    Staff s = add_staff();
    Wizard one(s);
    Wizard two(s);
    one.reach_account_step();
    two.reach_account_step();
    std::string csrf_one = csrf_of(one.b.get("/apply/account").body);
    std::string csrf_two = csrf_of(two.b.get("/apply/account").body);
    one.b.get("/captcha?form=apply_account");
    two.b.get("/captcha?form=apply_account");
    HttpResponse a, b;
    std::atomic<bool> go{false};
    auto submit = [&](Browser& browser, const std::string& csrf, HttpResponse& out) {
      while (!go) {
      }
      out = post(browser, "/apply/account",
                 {{"csrf", csrf},
                  {"account", unique_name()},
                  {"password", kPassword},
                  {"password_confirm", kPassword},
                  {"phone", ""},
                  {"captcha", captcha_answer()}});
    };
    std::thread first(submit, std::ref(one.b), csrf_one, std::ref(a));
    std::thread second(submit, std::ref(two.b), csrf_two, std::ref(b));
    go = true;
    first.join();
    second.join();
    CPPUNIT_ASSERT_EQUAL(1, accounts_of(s));
    int done = int(redirects_to(a, "/apply/done")) + int(redirects_to(b, "/apply/done"));
    CPPUNIT_ASSERT_EQUAL(1, done);
    const HttpResponse& loser = redirects_to(a, "/apply/done") ? b : a;
    CPPUNIT_ASSERT_MESSAGE(loser.body, contains(loser.body, "您已申請過個人業務帳號"));
    CPPUNIT_ASSERT_EQUAL(
        1, outbox_count(one.address, kSuccessSubject) + outbox_count(two.address, kSuccessSubject));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(WizardTest);
