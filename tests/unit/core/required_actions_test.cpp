// required_actions_test.cpp: the order of the steps after a right password (product.md §6), the
// 90-day password age that forces a change, and where each step is served.
#include "core/required_actions.h"

#include <cppunit/extensions/HelperMacros.h>

#include <chrono>

namespace xueji {
namespace {

using namespace std::chrono;

const TimePoint kNow = TimePoint{sys_days{year{2026} / 9 / 1}} + hours{2};

// A legacy account on its first login: every step is still ahead.
LoginFacts everything_to_do() {
  LoginFacts f;
  f.totp_bound = false;
  f.second_factor_passed = false;
  f.name_breaks_rules = true;
  f.password_must_change = true;
  f.has_duty = false;
  return f;
}

}  // namespace

class RequiredActionsTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(RequiredActionsTest);
  CPPUNIT_TEST(legacy_account_goes_rename_password_bind_duty_home);
  CPPUNIT_TEST(bound_account_answers_the_code_before_anything);
  CPPUNIT_TEST(code_comes_before_a_forced_rename);
  CPPUNIT_TEST(no_duty_only_after_every_forced_step);
  CPPUNIT_TEST(home_when_everything_is_done);
  CPPUNIT_TEST(password_forced_when_flagged_weak_or_old);
  CPPUNIT_TEST(password_age_boundary_is_ninety_days);
  CPPUNIT_TEST(each_step_has_its_page);
  CPPUNIT_TEST(voluntary_changes_only_from_home);
  CPPUNIT_TEST_SUITE_END();

public:
  void legacy_account_goes_rename_password_bind_duty_home() {
    LoginFacts f = everything_to_do();
    // Not bound: there is no code to ask, whatever second_factor_passed says.
    CPPUNIT_ASSERT(next_required_action(f) == RequiredAction::kRenameAccount);
    f.name_breaks_rules = false;
    CPPUNIT_ASSERT(next_required_action(f) == RequiredAction::kChangePassword);
    f.password_must_change = false;
    CPPUNIT_ASSERT(next_required_action(f) == RequiredAction::kBindTotp);
    f.totp_bound = true;
    f.second_factor_passed = true;
    CPPUNIT_ASSERT(next_required_action(f) == RequiredAction::kNoDuty);
    f.has_duty = true;
    CPPUNIT_ASSERT(next_required_action(f) == RequiredAction::kHome);
  }

  void bound_account_answers_the_code_before_anything() {
    LoginFacts f;
    f.totp_bound = true;
    f.has_duty = true;
    CPPUNIT_ASSERT(next_required_action(f) == RequiredAction::kTotpChallenge);
    f.second_factor_passed = true;
    CPPUNIT_ASSERT(next_required_action(f) == RequiredAction::kHome);
  }

  void code_comes_before_a_forced_rename() {
    LoginFacts f = everything_to_do();
    f.totp_bound = true;
    CPPUNIT_ASSERT(next_required_action(f) == RequiredAction::kTotpChallenge);
    f.second_factor_passed = true;
    CPPUNIT_ASSERT(next_required_action(f) == RequiredAction::kRenameAccount);
  }

  void no_duty_only_after_every_forced_step() {
    LoginFacts f = everything_to_do();
    f.has_duty = false;
    CPPUNIT_ASSERT(next_required_action(f) != RequiredAction::kNoDuty);
    f.name_breaks_rules = false;
    f.password_must_change = false;
    CPPUNIT_ASSERT(next_required_action(f) == RequiredAction::kBindTotp);
  }

  void home_when_everything_is_done() {
    LoginFacts f;
    f.totp_bound = true;
    f.second_factor_passed = true;
    f.has_duty = true;
    CPPUNIT_ASSERT(next_required_action(f) == RequiredAction::kHome);
  }

  void password_forced_when_flagged_weak_or_old() {
    TimePoint fresh = kNow - days(3);
    CPPUNIT_ASSERT(!password_must_change(false, fresh, kNow, false));
    CPPUNIT_ASSERT(password_must_change(true, fresh, kNow, false));  // admin reset
    CPPUNIT_ASSERT(password_must_change(false, fresh, kNow, true));  // breaks today's rules
    CPPUNIT_ASSERT(password_must_change(false, kNow - days(400), kNow, false));
  }

  void password_age_boundary_is_ninety_days() {
    CPPUNIT_ASSERT(!password_must_change(false, kNow - days(90), kNow, false));
    CPPUNIT_ASSERT(password_must_change(false, kNow - days(90) - seconds(1), kNow, false));
  }

  void each_step_has_its_page() {
    CPPUNIT_ASSERT(path_of(RequiredAction::kTotpChallenge) == "/2fa");
    CPPUNIT_ASSERT(path_of(RequiredAction::kRenameAccount) == "/account/change");
    CPPUNIT_ASSERT(path_of(RequiredAction::kChangePassword) == "/password/change");
    CPPUNIT_ASSERT(path_of(RequiredAction::kBindTotp) == "/2fa/bind");
    CPPUNIT_ASSERT(path_of(RequiredAction::kNoDuty) == "/home");
    CPPUNIT_ASSERT(path_of(RequiredAction::kHome) == "/home");
    CPPUNIT_ASSERT(action_name(RequiredAction::kBindTotp) == "bind_totp");
  }

  void voluntary_changes_only_from_home() {
    CPPUNIT_ASSERT(may_change_voluntarily(RequiredAction::kHome));
    for (RequiredAction a :
         {RequiredAction::kTotpChallenge, RequiredAction::kRenameAccount,
          RequiredAction::kChangePassword, RequiredAction::kBindTotp, RequiredAction::kNoDuty}) {
      CPPUNIT_ASSERT(!may_change_voluntarily(a));
    }
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(RequiredActionsTest);

}  // namespace xueji
