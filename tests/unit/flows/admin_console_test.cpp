// admin_console_test.cpp: the console's scope and step-up without a database — which school a
// request may name (403 without the right anywhere, 404 for any other school, whatever the
// code), and the 10 minutes a step-up holds.
#include "flows/admin_console.h"

#include <cppunit/extensions/HelperMacros.h>

namespace xueji {
namespace {

const TimePoint kNow{std::chrono::seconds(1785542400)};  // 2026-08-01 00:00 UTC

admin::ConsoleSchool school(const std::string& code, std::vector<std::string> duties) {
  return {store::SchoolRow{1, code, "測試國小"}, rights_from_duties(duties)};
}

int status_of(const std::function<void()>& fn) {
  try {
    fn();
  } catch (const http::Error& e) {
    return e.status();
  }
  return 0;
}

}  // namespace

class AdminConsoleTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(AdminConsoleTest);
  CPPUNIT_TEST(a_school_is_named_within_the_accounts_rights);
  CPPUNIT_TEST(a_step_up_holds_ten_minutes);
  CPPUNIT_TEST_SUITE_END();

 public:
  void a_school_is_named_within_the_accounts_rights() {
    admin::Console console;
    console.schools = {school("A1", {"人事"}), school("B2", {"學校權限AA"})};
    CPPUNIT_ASSERT_EQUAL(std::string("A1"),
                         admin::school_for(console, "A1", admin::Need::kAnyRight).school.code);
    CPPUNIT_ASSERT_EQUAL(std::string("B2"),
                         admin::school_for(console, "B2", admin::Need::kAa).school.code);
    // 人事 of A1 is not its AA: A1 is "another school" for the AA's routes.
    CPPUNIT_ASSERT_EQUAL(404, status_of([&] { admin::school_for(console, "A1", admin::Need::kAa); }));
    for (const char* code : {"C3", "", "a1", "A1 "}) {
      CPPUNIT_ASSERT_EQUAL_MESSAGE(code, 404, status_of([&] {
        admin::school_for(console, code, admin::Need::kAnyRight);
      }));
    }
    admin::Console personnel;
    personnel.schools = {school("A1", {"人事"})};
    CPPUNIT_ASSERT_EQUAL(403, status_of([&] { admin::school_for(personnel, "A1", admin::Need::kAa); }));
    CPPUNIT_ASSERT_EQUAL(403, status_of([&] { admin::school_for(personnel, "B2", admin::Need::kAa); }));
    admin::Console helpdesk;
    helpdesk.helpdesk = true;
    CPPUNIT_ASSERT_EQUAL(403, status_of([&] {
      admin::school_for(helpdesk, "A1", admin::Need::kAnyRight);
    }));
    CPPUNIT_ASSERT_EQUAL(0, status_of([&] { admin::require_helpdesk(helpdesk); }));
    CPPUNIT_ASSERT_EQUAL(403, status_of([&] { admin::require_helpdesk(console); }));
  }

  void a_step_up_holds_ten_minutes() {
    admin::Console console;
    CPPUNIT_ASSERT(!admin::stepped_up(console, kNow));
    auto at = [&](std::chrono::seconds ago) {
      auto seconds = std::chrono::duration_cast<std::chrono::seconds>(
          (kNow - ago).time_since_epoch()).count();
      console.login.session.set_value("stepup_at", std::to_string(seconds));
    };
    at(std::chrono::seconds(0));
    CPPUNIT_ASSERT(admin::stepped_up(console, kNow));
    at(std::chrono::seconds(600));
    CPPUNIT_ASSERT(admin::stepped_up(console, kNow));
    at(std::chrono::seconds(601));
    CPPUNIT_ASSERT(!admin::stepped_up(console, kNow));
    at(std::chrono::seconds(-5));  // from the future: not trusted
    CPPUNIT_ASSERT(!admin::stepped_up(console, kNow));
    console.login.session.set_value("stepup_at", "12x");
    CPPUNIT_ASSERT(!admin::stepped_up(console, kNow));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(AdminConsoleTest);

}  // namespace xueji
