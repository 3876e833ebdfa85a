// admin_test.cpp: the school's AA console and the helpdesk over HTTP through nginx (issue 18,
// contract.md §3b): 403 for accounts without a console right and 404 for another school's ids on
// every route; staff records added, edited and removed; duties by right (AA administrative within
// the approved staffing, 人事 導師, 教務 任課教師, 校長 例外人員); the step-up and its wrong-code
// counter; unlock, password reset by mailed link, 2FA reset; CSV import preview and all-or-
// nothing apply; the new school year; the audit page; the helpdesk's search and e-mail reset;
// `xueji-ctl posts` and `helpdesk`.
#include <cppunit/extensions/HelperMacros.h>

#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "core/crypto.h"
#include "core/national_id.h"
#include "core/personal_data.h"
#include "tests/integration/support/login_support.h"
#include "tests/integration/support/maildir.h"

using namespace xueji::testing;

namespace {

const std::string kResetSubject = "【國民中小學學籍管理系統 2.0】重設密碼通知信";
const std::string kEmailSubject = "【國民中小學學籍管理系統 2.0】E-Mail 重設通知信";

struct School {
  std::string code;
  std::string name;
};

School new_school() {
  School s{"T" + digits(7), ""};
  s.name = "測試國小" + s.code;
  sql("INSERT INTO schools (code, name, created_at) VALUES ('" + s.code + "', '" + s.name +
      "', UTC_TIMESTAMP(6))");
  return s;
}

// A staff member of a school with duties this year; an account when `account` is set (password
// fresh, TOTP bound through the page, logged in: `browser`).
struct Member {
  std::string national_id;
  std::string name;
  std::string staff_id;
  std::string account;
  std::string key;
  std::string email;
  std::unique_ptr<Browser> browser;
};

void add_duty(const std::string& staff_id, const std::string& duty, int year = 0) {
  sql("INSERT INTO duties (staff_id, school_year, duty, created_at) VALUES (" + staff_id + ", " +
      std::to_string(year ? year : active_year()) + ", '" + duty + "', UTC_TIMESTAMP(6))");
}

std::string staff_id_of(const std::string& national_id, const School& school) {
  std::string hmac =
      xueji::crypto::to_hex(xueji::national_id_hmac(server_secret(), national_id));
  return scalar("SELECT s.id FROM staff s JOIN persons p ON p.id = s.person_id JOIN schools c ON "
                "c.id = s.school_id WHERE c.code = '" +
                school.code + "' AND p.id_hmac = UNHEX('" + hmac + "')");
}

// Lets the next TOTP code of the current step be used again (tests move the stored step rather
// than wait 30 seconds).
void forget_used_step(const std::string& account) {
  sql("UPDATE accounts SET totp_last_step = NULL WHERE login_key = LOWER('" + account + "')");
}

Member member(const School& school, const std::vector<std::string>& duties,
              bool with_account = true) {
  Member m;
  m.national_id = new_national_id();
  m.name = "教師" + digits(4);
  m.email = "aa" + digits(10) + "@example.com";
  std::string hmac =
      xueji::crypto::to_hex(xueji::national_id_hmac(server_secret(), m.national_id));
  sql("INSERT INTO persons (id_hmac, id_masked, birth_date, created_at) VALUES (UNHEX('" + hmac +
      "'), '" + xueji::mask_national_id(m.national_id) + "', '1980-05-17', UTC_TIMESTAMP(6))");
  sql("INSERT INTO staff (school_id, person_id, name, birth_date, created_at) SELECT sc.id, p.id, "
      "'" + m.name + "', '1980-05-17', UTC_TIMESTAMP(6) FROM schools sc, persons p WHERE sc.code = '" +
      school.code + "' AND p.id_hmac = UNHEX('" + hmac + "')");
  m.staff_id = staff_id_of(m.national_id, school);
  for (const std::string& d : duties) add_duty(m.staff_id, d);
  if (!with_account) return m;
  m.account = good_name();
  ctl("account add-legacy --national-id " + m.national_id + " --account " + m.account +
      " --password " + quoted(kStrongPassword) + " --email " + m.email);
  sql("UPDATE accounts SET password_changed_at = UTC_TIMESTAMP(6) - INTERVAL 2 DAY, "
      "email_verified_at = UTC_TIMESTAMP(6) WHERE login_key = LOWER('" + m.account + "')");
  m.browser = std::make_unique<Browser>();
  HttpResponse first = login(*m.browser, m.account, kStrongPassword);
  CPPUNIT_ASSERT_EQUAL(std::string("/2fa/bind"), location(first));
  m.key = bind_totp(*m.browser);
  m.browser->get("/home");
  return m;
}

std::string csrf(Browser& b) { return csrf_of(b.get("/home").body); }

HttpResponse post_with_csrf(Browser& b, const std::string& path, FormFields fields) {
  fields.push_back({"csrf", csrf(b)});
  return post(b, path, fields);
}

HttpResponse step_up(Member& m) {
  forget_used_step(m.account);
  HttpResponse page = m.browser->get("/admin/stepup?back=/admin");
  CPPUNIT_ASSERT_EQUAL(200L, page.status);
  return post(*m.browser, "/admin/stepup",
              {{"csrf", csrf_of(page.body)}, {"otp", totp_now(m.key)}, {"back", "/admin"}});
}

std::string duties_of(const std::string& staff_id) {
  return trimmed(sql("SELECT GROUP_CONCAT(duty ORDER BY duty) FROM duties WHERE staff_id = " +
                     staff_id + " AND school_year = " + std::to_string(active_year())));
}

std::string link_path(const std::string& body) {
  std::size_t at = body.find("/forgot/password/reset?token=");
  CPPUNIT_ASSERT_MESSAGE(body, at != std::string::npos);
  std::size_t end = body.find_first_of(" \n", at);
  return body.substr(at, end - at);
}

}  // namespace

class AdminTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(AdminTest);
  CPPUNIT_TEST(cli_sets_approved_posts_and_the_helpdesk_role);
  CPPUNIT_TEST(no_login_goes_to_the_login_page);
  CPPUNIT_TEST(account_without_a_console_right_gets_403_on_every_route);
  CPPUNIT_TEST(another_schools_ids_get_404_on_every_route);
  CPPUNIT_TEST(aa_adds_edits_and_removes_staff);
  CPPUNIT_TEST(duties_follow_the_rights_and_the_approved_staffing);
  CPPUNIT_TEST(step_up_counts_wrong_codes_on_the_account);
  CPPUNIT_TEST(aa_unlocks_and_resets_two_factor);
  CPPUNIT_TEST(password_reset_mails_a_link_and_the_staff_member_sets_a_new_password);
  CPPUNIT_TEST(import_previews_and_applies_all_or_nothing);
  CPPUNIT_TEST(ten_thousand_lines_import_in_seconds);
  CPPUNIT_TEST(new_school_year_carries_last_years_duties);
  CPPUNIT_TEST(audit_page_lists_the_schools_actions_newest_first);
  CPPUNIT_TEST(helpdesk_finds_accounts_and_resets_an_email);
  CPPUNIT_TEST(staff_list_counts_an_id_number_account_as_none_yet);
  CPPUNIT_TEST_SUITE_END();

 public:
  void cli_sets_approved_posts_and_the_helpdesk_role() {
    School s = new_school();
    std::string ok = ctl("posts set --school " + s.code + " --duty 教務 --count 2");
    CPPUNIT_ASSERT(contains(ok, "教務"));
    CPPUNIT_ASSERT_EQUAL(std::string("2"),
                         scalar("SELECT approved_count FROM approved_posts p JOIN schools s ON "
                                "s.id = p.school_id WHERE s.code = '" + s.code + "' AND duty = '教務'"));
    ctl("posts set --school " + s.code + " --duty 教務 --count 1");
    CPPUNIT_ASSERT_EQUAL(std::string("1"),
                         scalar("SELECT approved_count FROM approved_posts p JOIN schools s ON "
                                "s.id = p.school_id WHERE s.code = '" + s.code + "' AND duty = '教務'"));
    // 導師 is not an administrative duty; a count must be a number; the school must exist.
    CPPUNIT_ASSERT_THROW(ctl("posts set --school " + s.code + " --duty 導師 --count 1"),
                         std::exception);
    CPPUNIT_ASSERT_THROW(ctl("posts set --school " + s.code + " --duty 教務 --count x"),
                         std::exception);
    CPPUNIT_ASSERT_THROW(ctl("posts set --school NOPE" + digits(5) + " --duty 教務 --count 1"),
                         std::exception);
    CPPUNIT_ASSERT(contains(ctl("posts show --school " + s.code), "教務\t1"));

    Member m = member(s, {"導師"});
    CPPUNIT_ASSERT(contains(ctl("helpdesk add " + m.account), "諮詢專員"));
    CPPUNIT_ASSERT_EQUAL(std::string("1"),
                         scalar("SELECT COUNT(*) FROM helpdesk_accounts h JOIN accounts a ON "
                                "a.id = h.account_id WHERE a.login_key = LOWER('" + m.account + "')"));
    CPPUNIT_ASSERT_EQUAL(200L, m.browser->get("/helpdesk").status);
    ctl("helpdesk remove " + m.account);
    CPPUNIT_ASSERT_EQUAL(403L, m.browser->get("/helpdesk").status);
    CPPUNIT_ASSERT_THROW(ctl("helpdesk add nobody" + digits(6)), std::exception);
    CPPUNIT_ASSERT(!trimmed(sql("SELECT id FROM audit_log WHERE action = 'helpdesk.add' AND "
                                "target = CONCAT('account:', (SELECT id FROM accounts WHERE "
                                "login_key = LOWER('" + m.account + "')))")).empty());
  }

  void no_login_goes_to_the_login_page() {
    Browser b;
    for (const char* path : {"/admin", "/admin/staff?school=X", "/admin/audit?school=X",
                             "/helpdesk"}) {
      HttpResponse r = b.get(path);
      CPPUNIT_ASSERT_EQUAL_MESSAGE(path, 303L, r.status);
      CPPUNIT_ASSERT_MESSAGE(path, location(r).rfind("/login?rd=", 0) == 0);
    }
  }

  void account_without_a_console_right_gets_403_on_every_route() {
    School s = new_school();
    Member teacher = member(s, {"導師", "任課教師"});
    Member other = member(s, {"導師"}, false);
    Browser& b = *teacher.browser;
    std::string q = "?school=" + s.code;
    for (const std::string& path : std::vector<std::string>{"/admin", "/admin/staff" + q, "/admin/staff/new" + q,
                             "/admin/staff/edit" + q + "&staff=" + other.staff_id,
                             "/admin/import" + q, "/admin/stepup", "/admin/audit" + q,
                             "/helpdesk"}) {
      HttpResponse r = b.get(path);
      CPPUNIT_ASSERT_EQUAL_MESSAGE(path, 403L, r.status);
      CPPUNIT_ASSERT_MESSAGE(path, contains(r.body, "您沒有使用此功能的權限"));
    }
    FormFields target{{"school", s.code}, {"staff", other.staff_id}};
    for (std::string path : std::vector<std::string>{"/admin/staff/new", "/admin/staff/edit", "/admin/duty",
                             "/admin/import", "/admin/account", "/admin/stepup", "/helpdesk",
                             "/helpdesk/email"}) {
      FormFields fields = target;
      fields.push_back({"duty", "導師"});
      fields.push_back({"action", "assign"});
      HttpResponse r = post_with_csrf(b, path, fields);
      CPPUNIT_ASSERT_EQUAL_MESSAGE(path, 403L, r.status);
    }
    CPPUNIT_ASSERT_EQUAL(std::string("導師"), duties_of(other.staff_id));
  }

  void another_schools_ids_get_404_on_every_route() {
    School a = new_school();
    School b = new_school();
    Member aa = member(a, {"學校權限AA", "人事", "教務", "校長"});
    Member mine = member(a, {"導師"}, false);
    Member theirs = member(b, {"導師"}, false);
    Browser& br = *aa.browser;
    CPPUNIT_ASSERT_EQUAL(200L, br.get("/admin/staff?school=" + a.code).status);
    for (const std::string& code : {b.code, std::string("NOSUCH1"), std::string("%27x")}) {
      for (std::string path : {"/admin/staff", "/admin/staff/new", "/admin/import",
                               "/admin/audit"}) {
        HttpResponse r = br.get(path + "?school=" + code);
        CPPUNIT_ASSERT_EQUAL_MESSAGE(path + code, 404L, r.status);
      }
      CPPUNIT_ASSERT_EQUAL(404L,
                           br.get("/admin/staff/edit?school=" + code + "&staff=" + theirs.staff_id)
                               .status);
    }
    // The other school's staff id under my school, and anything malformed.
    for (const std::string& staff : {theirs.staff_id, std::string("0"), std::string("1x")}) {
      CPPUNIT_ASSERT_EQUAL(404L,
                           br.get("/admin/staff/edit?school=" + a.code + "&staff=" + staff).status);
    }
    step_up(aa);
    struct Case {
      std::string path;
      FormFields fields;
    };
    std::vector<Case> cases = {
        {"/admin/staff/new", {{"school", b.code}, {"national_id", new_national_id()},
                              {"name", "外校"}, {"birth_date", "1980-01-01"}}},
        {"/admin/staff/edit", {{"school", b.code}, {"staff", theirs.staff_id}, {"name", "改"}}},
        {"/admin/staff/edit", {{"school", a.code}, {"staff", theirs.staff_id}, {"name", "改"}}},
        {"/admin/staff/edit",
         {{"school", a.code}, {"staff", theirs.staff_id}, {"remove", "1"}}},
        {"/admin/duty", {{"school", b.code}, {"staff", theirs.staff_id}, {"duty", "導師"},
                         {"action", "remove"}}},
        {"/admin/duty", {{"school", a.code}, {"staff", theirs.staff_id}, {"duty", "導師"},
                         {"action", "remove"}}},
        {"/admin/duty", {{"school", b.code}, {"staff", theirs.staff_id}, {"duty", "導師"},
                         {"action", "assign"}}},
        {"/admin/duty", {{"school", a.code}, {"staff", theirs.staff_id}, {"duty", "任課教師"},
                         {"action", "assign"}}},
        {"/admin/import", {{"school", b.code}, {"csv", "national_id,name,birth_date,phone\n"}}},
        {"/admin/import", {{"school", b.code}, {"action", "year"}, {"confirm", "1"}}},
        {"/admin/account", {{"school", b.code}, {"staff", theirs.staff_id}, {"action", "unlock"}}},
        {"/admin/account",
         {{"school", a.code}, {"staff", theirs.staff_id}, {"action", "reset-2fa"}}},
        {"/admin/account",
         {{"school", b.code}, {"staff", theirs.staff_id}, {"action", "reset-password"}}},
        {"/admin/account",
         {{"school", a.code}, {"staff", theirs.staff_id}, {"action", "reset-password"}}},
    };
    for (const Case& c : cases) {
      HttpResponse r = post_with_csrf(br, c.path, c.fields);
      CPPUNIT_ASSERT_EQUAL_MESSAGE(c.path, 404L, r.status);
    }
    CPPUNIT_ASSERT_EQUAL(std::string("導師"), duties_of(theirs.staff_id));
    CPPUNIT_ASSERT_EQUAL(std::string("0"),
                         scalar("SELECT COUNT(*) FROM staff_removals WHERE staff_id = " +
                                theirs.staff_id));
    CPPUNIT_ASSERT(!contains(br.get("/admin/staff?school=" + a.code).body, theirs.name));
    CPPUNIT_ASSERT(contains(br.get("/admin/staff?school=" + a.code).body, mine.name));
    // The console's front page names this school only (one school: straight to its list).
    HttpResponse front = br.get("/admin");
    CPPUNIT_ASSERT_EQUAL(303L, front.status);
    CPPUNIT_ASSERT_EQUAL(std::string("/admin/staff?school=") + a.code, location(front));
  }

  void aa_adds_edits_and_removes_staff() {
    School s = new_school();
    Member aa = member(s, {"學校權限AA"});
    Browser& b = *aa.browser;
    HttpResponse form = b.get("/admin/staff/new?school=" + s.code);
    CPPUNIT_ASSERT_EQUAL(200L, form.status);
    // A wrong check digit: refused next to the form, nothing stored.
    std::string id = new_national_id();
    std::string wrong = id.substr(0, 9) + std::to_string((id[9] - '0' + 1) % 10);
    HttpResponse bad = post(b, "/admin/staff/new",
                            {{"csrf", csrf_of(form.body)}, {"school", s.code},
                             {"national_id", wrong}, {"name", "王小明"},
                             {"birth_date", "1985-03-14"}, {"phone", "0912-345-678"}});
    CPPUNIT_ASSERT_EQUAL(422L, bad.status);
    CPPUNIT_ASSERT(contains(bad.body, "檢查碼"));
    HttpResponse ok = post(b, "/admin/staff/new",
                           {{"csrf", csrf_of(form.body)}, {"school", s.code},
                            {"national_id", id}, {"name", "王小明"},
                            {"birth_date", "1985-03-14"}, {"phone", "0912-345-678"}});
    CPPUNIT_ASSERT_EQUAL(303L, ok.status);
    std::string staff = staff_id_of(id, s);
    CPPUNIT_ASSERT(!staff.empty());
    HttpResponse list = b.get("/admin/staff?school=" + s.code);
    CPPUNIT_ASSERT(contains(list.body, "王小明"));
    CPPUNIT_ASSERT(contains(list.body, xueji::mask_national_id(id)));
    CPPUNIT_ASSERT(!contains(list.body, id));
    CPPUNIT_ASSERT(contains(list.body, "尚未申請個人業務帳號"));
    CPPUNIT_ASSERT_EQUAL(std::string("0"),
                         scalar("SELECT COUNT(*) FROM audit_log WHERE target LIKE '%" + id + "%'"));
    // The same person again is refused.
    HttpResponse again = post(b, "/admin/staff/new",
                              {{"csrf", csrf_of(form.body)}, {"school", s.code},
                               {"national_id", id}, {"name", "王小明"},
                               {"birth_date", "1985-03-14"}, {"phone", ""}});
    CPPUNIT_ASSERT_EQUAL(422L, again.status);

    HttpResponse edit = post_with_csrf(b, "/admin/staff/edit",
                                       {{"school", s.code}, {"staff", staff},
                                        {"name", "王大明"}, {"phone", "02-2345-6789"}});
    CPPUNIT_ASSERT_EQUAL(303L, edit.status);
    CPPUNIT_ASSERT_EQUAL(std::string("王大明\t02-23456789"),
                         trimmed(sql("SELECT name, phone FROM staff WHERE id = " + staff)));
    HttpResponse bad_phone = post_with_csrf(
        b, "/admin/staff/edit", {{"school", s.code}, {"staff", staff}, {"name", "王大明"},
                                 {"phone", "12"}});
    CPPUNIT_ASSERT_EQUAL(422L, bad_phone.status);

    // Removing needs the step-up; then the record leaves this year with its duties.
    add_duty(staff, "導師");
    FormFields remove{{"school", s.code}, {"staff", staff}, {"remove", "1"}};
    HttpResponse first = post_with_csrf(b, "/admin/staff/edit", remove);
    CPPUNIT_ASSERT_EQUAL(303L, first.status);
    CPPUNIT_ASSERT(location(first).rfind("/admin/stepup?back=", 0) == 0);
    CPPUNIT_ASSERT_EQUAL(std::string("導師"), duties_of(staff));
    CPPUNIT_ASSERT_EQUAL(303L, step_up(aa).status);
    CPPUNIT_ASSERT_EQUAL(303L, post_with_csrf(b, "/admin/staff/edit", remove).status);
    CPPUNIT_ASSERT_EQUAL(std::string("NULL"), duties_of(staff));
    HttpResponse after = b.get("/admin/staff?school=" + s.code);
    CPPUNIT_ASSERT(contains(after.body, "已將 王大明 自本校"));
    CPPUNIT_ASSERT(!contains(after.body, "id=\"staff-" + staff + "\""));
    CPPUNIT_ASSERT(contains(ctl("staff list --school " + s.code), "本學年度已自本校移除"));
    CPPUNIT_ASSERT_EQUAL(404L,
                         b.get("/admin/staff/edit?school=" + s.code + "&staff=" + staff).status);
    // Adding the person again brings the record back.
    HttpResponse back = post_with_csrf(b, "/admin/staff/new",
                                       {{"school", s.code}, {"national_id", id},
                                        {"name", "王小明"}, {"birth_date", "1985-03-14"}});
    CPPUNIT_ASSERT_EQUAL(303L, back.status);
    CPPUNIT_ASSERT_EQUAL(staff, staff_id_of(id, s));
    CPPUNIT_ASSERT(contains(b.get("/admin/staff?school=" + s.code).body,
                            "id=\"staff-" + staff + "\""));
  }

  void duties_follow_the_rights_and_the_approved_staffing() {
    School s = new_school();
    Member aa = member(s, {"學校權限AA"});
    Member personnel = member(s, {"人事"});
    Member academic = member(s, {"教務"});
    Member principal = member(s, {"校長"});
    Member t1 = member(s, {}, false);
    Member t2 = member(s, {}, false);
    auto duty = [&](Member& who, const Member& to, const std::string& d,
                    const std::string& action = "assign") {
      return post_with_csrf(*who.browser, "/admin/duty",
                            {{"school", s.code}, {"staff", to.staff_id}, {"duty", d},
                             {"action", action}});
    };
    // No approved staffing yet: the manual's sentence, nothing assigned.
    HttpResponse none = duty(aa, t1, "學務");
    CPPUNIT_ASSERT_EQUAL(422L, none.status);
    CPPUNIT_ASSERT(contains(none.body, "縣市必須先核定員額編制，學校方能配置各處室行政人員"));
    ctl("posts set --school " + s.code + " --duty 學務 --count 1");
    CPPUNIT_ASSERT_EQUAL(303L, duty(aa, t1, "學務").status);
    CPPUNIT_ASSERT_EQUAL(std::string("學務"), duties_of(t1.staff_id));
    HttpResponse full = duty(aa, t2, "學務");
    CPPUNIT_ASSERT_EQUAL(422L, full.status);
    CPPUNIT_ASSERT(contains(full.body, "已達縣市核定的員額"));
    CPPUNIT_ASSERT_EQUAL(std::string("NULL"), duties_of(t2.staff_id));
    CPPUNIT_ASSERT(contains(aa.browser->get("/admin/staff?school=" + s.code).body, "1／1"));
    // The AA configures no 導師; 人事 does, but no 教務.
    CPPUNIT_ASSERT_EQUAL(403L, duty(aa, t2, "導師").status);
    CPPUNIT_ASSERT_EQUAL(303L, duty(personnel, t2, "導師").status);
    CPPUNIT_ASSERT_EQUAL(403L, duty(personnel, t2, "教務").status);
    CPPUNIT_ASSERT_EQUAL(403L, duty(personnel, t2, "任課教師").status);
    // 教務 assigns 任課教師; 校長 adds an 例外人員.
    CPPUNIT_ASSERT_EQUAL(303L, duty(academic, t2, "任課教師").status);
    CPPUNIT_ASSERT_EQUAL(403L, duty(academic, t2, "導師").status);
    CPPUNIT_ASSERT_EQUAL(303L, duty(principal, t2, "例外人員").status);
    CPPUNIT_ASSERT_EQUAL(std::string("任課教師,例外人員,導師"), duties_of(t2.staff_id));
    // The 校長 names an agent, who then manages the 例外人員 too (but names no agent).
    Member agent = member(s, {});
    CPPUNIT_ASSERT_EQUAL(403L, agent.browser->get("/admin").status);
    CPPUNIT_ASSERT_EQUAL(403L, duty(aa, agent, "校長代理人").status);
    CPPUNIT_ASSERT_EQUAL(303L, duty(principal, agent, "校長代理人").status);
    CPPUNIT_ASSERT_EQUAL(303L, duty(agent, t1, "例外人員").status);
    CPPUNIT_ASSERT_EQUAL(403L, duty(agent, t1, "校長代理人").status);
    CPPUNIT_ASSERT_EQUAL(403L, duty(agent, t1, "導師").status);
    // Everyone sees what the others configured; removing frees the post.
    HttpResponse seen = personnel.browser->get("/admin/staff?school=" + s.code);
    CPPUNIT_ASSERT_EQUAL(200L, seen.status);
    CPPUNIT_ASSERT(contains(seen.body, "例外人員"));
    CPPUNIT_ASSERT(contains(seen.body, "學務"));
    CPPUNIT_ASSERT_EQUAL(303L, duty(aa, t1, "學務", "remove").status);
    CPPUNIT_ASSERT_EQUAL(303L, duty(aa, t2, "學務").status);
    CPPUNIT_ASSERT_EQUAL(403L, duty(aa, t2, "不存在").status);
    // 人事, 教務 and 校長 are not the AA: the AA's own routes are 403 for them.
    for (Member* m : {&personnel, &academic, &principal}) {
      Browser& b = *m->browser;
      CPPUNIT_ASSERT_EQUAL(403L, b.get("/admin/staff/new?school=" + s.code).status);
      CPPUNIT_ASSERT_EQUAL(403L, b.get("/admin/import?school=" + s.code).status);
      CPPUNIT_ASSERT_EQUAL(403L, b.get("/admin/audit?school=" + s.code).status);
      CPPUNIT_ASSERT_EQUAL(403L, b.get("/admin/staff/edit?school=" + s.code + "&staff=" +
                                       t1.staff_id).status);
      CPPUNIT_ASSERT_EQUAL(403L, post_with_csrf(b, "/admin/account",
                                                {{"school", s.code}, {"staff", t1.staff_id},
                                                 {"action", "unlock"}}).status);
      CPPUNIT_ASSERT_EQUAL(403L, b.get("/helpdesk").status);
    }
    CPPUNIT_ASSERT(!trimmed(sql("SELECT id FROM audit_log WHERE action = 'admin.duty.assign' AND "
                                "target LIKE 'staff:" + t2.staff_id + " %duty:例外人員'")).empty());
  }

  void step_up_counts_wrong_codes_on_the_account() {
    School s = new_school();
    Member aa = member(s, {"學校權限AA"});
    Browser& b = *aa.browser;
    HttpResponse page = b.get("/admin/stepup?back=/admin");
    CPPUNIT_ASSERT_EQUAL(200L, page.status);
    std::string right = totp_now(aa.key);
    std::string wrong = right == "000000" ? "111111" : "000000";
    for (int i = 1; i <= 4; ++i) {
      HttpResponse r = post(b, "/admin/stepup",
                            {{"csrf", csrf_of(page.body)}, {"otp", wrong}, {"back", "/admin"}});
      CPPUNIT_ASSERT_EQUAL(422L, r.status);
      CPPUNIT_ASSERT(contains(r.body, "還可再試 " + std::to_string(5 - i) + " 次"));
    }
    CPPUNIT_ASSERT_EQUAL(std::string("4"), account_sql(aa.account, "totp_failed_count"));
    HttpResponse fifth = post(b, "/admin/stepup",
                              {{"csrf", csrf_of(page.body)}, {"otp", wrong}, {"back", "/admin"}});
    CPPUNIT_ASSERT_EQUAL(303L, fifth.status);
    CPPUNIT_ASSERT_EQUAL(std::string("/login?notice=locked"), location(fifth));
    CPPUNIT_ASSERT(account_sql(aa.account, "locked_until") != "NULL");
    CPPUNIT_ASSERT_EQUAL(303L, b.get("/admin").status);  // the session ended
  }

  void aa_unlocks_and_resets_two_factor() {
    School s = new_school();
    Member aa = member(s, {"學校權限AA"});
    Member colleague = member(s, {"導師"});
    sql("UPDATE accounts SET locked_until = UTC_TIMESTAMP(6) + INTERVAL 10 MINUTE, "
        "failed_count = 3 WHERE login_key = LOWER('" + colleague.account + "')");
    Browser& b = *aa.browser;
    CPPUNIT_ASSERT(contains(b.get("/admin/staff?school=" + s.code).body, "停用至"));
    FormFields unlock{{"school", s.code}, {"staff", colleague.staff_id}, {"action", "unlock"}};
    CPPUNIT_ASSERT_EQUAL(303L, post_with_csrf(b, "/admin/account", unlock).status);
    CPPUNIT_ASSERT_EQUAL(std::string("NULL"), account_sql(colleague.account, "locked_until"));
    CPPUNIT_ASSERT_EQUAL(std::string("0"), account_sql(colleague.account, "failed_count"));

    FormFields reset{{"school", s.code}, {"staff", colleague.staff_id}, {"action", "reset-2fa"}};
    HttpResponse needs = post_with_csrf(b, "/admin/account", reset);
    CPPUNIT_ASSERT(location(needs).rfind("/admin/stepup", 0) == 0);
    CPPUNIT_ASSERT(account_sql(colleague.account, "totp_bound_at") != "NULL");
    step_up(aa);
    // The step-up counts for 10 minutes: moved 11 minutes back it is asked again, at 9 it holds.
    auto step_up_age = [&](int seconds) {
      sql("UPDATE sessions SET data = REGEXP_REPLACE(data, 'stepup_at=[0-9]+', CONCAT("
          "'stepup_at=', UNIX_TIMESTAMP() - " + std::to_string(seconds) + ")) WHERE account_id = "
          "(SELECT id FROM accounts WHERE login_key = LOWER('" + aa.account + "'))");
    };
    step_up_age(11 * 60);
    HttpResponse stale = post_with_csrf(b, "/admin/account", reset);
    CPPUNIT_ASSERT(location(stale).rfind("/admin/stepup", 0) == 0);
    CPPUNIT_ASSERT(account_sql(colleague.account, "totp_bound_at") != "NULL");
    step_up_age(9 * 60);
    CPPUNIT_ASSERT_EQUAL(303L, post_with_csrf(b, "/admin/account", reset).status);
    CPPUNIT_ASSERT_EQUAL(std::string("NULL"), account_sql(colleague.account, "totp_bound_at"));
    // The colleague's session ended; the next login must bind again.
    CPPUNIT_ASSERT_EQUAL(303L, colleague.browser->get("/home").status);
    Browser again;
    CPPUNIT_ASSERT_EQUAL(std::string("/2fa/bind"),
                         location(login(again, colleague.account, kStrongPassword)));
    CPPUNIT_ASSERT_EQUAL(std::string("1"),
                         scalar("SELECT COUNT(*) FROM audit_log l JOIN schools c ON c.id = "
                                "l.school_id WHERE c.code = '" + s.code +
                                "' AND l.action = 'admin.account.reset_2fa'"));
  }

  void password_reset_mails_a_link_and_the_staff_member_sets_a_new_password() {
    School s = new_school();
    Member aa = member(s, {"學校權限AA"});
    Member colleague = member(s, {"導師"});
    Member unverified = member(s, {"導師"});
    sql("UPDATE accounts SET email_verified_at = NULL WHERE login_key = LOWER('" +
        unverified.account + "')");
    Browser& b = *aa.browser;
    step_up(aa);
    HttpResponse refused = post_with_csrf(
        b, "/admin/account",
        {{"school", s.code}, {"staff", unverified.staff_id}, {"action", "reset-password"}});
    CPPUNIT_ASSERT_EQUAL(422L, refused.status);
    CPPUNIT_ASSERT(contains(refused.body, "請透過諮詢專員重設E-Mail"));

    HttpResponse sent = post_with_csrf(
        b, "/admin/account",
        {{"school", s.code}, {"staff", colleague.staff_id}, {"action", "reset-password"}});
    CPPUNIT_ASSERT_EQUAL(303L, sent.status);
    std::vector<Mail> mails = delivered(colleague.email, kResetSubject);
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, mails.size());
    CPPUNIT_ASSERT(contains(mails[0].body, colleague.account));
    std::string path = link_path(mails[0].body);
    // The old password still works until the new one is set.
    Browser staff;
    HttpResponse page = staff.get(path);
    CPPUNIT_ASSERT_EQUAL(200L, page.status);
    CPPUNIT_ASSERT(contains(page.body, colleague.account));
    std::string token = path.substr(path.find('=') + 1);
    HttpResponse mismatch = post(staff, "/forgot/password/reset",
                                 {{"csrf", csrf_of(page.body)}, {"token", token},
                                  {"new_password", kStrongPassword2},
                                  {"new_password_confirm", "Other+Lamp+River+78"}});
    CPPUNIT_ASSERT_EQUAL(422L, mismatch.status);
    HttpResponse reused = post(staff, "/forgot/password/reset",
                               {{"csrf", csrf_of(page.body)}, {"token", token},
                                {"new_password", kStrongPassword},
                                {"new_password_confirm", kStrongPassword}});
    CPPUNIT_ASSERT_EQUAL(422L, reused.status);
    CPPUNIT_ASSERT(contains(reused.body, "最近 3 次"));
    HttpResponse done = post(staff, "/forgot/password/reset",
                             {{"csrf", csrf_of(page.body)}, {"token", token},
                              {"new_password", kStrongPassword2},
                              {"new_password_confirm", kStrongPassword2}});
    CPPUNIT_ASSERT_EQUAL(303L, done.status);
    CPPUNIT_ASSERT_EQUAL(std::string("/login?notice=password_reset"), location(done));
    CPPUNIT_ASSERT_EQUAL(303L, colleague.browser->get("/home").status);  // sessions ended
    Browser fresh;
    CPPUNIT_ASSERT_EQUAL(std::string("/2fa"),
                         location(login(fresh, colleague.account, kStrongPassword2)));
    // The link works once.
    Browser later;
    HttpResponse used = later.get(path);
    CPPUNIT_ASSERT_EQUAL(410L, used.status);
    CPPUNIT_ASSERT(contains(used.body, "此連結已使用"));
    // An expired link (its time moved back) shows the same.
    post_with_csrf(b, "/admin/account",
                   {{"school", s.code}, {"staff", colleague.staff_id},
                    {"action", "reset-password"}});
    std::vector<Mail> second = delivered(colleague.email, kResetSubject, 2);
    CPPUNIT_ASSERT_EQUAL(std::size_t{2}, second.size());
    sql("UPDATE account_tokens SET expires_at = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND WHERE "
        "used_at IS NULL AND account_id = (SELECT id FROM accounts WHERE login_key = LOWER('" +
        colleague.account + "'))");
    std::string newest = link_path(second[0].body) == path ? link_path(second[1].body)
                                                            : link_path(second[0].body);
    CPPUNIT_ASSERT_EQUAL(410L, later.get(newest).status);
    // xueji-ctl purge deletes the links past their expiry.
    CPPUNIT_ASSERT(contains(ctl("purge"), "一次性連結"));
    CPPUNIT_ASSERT_EQUAL(std::string("0"),
                         scalar("SELECT COUNT(*) FROM account_tokens WHERE account_id = (SELECT id "
                                "FROM accounts WHERE login_key = LOWER('" + colleague.account + "'))"));
  }

  void import_previews_and_applies_all_or_nothing() {
    School s = new_school();
    Member aa = member(s, {"學校權限AA"});
    Browser& b = *aa.browser;
    std::string id1 = new_national_id(), id2 = new_national_id();
    std::string bad = "national_id,name,birth_date,phone\n" + id1 + ",甲老師,1980-01-02,\n" +
                      "A123456788,乙老師,1981-02-03,0912-345-678\n" + id2 +
                      ",丙老師,2999-01-01,\n";
    HttpResponse preview =
        post_with_csrf(b, "/admin/import", {{"school", s.code}, {"csv", bad}});
    CPPUNIT_ASSERT_EQUAL(422L, preview.status);
    CPPUNIT_ASSERT(contains(preview.body, "第 3 行"));
    CPPUNIT_ASSERT(contains(preview.body, "第 4 行"));
    CPPUNIT_ASSERT(!contains(preview.body, "第 2 行"));
    HttpResponse forced =
        post_with_csrf(b, "/admin/import", {{"school", s.code}, {"csv", bad}, {"confirm", "1"}});
    CPPUNIT_ASSERT_EQUAL(422L, forced.status);
    CPPUNIT_ASSERT(staff_id_of(id1, s).empty());

    std::string good = "national_id,name,birth_date,phone\n" + id1 + ",甲老師,1980-01-02,\n" +
                       id2 + ",丙老師,1982-03-04,0912-345-678\n";
    HttpResponse ready =
        post_with_csrf(b, "/admin/import", {{"school", s.code}, {"csv", good}});
    CPPUNIT_ASSERT_EQUAL(200L, ready.status);
    CPPUNIT_ASSERT(contains(ready.body, "共 2 位教職員"));
    // The CSV comes back line by line, for the confirm form to send again as it was.
    CPPUNIT_ASSERT(contains(ready.body, id1 + ",甲老師,1980-01-02,\n" + id2));
    CPPUNIT_ASSERT(staff_id_of(id1, s).empty());
    HttpResponse applied =
        post_with_csrf(b, "/admin/import", {{"school", s.code}, {"csv", good}, {"confirm", "1"}});
    CPPUNIT_ASSERT_EQUAL(303L, applied.status);
    CPPUNIT_ASSERT(!staff_id_of(id1, s).empty());
    CPPUNIT_ASSERT(!staff_id_of(id2, s).empty());
    // Again: both already staff here, so nothing changes.
    HttpResponse twice =
        post_with_csrf(b, "/admin/import", {{"school", s.code}, {"csv", good}, {"confirm", "1"}});
    CPPUNIT_ASSERT_EQUAL(422L, twice.status);
    CPPUNIT_ASSERT(contains(twice.body, "已是"));
  }

  void ten_thousand_lines_import_in_seconds() {
    School s = new_school();
    Member aa = member(s, {"學校權限AA"});
    // Serial numbers under one random letter, so no line repeats a person.
    char letter = "BCDEFGHJKLMNPQRSTUV"[std::stoi(digits(2)) % 19];
    int base = std::stoi(digits(6)) * 10;
    std::string csv = "national_id,name,birth_date,phone\n";
    std::string first, last;
    for (int i = 0; i < 10000; ++i) {
      char body[16];
      std::snprintf(body, sizeof body, "%c2%07d", letter, base + i);
      std::string id;
      for (char c = '0'; c <= '9'; ++c) {
        if (xueji::is_valid_national_id(std::string(body) + c)) id = std::string(body) + c;
      }
      if (i == 0) first = id;
      last = id;
      csv += id + ",匯入教師" + std::to_string(i) + ",1979-0" + std::to_string(1 + i % 9) +
             "-1" + std::to_string(i % 10) + ",0912-345-" + std::to_string(100 + i % 900) + "\n";
    }
    Browser& b = *aa.browser;
    HttpResponse preview = post_with_csrf(b, "/admin/import", {{"school", s.code}, {"csv", csv}});
    CPPUNIT_ASSERT_EQUAL(200L, preview.status);
    CPPUNIT_ASSERT(contains(preview.body, "共 10000 位教職員"));
    HttpResponse applied = post_with_csrf(
        b, "/admin/import", {{"school", s.code}, {"csv", csv}, {"confirm", "1"}});
    CPPUNIT_ASSERT_EQUAL(303L, applied.status);
    std::cout << "\n  10,000-line import: preview " << preview.seconds << " s, apply "
              << applied.seconds << " s\n";
    CPPUNIT_ASSERT(preview.seconds < 10);
    CPPUNIT_ASSERT(applied.seconds < 10);
    CPPUNIT_ASSERT_EQUAL(std::string("10001"),
                         scalar("SELECT COUNT(*) FROM staff st JOIN schools c ON c.id = "
                                "st.school_id WHERE c.code = '" + s.code + "'"));
    CPPUNIT_ASSERT(!staff_id_of(first, s).empty());
    CPPUNIT_ASSERT(!staff_id_of(last, s).empty());
  }

  void new_school_year_carries_last_years_duties() {
    School s = new_school();
    Member aa = member(s, {"學校權限AA"});
    Member homeroom = member(s, {}, false);
    Member dean = member(s, {}, false);
    int year = active_year();
    add_duty(homeroom.staff_id, "導師", year - 1);
    add_duty(dean.staff_id, "學務", year - 1);
    Browser& b = *aa.browser;
    HttpResponse preview = b.get("/admin/import?school=" + s.code + "&action=year");
    CPPUNIT_ASSERT_EQUAL(200L, preview.status);
    CPPUNIT_ASSERT(contains(preview.body, homeroom.name));
    CPPUNIT_ASSERT(contains(preview.body, "可沿用的職務共 2 項"));
    CPPUNIT_ASSERT_EQUAL(std::string("NULL"), duties_of(homeroom.staff_id));
    HttpResponse applied = post_with_csrf(
        b, "/admin/import", {{"school", s.code}, {"action", "year"}, {"confirm", "1"}});
    CPPUNIT_ASSERT_EQUAL(303L, applied.status);
    CPPUNIT_ASSERT_EQUAL(std::string("導師"), duties_of(homeroom.staff_id));
    // 學務 has no approved post: not carried.
    CPPUNIT_ASSERT_EQUAL(std::string("NULL"), duties_of(dean.staff_id));
    CPPUNIT_ASSERT(contains(b.get("/admin/staff?school=" + s.code).body, "1 項因超過核定員額未沿用"));
  }

  void audit_page_lists_the_schools_actions_newest_first() {
    School s = new_school();
    School other = new_school();
    Member aa = member(s, {"學校權限AA"});
    Member aa2 = member(other, {"學校權限AA"});
    Member t = member(s, {}, false);
    ctl("posts set --school " + s.code + " --duty 輔導 --count 3");
    Browser& b = *aa.browser;
    post_with_csrf(b, "/admin/duty",
                   {{"school", s.code}, {"staff", t.staff_id}, {"duty", "輔導"}, {"action", "assign"}});
    post_with_csrf(b, "/admin/staff/edit",
                   {{"school", s.code}, {"staff", t.staff_id}, {"name", "新名字"}});
    HttpResponse page = b.get("/admin/audit?school=" + s.code);
    CPPUNIT_ASSERT_EQUAL(200L, page.status);
    std::size_t edit = page.body.find("admin.staff.edit");
    std::size_t assign = page.body.find("admin.duty.assign");
    CPPUNIT_ASSERT(edit != std::string::npos && assign != std::string::npos);
    CPPUNIT_ASSERT(edit < assign);
    CPPUNIT_ASSERT(contains(page.body, aa.account));
    CPPUNIT_ASSERT(contains(page.body, "127.0.0.1"));
    HttpResponse filtered = b.get("/admin/audit?school=" + s.code + "&action=admin.duty");
    CPPUNIT_ASSERT(!contains(filtered.body, "admin.staff.edit"));
    CPPUNIT_ASSERT(contains(filtered.body, "admin.duty.assign"));
    HttpResponse person = b.get("/admin/audit?school=" + s.code + "&person=nobody%25");
    CPPUNIT_ASSERT(contains(person.body, "沒有符合的紀錄"));
    // A part of the actor's account name finds what that account did.
    HttpResponse actor = b.get("/admin/audit?school=" + s.code + "&person=" + aa.account.substr(1));
    CPPUNIT_ASSERT(contains(actor.body, "admin.staff.edit"));
    CPPUNIT_ASSERT(contains(actor.body, "admin.duty.assign"));
    CPPUNIT_ASSERT(!contains(actor.body, "沒有符合的紀錄"));
    // The other school's AA sees nothing of this school.
    CPPUNIT_ASSERT_EQUAL(404L, aa2.browser->get("/admin/audit?school=" + s.code).status);
    CPPUNIT_ASSERT(!contains(aa2.browser->get("/admin/audit?school=" + other.code).body,
                             "新名字"));
  }

  // Manual 二.4: whoever used the ID number as the account has no 個人業務帳號 yet; the list
  // says so, and never shows the number whole.
  void staff_list_counts_an_id_number_account_as_none_yet() {
    School s = new_school();
    Member aa = member(s, {"學校權限AA"});
    Member old = member(s, {"導師"}, false);
    ctl("account add-legacy --national-id " + old.national_id + " --account " + old.national_id +
        " --password " + quoted(kStrongPassword) + " --email " + old.email);
    HttpResponse list = aa.browser->get("/admin/staff?school=" + s.code);
    CPPUNIT_ASSERT_EQUAL(200L, list.status);
    CPPUNIT_ASSERT(contains(list.body, "尚未申請個人業務帳號（曾使用身分證作為帳號，須重新申請）"));
    CPPUNIT_ASSERT(!contains(list.body, old.national_id));
    CPPUNIT_ASSERT(!contains(list.body, "reset-password-" + old.staff_id));
  }

  void helpdesk_finds_accounts_and_resets_an_email() {
    School s = new_school();
    Member desk = member(s, {"導師"});
    Member someone = member(new_school(), {"導師"});
    ctl("helpdesk add " + desk.account);
    Browser& b = *desk.browser;
    HttpResponse by_name = post_with_csrf(b, "/helpdesk", {{"account", someone.account}});
    CPPUNIT_ASSERT_EQUAL(200L, by_name.status);
    CPPUNIT_ASSERT(contains(by_name.body, someone.email));
    HttpResponse by_id = post_with_csrf(
        b, "/helpdesk", {{"national_id", someone.national_id}, {"birth_date", "1980-05-17"}});
    CPPUNIT_ASSERT(contains(by_id.body, someone.account));
    CPPUNIT_ASSERT(!contains(by_id.body, someone.national_id));
    HttpResponse wrong_birth = post_with_csrf(
        b, "/helpdesk", {{"national_id", someone.national_id}, {"birth_date", "1980-05-18"}});
    CPPUNIT_ASSERT(contains(wrong_birth.body, "查無符合的個人業務帳號"));

    std::string new_address = "new" + digits(10) + "@example.com";
    FormFields reset{{"account", someone.account}, {"email", new_address}, {"reason", "原信箱已停用"}};
    HttpResponse needs = post_with_csrf(b, "/helpdesk/email", reset);
    CPPUNIT_ASSERT(location(needs).rfind("/admin/stepup", 0) == 0);
    CPPUNIT_ASSERT_EQUAL(303L, step_up(desk).status);
    HttpResponse bad = post_with_csrf(
        b, "/helpdesk/email", {{"account", someone.account}, {"email", "not-an-address"},
                               {"reason", "x"}});
    CPPUNIT_ASSERT_EQUAL(422L, bad.status);
    HttpResponse no_reason = post_with_csrf(
        b, "/helpdesk/email", {{"account", someone.account}, {"email", new_address},
                               {"reason", ""}});
    CPPUNIT_ASSERT_EQUAL(422L, no_reason.status);
    CPPUNIT_ASSERT_EQUAL(303L, post_with_csrf(b, "/helpdesk/email", reset).status);
    // The new address does not count before its link is used.
    CPPUNIT_ASSERT_EQUAL(someone.email, account_sql(someone.account, "email"));
    CPPUNIT_ASSERT(!trimmed(sql("SELECT id FROM audit_log WHERE action = 'helpdesk.email_reset' "
                                "AND target LIKE '%原信箱已停用%'")).empty());
    std::vector<Mail> mails = delivered(new_address, kEmailSubject);
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, mails.size());
    Browser holder;
    std::string path = link_path(mails[0].body);
    HttpResponse page = holder.get(path);
    CPPUNIT_ASSERT_EQUAL(200L, page.status);
    CPPUNIT_ASSERT(contains(page.body, new_address));
    HttpResponse done = post(holder, "/forgot/password/reset",
                             {{"csrf", csrf_of(page.body)},
                              {"token", path.substr(path.find('=') + 1)},
                              {"new_password", kStrongPassword2},
                              {"new_password_confirm", kStrongPassword2}});
    CPPUNIT_ASSERT_EQUAL(303L, done.status);
    CPPUNIT_ASSERT_EQUAL(new_address, account_sql(someone.account, "email"));
    CPPUNIT_ASSERT(account_sql(someone.account, "email_verified_at") != "NULL");
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(AdminTest);
