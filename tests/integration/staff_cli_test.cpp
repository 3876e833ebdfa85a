// staff_cli_test.cpp: xueji-ctl against the test stack's database — schools, staff records
// (only the ID's HMAC and mask stored), duties per school year, the active school year, CSV
// import (all or nothing, every bad line named, 10,000 lines under 10 s), exit codes and audit.
#include <cppunit/extensions/HelperMacros.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "core/taipei_time.h"
#include "tests/integration/support/cli_runner.h"
#include "tests/integration/support/stack.h"

using namespace xueji::testing;

namespace {

// A valid 身分證字號 from a letter, 1 or 2, and a 7-digit serial (the check digit computed).
std::string national_id(char letter, int gender, int serial) {
  static const std::string kOrder = "ABCDEFGHJKLMNPQRSTUVXYWZIO";
  int code = static_cast<int>(kOrder.find(letter)) + 10;
  char body[9];
  std::snprintf(body, sizeof body, "%d%07d", gender, serial);
  // Weights 1 and 9 on the letter's two digits, 8..1 on the eight digits; the check digit's
  // weight 1 makes the total a multiple of 10.
  int sum = code / 10 + (code % 10) * 9;
  for (int i = 0; i < 8; ++i) sum += (body[i] - '0') * (8 - i);
  int check = (10 - sum % 10) % 10;
  return std::string(1, letter) + body + std::to_string(check);
}

std::string masked(const std::string& id) { return id.substr(0, 3) + "****" + id.substr(7); }

// Numbers and codes unique to this run, so the test can run again on the same database.
struct RunIds {
  char letter;
  int gender;
  int base;
  std::string suffix;
  int next = 0;
  RunIds() {
    std::random_device device;
    std::mt19937 gen(device());
    letter = "ABCDEFGHJKLMNPQRSTUVXYWZ"[gen() % 24];
    gender = 1 + static_cast<int>(gen() % 2);
    base = static_cast<int>(gen() % 9'900'000);  // leaves room for 100,000 serials
    suffix = std::to_string(100000 + gen() % 900000);
  }
  std::string id() { return national_id(letter, gender, base + next++); }
  std::string school() { return "T" + suffix + std::to_string(next++); }
};

RunIds& ids() {
  static RunIds run;
  return run;
}


std::string new_school() {
  std::string code = ids().school();
  CliResult r = run_ctl({"school", "add", "--code", code, "--name", "測試學校" + code});
  CPPUNIT_ASSERT_EQUAL_MESSAGE(r.err, 0, r.status);
  return code;
}

int staff_count(const std::string& school) {
  return std::stoi(
      scalar("SELECT COUNT(*) FROM staff s JOIN schools c ON c.id = s.school_id "
             "WHERE c.code = '" +
             school + "'"));
}

std::string write_file(const std::string& name, const std::string& content) {
  std::string path = var_dir() + "/tmp/" + name;
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

std::string tomorrow_in_taipei() {
  auto now = std::chrono::system_clock::now();
  return xueji::format_date(xueji::taipei_date(now + std::chrono::hours(24)));
}

// Restores the active school year when a test changed it: other suites (login, /home) judge
// duties by it.
struct ActiveYearGuard {
  std::string saved = scalar("SELECT value FROM settings WHERE name = 'active_school_year'");
  ~ActiveYearGuard() {
    try {
      if (saved.empty()) {
        sql("DELETE FROM settings WHERE name = 'active_school_year'");
      } else {
        sql("UPDATE settings SET value = '" + saved + "' WHERE name = 'active_school_year'");
      }
    } catch (const std::exception&) {
      // the assertion that failed says more than this clean-up could
    }
  }
};

}  // namespace

class StaffCliTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(StaffCliTest);
  CPPUNIT_TEST(every_command_has_help_and_usage_errors_exit_2);
  CPPUNIT_TEST(school_add_refuses_a_duplicate_and_a_bad_code);
  CPPUNIT_TEST(staff_add_stores_only_the_hmac_and_the_mask);
  CPPUNIT_TEST(staff_add_refuses_each_bad_input_and_writes_nothing);
  CPPUNIT_TEST(same_person_at_two_schools_is_one_person);
  CPPUNIT_TEST(duty_assign_checks_duty_and_year_and_defaults_to_the_active_year);
  CPPUNIT_TEST(year_activate_goes_forward_only_unless_forced_and_counts_duties);
  CPPUNIT_TEST(import_with_one_bad_line_writes_nothing_and_names_the_line);
  CPPUNIT_TEST(import_reports_every_bad_line_and_database_conflicts);
  CPPUNIT_TEST(import_reads_bom_crlf_quotes_and_blank_lines);
  CPPUNIT_TEST(a_persons_name_and_phone_follow_its_newest_staff_record);
  CPPUNIT_TEST(import_of_ten_thousand_lines_takes_under_ten_seconds);
  CPPUNIT_TEST(mail_test_queues_a_message_shown_by_outbox_list);
  CPPUNIT_TEST_SUITE_END();

 public:
  void every_command_has_help_and_usage_errors_exit_2() {
    CliResult overview = run_ctl({"--help"});
    CPPUNIT_ASSERT_EQUAL(0, overview.status);
    for (const char* name : {"migrate", "school add", "school list", "staff add", "staff import",
                             "staff list", "duty assign", "year activate", "year show",
                             "outbox list", "outbox retry", "mail test"}) {
      CPPUNIT_ASSERT_MESSAGE(name, contains_text(overview.out, name));
      std::vector<std::string> args;
      std::string words = name;
      std::size_t space = words.find(' ');
      args.push_back(words.substr(0, space));
      if (space != std::string::npos) args.push_back(words.substr(space + 1));
      args.push_back("--help");
      CliResult help = run_ctl(args);
      CPPUNIT_ASSERT_EQUAL_MESSAGE(name, 0, help.status);
      CPPUNIT_ASSERT_MESSAGE(name, contains_text(help.out, "用法：xueji-ctl " + std::string(name)));
    }
    CPPUNIT_ASSERT_EQUAL(2, run_ctl({}).status);
    CPPUNIT_ASSERT_EQUAL(2, run_ctl({"frobnicate"}).status);
    CPPUNIT_ASSERT_EQUAL(2, run_ctl({"staff"}).status);
    CPPUNIT_ASSERT_EQUAL(2, run_ctl({"staff", "add", "--school"}).status);
    CPPUNIT_ASSERT_EQUAL(2, run_ctl({"staff", "add", "--nonsense", "1"}).status);
    CliResult missing = run_ctl({"school", "add", "--code", "X1"});
    CPPUNIT_ASSERT_EQUAL(2, missing.status);
    CPPUNIT_ASSERT(contains_text(missing.err, "--name"));
    CPPUNIT_ASSERT_EQUAL(2, run_ctl({"year", "activate"}).status);
    CPPUNIT_ASSERT_EQUAL(2, run_ctl({"year", "activate", "115", "116"}).status);
  }

  void school_add_refuses_a_duplicate_and_a_bad_code() {
    std::string code = new_school();
    CliResult again = run_ctl({"school", "add", "--code", code, "--name", "另一校"});
    CPPUNIT_ASSERT_EQUAL(1, again.status);
    CPPUNIT_ASSERT(contains_text(again.err, "已存在"));
    CPPUNIT_ASSERT_EQUAL(1, run_ctl({"school", "add", "--code", "19 36", "--name", "x"}).status);
    CPPUNIT_ASSERT_EQUAL(1, run_ctl({"school", "add", "--code", "A", "--name", ""}).status);
    CPPUNIT_ASSERT(contains_text(run_ctl({"school", "list"}).out, code + "\t測試學校" + code));
    CPPUNIT_ASSERT_EQUAL(
        std::string("1"),
        scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'school.add.refused' "
               "AND target = 'school:" +
               code + "'"));
  }

  void staff_add_stores_only_the_hmac_and_the_mask() {
    std::string school = new_school();
    std::string id = ids().id();
    std::string lower = id;
    lower[0] = static_cast<char>(lower[0] - 'A' + 'a');
    CliResult r =
        run_ctl({"staff", "add", "--school", school, "--national-id", " " + lower + " ", "--name",
                 "王小明", "--birth-date", "1985-03-14", "--phone", "(02) 2345-6789 #12"});
    CPPUNIT_ASSERT_EQUAL_MESSAGE(r.err, 0, r.status);
    CPPUNIT_ASSERT(contains_text(r.out, masked(id)));
    CPPUNIT_ASSERT(!contains_text(r.out, id));
    std::string row = scalar(
        "SELECT CONCAT_WS('|', p.id_masked, LENGTH(p.id_hmac), p.birth_date, s.name, s.phone) "
        "FROM staff s JOIN persons p ON p.id = s.person_id JOIN schools c ON c.id = s.school_id "
        "WHERE c.code = '" +
        school + "'");
    CPPUNIT_ASSERT_EQUAL(masked(id) + "|32|1985-03-14|王小明|02-23456789#12", row);
    // The clear number is nowhere: not in persons, staff or the audit log.
    CPPUNIT_ASSERT_EQUAL(
        std::string("0"),
        scalar("SELECT (SELECT COUNT(*) FROM persons WHERE id_masked LIKE '%" + id +
               "%') + (SELECT COUNT(*) "
               "FROM staff WHERE name LIKE '%" +
               id + "%' OR phone LIKE '%" + id +
               "%') + (SELECT COUNT(*) FROM audit_log WHERE target LIKE '%" + id + "%')"));
    std::string audit = scalar(
        "SELECT CONCAT(actor, '|', action) FROM audit_log WHERE target = "
        "'school:" +
        school + " person:" + masked(id) + "' ORDER BY id DESC LIMIT 1");
    CPPUNIT_ASSERT_EQUAL(unix_user() + "|staff.add", audit);
  }

  void staff_add_refuses_each_bad_input_and_writes_nothing() {
    std::string school = new_school();
    std::string id = ids().id();
    std::string bad_check = id.substr(0, 9) + std::to_string((id[9] - '0' + 1) % 10);
    struct Case {
      std::string id, birth, phone, school, expect;
    };
    std::vector<Case> cases = {
        {bad_check, "1985-03-14", "", school, "檢查碼"},
        {"A12345678", "1985-03-14", "", school, "檢查碼"},
        {id, "1985-02-30", "", school, "實際日期"},
        {id, "1985/03/14", "", school, "yyyy-mm-dd"},
        {id, tomorrow_in_taipei(), "", school, "不可晚於今天"},
        {id, "1899-12-31", "", school, "1900"},
        {id, "1985-03-14", "12345", school, "聯絡電話"},
        {id, "1985-03-14", "", "NOSUCH" + school, "找不到學校代碼"},
    };
    for (const Case& c : cases) {
      std::vector<std::string> args = {"staff",         "add",  "--school", c.school,
                                       "--national-id", c.id,   "--name",   "測試",
                                       "--birth-date",  c.birth};
      if (!c.phone.empty()) {
        args.push_back("--phone");
        args.push_back(c.phone);
      }
      CliResult r = run_ctl(args);
      CPPUNIT_ASSERT_EQUAL_MESSAGE(c.expect + ": " + r.err, 1, r.status);
      CPPUNIT_ASSERT_MESSAGE(c.expect + " not in: " + r.err, contains_text(r.err, c.expect));
    }
    CPPUNIT_ASSERT_EQUAL(0, staff_count(school));
    // A duplicate in the same school is refused too, leaving the first record alone.
    std::vector<std::string> good = {"staff", "add",    "--school", school,         "--national-id",
                                     id,      "--name", "測試",     "--birth-date", "1985-03-14"};
    CPPUNIT_ASSERT_EQUAL(0, run_ctl(good).status);
    CliResult duplicate = run_ctl(good);
    CPPUNIT_ASSERT_EQUAL(1, duplicate.status);
    CPPUNIT_ASSERT(contains_text(duplicate.err, "已是"));
    CPPUNIT_ASSERT_EQUAL(1, staff_count(school));
    CPPUNIT_ASSERT(std::stoi(scalar("SELECT COUNT(*) FROM audit_log WHERE action = "
                                    "'staff.add.refused' AND target LIKE 'school:" +
                                    school + "%'")) >= 8);
  }

  void same_person_at_two_schools_is_one_person() {
    std::string first = new_school();
    std::string second = new_school();
    std::string id = ids().id();
    for (const std::string& school : {first, second}) {
      CliResult r = run_ctl({"staff", "add", "--school", school, "--national-id", id, "--name",
                             "張淑芬", "--birth-date", "1983-08-09"});
      CPPUNIT_ASSERT_EQUAL_MESSAGE(r.err, 0, r.status);
    }
    CPPUNIT_ASSERT_EQUAL(std::string("1|2"),
                         scalar("SELECT CONCAT(COUNT(DISTINCT p.id), '|', COUNT(*)) FROM persons p "
                                "JOIN staff s ON s.person_id = p.id WHERE p.id_masked = '" +
                                masked(id) + "' AND p.birth_date = '1983-08-09'"));
    // A third school with another birth date for the same number is refused.
    std::string third = new_school();
    CliResult other_birth = run_ctl({"staff", "add", "--school", third, "--national-id", id,
                                     "--name", "張淑芬", "--birth-date", "1983-08-10"});
    CPPUNIT_ASSERT_EQUAL(1, other_birth.status);
    CPPUNIT_ASSERT(contains_text(other_birth.err, "出生日期"));
    CPPUNIT_ASSERT_EQUAL(0, staff_count(third));
  }

  void duty_assign_checks_duty_and_year_and_defaults_to_the_active_year() {
    ActiveYearGuard guard;
    std::string school = new_school();
    std::string id = ids().id();
    CPPUNIT_ASSERT_EQUAL(0, run_ctl({"staff", "add", "--school", school, "--national-id", id,
                                     "--name", "陳怡君", "--birth-date", "1990-05-17"})
                                .status);
    auto assign = [&](const std::string& duty, const std::string& year) {
      std::vector<std::string> args = {"duty",          "assign", "--school", school,
                                       "--national-id", id,       "--duty",   duty};
      if (!year.empty()) {
        args.push_back("--year");
        args.push_back(year);
      }
      return run_ctl(args);
    };
    CliResult unknown = assign("老師", "115");
    CPPUNIT_ASSERT_EQUAL(1, unknown.status);
    CPPUNIT_ASSERT(contains_text(unknown.err, "學校權限AA"));  // lists the valid duties
    for (const char* year : {"2026", "79", "201", "0115", "11a"}) {
      CliResult bad = assign("導師", year);
      CPPUNIT_ASSERT_EQUAL_MESSAGE(year, 1, bad.status);
      CPPUNIT_ASSERT(contains_text(bad.err, "民國"));
    }
    CliResult stranger = run_ctl(
        {"duty", "assign", "--school", school, "--national-id", ids().id(), "--duty", "導師"});
    CPPUNIT_ASSERT_EQUAL(1, stranger.status);
    for (const char* duty : {"校長", "教務", "人事", "學務", "總務", "輔導", "導師", "任課教師",
                             "例外人員", "學校權限AA"}) {
      CPPUNIT_ASSERT_EQUAL_MESSAGE(duty, 0, assign(duty, "114").status);
    }
    CPPUNIT_ASSERT_EQUAL(0, assign("導師", "114").status);  // again: unchanged, still success
    // No --year: the active school year.
    CPPUNIT_ASSERT_EQUAL(0, run_ctl({"year", "activate", "199", "--force"}).status);
    CPPUNIT_ASSERT_EQUAL(0, assign("任課教師", "").status);
    std::string years = scalar(
        "SELECT CONCAT(SUM(d.school_year = 114), '|', SUM(d.school_year = 199)) FROM duties d "
        "JOIN staff s ON s.id = d.staff_id JOIN schools c ON c.id = s.school_id WHERE c.code = '" +
        school + "'");
    CPPUNIT_ASSERT_EQUAL(std::string("10|1"), years);
  }

  void year_activate_goes_forward_only_unless_forced_and_counts_duties() {
    ActiveYearGuard guard;
    std::string school = new_school();
    std::string id = ids().id();
    CPPUNIT_ASSERT_EQUAL(0, run_ctl({"staff", "add", "--school", school, "--national-id", id,
                                     "--name", "林志明", "--birth-date", "1978-11-02"})
                                .status);
    CPPUNIT_ASSERT_EQUAL(0, run_ctl({"staff", "add", "--school", school, "--national-id",
                                     ids().id(), "--name", "無職務", "--birth-date", "1978-11-03"})
                                .status);
    CPPUNIT_ASSERT_EQUAL(0, run_ctl({"duty", "assign", "--school", school, "--national-id", id,
                                     "--duty", "導師", "--year", "198"})
                                .status);
    CliResult forward = run_ctl({"year", "activate", "198", "--force"});
    CPPUNIT_ASSERT_EQUAL_MESSAGE(forward.err, 0, forward.status);
    CPPUNIT_ASSERT(
        contains_text(forward.out, school + " 測試學校" + school + "：1 人（全校教職員 2 人）"));
    CPPUNIT_ASSERT_EQUAL(std::string("198"),
                         scalar("SELECT value FROM settings WHERE name = 'active_school_year'"));
    CliResult backward = run_ctl({"year", "activate", "197"});
    CPPUNIT_ASSERT_EQUAL(1, backward.status);
    CPPUNIT_ASSERT(contains_text(backward.err, "--force"));
    CPPUNIT_ASSERT_EQUAL(std::string("198"),
                         scalar("SELECT value FROM settings WHERE name = 'active_school_year'"));
    CPPUNIT_ASSERT_EQUAL(0, run_ctl({"year", "activate", "198"}).status);  // same year: no change
    CliResult forced = run_ctl({"year", "activate", "197", "--force"});
    CPPUNIT_ASSERT_EQUAL(0, forced.status);
    CPPUNIT_ASSERT(contains_text(forced.out, school + " 測試學校" + school + "：0 人"));
    CPPUNIT_ASSERT_EQUAL(std::string("197"),
                         scalar("SELECT value FROM settings WHERE name = 'active_school_year'"));
    for (const char* bad : {"2026", "abc", "79", "-5"}) {
      CPPUNIT_ASSERT_EQUAL_MESSAGE(bad, 1, run_ctl({"year", "activate", bad}).status);
    }
    std::string actions = scalar(
        "SELECT GROUP_CONCAT(action ORDER BY id SEPARATOR ',') FROM (SELECT id, action FROM "
        "audit_log WHERE action LIKE 'year.activate%' ORDER BY id DESC LIMIT 8) a");
    CPPUNIT_ASSERT(contains_text(actions,
                                 "year.activate,year.activate.refused,"
                                 "year.activate.unchanged,year.activate,"));
  }

  void import_with_one_bad_line_writes_nothing_and_names_the_line() {
    std::string school = new_school();
    std::string persons_before = scalar("SELECT COUNT(*) FROM persons");
    std::string csv = "national_id,name,birth_date,phone\n";
    for (int i = 2; i <= 50; ++i) {
      std::string id = ids().id();
      if (i == 37) id = id.substr(0, 9) + std::to_string((id[9] - '0' + 3) % 10);  // bad check
      csv += id + ",教師" + std::to_string(i) + ",1980-01-01,0912345678\n";
    }
    CliResult r = run_ctl(
        {"staff", "import", "--school", school, write_file("one-bad-" + school + ".csv", csv)});
    CPPUNIT_ASSERT_EQUAL_MESSAGE(r.out + r.err, 1, r.status);
    CPPUNIT_ASSERT_MESSAGE(r.err, contains_text(r.err, "第 37 行："));
    CPPUNIT_ASSERT_MESSAGE(r.err, contains_text(r.err, "未匯入任何資料"));
    CPPUNIT_ASSERT(!contains_text(r.err, "第 36 行"));
    CPPUNIT_ASSERT_EQUAL(0, staff_count(school));
    CPPUNIT_ASSERT_EQUAL(persons_before, scalar("SELECT COUNT(*) FROM persons"));
  }

  void import_reports_every_bad_line_and_database_conflicts() {
    std::string school = new_school();
    std::string existing = ids().id();
    CPPUNIT_ASSERT_EQUAL(0, run_ctl({"staff", "add", "--school", school, "--national-id", existing,
                                     "--name", "已在本校", "--birth-date", "1970-01-01"})
                                .status);
    std::string twice = ids().id();
    std::string csv = "national_id,name,birth_date,phone\n" +   // 1
                      ids().id() + ",甲,1980-01-01,\n" +        // 2 fine
                      twice + ",乙,1980-13-01,\n" +             // 3 month 13
                      twice + ",乙,1980-01-01,\n" +             // 4 fine
                      ids().id() + ",,1980-01-01,\n" +          // 5 no name
                      ids().id() + ",丁,1980-01-01\n" +         // 6 three fields
                      twice + ",乙,1980-01-01,\n" +             // 7 same as line 4
                      ids().id() + ",\"戊\"x,1980-01-01,\n" +   // 8 text after quote
                      ids().id() + ",己,1980-01-01,02-1234\n";  // 9 bad phone
    CliResult r = run_ctl(
        {"staff", "import", "--school", school, write_file("many-bad-" + school + ".csv", csv)});
    CPPUNIT_ASSERT_EQUAL(1, r.status);
    for (int line : {3, 5, 6, 7, 8, 9}) {
      CPPUNIT_ASSERT_MESSAGE(r.err, contains_text(r.err, "第 " + std::to_string(line) + " 行"));
    }
    CPPUNIT_ASSERT(contains_text(r.err, "與第 4 行是同一人"));
    CPPUNIT_ASSERT(!contains_text(r.err, "第 2 行") && !contains_text(r.err, "第 4 行："));
    CPPUNIT_ASSERT_EQUAL(1, staff_count(school));
    // A clean file that repeats someone already at the school, or gives a known person another
    // birth date, is refused as a whole too.
    std::string conflict = "national_id,name,birth_date,phone\n" + ids().id() +
                           ",新人,1980-01-01,\n" + existing + ",已在本校,1970-01-01,\n";
    CliResult c = run_ctl({"staff", "import", "--school", school,
                           write_file("conflict-" + school + ".csv", conflict)});
    CPPUNIT_ASSERT_EQUAL(1, c.status);
    CPPUNIT_ASSERT_MESSAGE(c.err, contains_text(c.err, "第 3 行：" + masked(existing) + " 已是"));
    std::string other_school = new_school();
    std::string birth =
        "national_id,name,birth_date,phone\n" + existing + ",已在本校,1970-01-02,\n";
    CliResult b = run_ctl({"staff", "import", "--school", other_school,
                           write_file("birth-" + school + ".csv", birth)});
    CPPUNIT_ASSERT_EQUAL(1, b.status);
    CPPUNIT_ASSERT(contains_text(b.err, "出生日期"));
    CPPUNIT_ASSERT_EQUAL(1, staff_count(school));
    CPPUNIT_ASSERT_EQUAL(0, staff_count(other_school));
    CPPUNIT_ASSERT_EQUAL(
        1, run_ctl({"staff", "import", "--school", school, var_dir() + "/tmp/no-such.csv"}).status);
    CPPUNIT_ASSERT_EQUAL(
        1, run_ctl({"staff", "import", "--school", school, write_file("empty.csv", "")}).status);
  }

  void import_reads_bom_crlf_quotes_and_blank_lines() {
    std::string school = new_school();
    std::string a = ids().id(), b = ids().id(), c = ids().id();
    std::string lower_c = c;
    lower_c[0] = static_cast<char>(lower_c[0] - 'A' + 'a');
    std::string csv = "\xEF\xBB\xBFnational_id,name,birth_date,phone\r\n" + a +
                      ",\"歐陽, 小華\",1975-06-30,(037) 323-456\r\n\r\n,,,\r\n" + b +
                      ",\"Mary \"\"M\"\" Lee\",2000-02-29,+886 912 345 678\r\n" + lower_c +
                      " , 林 志 明 ,1999-12-31,\r\n";
    CliResult r =
        run_ctl({"staff", "import", "--school", school, write_file("ok-" + school + ".csv", csv)});
    CPPUNIT_ASSERT_EQUAL_MESSAGE(r.err, 0, r.status);
    CPPUNIT_ASSERT(contains_text(r.out, "已匯入 3 位教職員"));
    std::string rows = scalar(
        "SELECT GROUP_CONCAT(CONCAT_WS('/', p.id_masked, s.name, s.birth_date, IFNULL(s.phone, "
        "'-')) "
        "ORDER BY s.id SEPARATOR '|') FROM staff s JOIN persons p ON p.id = s.person_id JOIN "
        "schools sc ON sc.id = s.school_id WHERE sc.code = '" +
        school + "'");
    CPPUNIT_ASSERT_EQUAL(masked(a) + "/歐陽, 小華/1975-06-30/037-323456|" + masked(b) +
                             "/Mary \"M\" Lee/2000-02-29/0912345678|" + masked(c) +
                             "/林 志 明/1999-12-31/-",
                         rows);
  }

  // 身分驗證 reads the name and phone a person carries (008_person_contact.sql): `staff add` and
  // `staff import` both leave there those of the person's newest staff record.
  void a_persons_name_and_phone_follow_its_newest_staff_record() {
    std::string first = new_school(), second = new_school();
    std::string a = ids().id(), b = ids().id();
    CliResult added = run_ctl({"staff", "add", "--school", first, "--national-id", a, "--name",
                               "王大同", "--birth-date", "1970-01-02", "--phone", "0912-111-222"});
    CPPUNIT_ASSERT_EQUAL_MESSAGE(added.err, 0, added.status);
    auto carried = [](const std::string& id) {
      return scalar("SELECT CONCAT_WS('/', name, IFNULL(phone, '-')) FROM persons WHERE "
                    "id_masked = '" + masked(id) + "'");
    };
    CPPUNIT_ASSERT_EQUAL(std::string("王大同/0912111222"), carried(a));
    std::string csv = "national_id,name,birth_date,phone\n" + a + ",王大童,1970-01-02,\n" + b +
                      ",李小青,1981-03-04,02-2345-6789\n";
    CliResult imported = run_ctl(
        {"staff", "import", "--school", second, write_file("newest-" + second + ".csv", csv)});
    CPPUNIT_ASSERT_EQUAL_MESSAGE(imported.err, 0, imported.status);
    CPPUNIT_ASSERT_EQUAL(std::string("王大童/-"), carried(a));
    CPPUNIT_ASSERT_EQUAL(std::string("李小青/02-23456789"), carried(b));
  }

  void import_of_ten_thousand_lines_takes_under_ten_seconds() {
    std::string school = new_school();
    std::string csv = "national_id,name,birth_date,phone\n";
    for (int i = 0; i < 10000; ++i) {
      csv += ids().id() + ",教師" + std::to_string(i) + ",1980-01-01,09" +
             std::to_string(10000000 + i) + "\n";
    }
    CliResult r =
        run_ctl({"staff", "import", "--school", school, write_file("big-" + school + ".csv", csv)});
    CPPUNIT_ASSERT_EQUAL_MESSAGE(r.err, 0, r.status);
    std::printf("\n  staff import of 10,000 lines: %.2f s (xueji-ctl says: %s)\n", r.seconds,
                r.out.c_str());
    CPPUNIT_ASSERT_MESSAGE(std::to_string(r.seconds) + " s", r.seconds < 10.0);
    CPPUNIT_ASSERT_EQUAL(10000, staff_count(school));
  }

  void mail_test_queues_a_message_shown_by_outbox_list() {
    std::string address = "ctl-" + ids().suffix + "@example.org";
    CliResult r = run_ctl({"mail", "test", "--to", address});
    CPPUNIT_ASSERT_EQUAL_MESSAGE(r.err, 0, r.status);
    std::string id = scalar("SELECT MAX(id) FROM outbox WHERE recipient = '" + address + "'");
    CPPUNIT_ASSERT(!id.empty() && id != "NULL");
    CPPUNIT_ASSERT(contains_text(r.out, "編號 " + id));
    CliResult list = run_ctl({"outbox", "list", "--limit", "500"});
    CPPUNIT_ASSERT_EQUAL(0, list.status);
    CPPUNIT_ASSERT_MESSAGE(list.out, contains_text(list.out, id + "\t"));
    // The recipient is masked in what the command prints (issue 16).
    CPPUNIT_ASSERT(contains_text(list.out, "c***@example.org\t【國民中小學學籍管理系統 2.0】測試信"));
    CPPUNIT_ASSERT(!contains_text(list.out, address));
    CPPUNIT_ASSERT_EQUAL(1, run_ctl({"mail", "test", "--to", "not an address"}).status);
    CPPUNIT_ASSERT_EQUAL(1, run_ctl({"outbox", "list", "--state", "lost"}).status);
    CPPUNIT_ASSERT_EQUAL(1, run_ctl({"outbox", "retry", "--id", "x"}).status);
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(StaffCliTest);
