// forgot_policy_test.cpp: the rules of 忘記密碼 / 忘記帳號 — which entries are complete, which
// lookup they lead to, when a mail may go out (verified e-mail, 3 a day per account, the address's
// hourly limit), how an account name appears in a mail, and the decoy address of a session.
#include "core/forgot_policy.h"

#include <cppunit/extensions/HelperMacros.h>

#include "core/crypto.h"

namespace xueji {
namespace {

const CivilDate kToday{2026, 8, 1};
const std::string kId = "A123456789";

ForgotEntries entries(const std::string& account, const std::string& id,
                      const std::string& birth = "1986-01-02") {
  return {account, id, birth};
}

ForgotFacts verified_with(int mailed) {
  ForgotFacts f;
  f.matched = true;
  f.email_verified = true;
  f.mailed_in_window = mailed;
  return f;
}

}  // namespace

class ForgotPolicyTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(ForgotPolicyTest);
  CPPUNIT_TEST(password_form_takes_the_account_or_the_id_number);
  CPPUNIT_TEST(account_form_needs_the_id_number);
  CPPUNIT_TEST(id_number_format_and_check_digit_are_checked);
  CPPUNIT_TEST(birth_date_must_be_a_real_past_date);
  CPPUNIT_TEST(lookup_follows_the_fields_given);
  CPPUNIT_TEST(only_a_verified_matched_account_gets_mail);
  CPPUNIT_TEST(three_mails_a_day_per_account);
  CPPUNIT_TEST(address_limit_holds_the_mail);
  CPPUNIT_TEST(outcomes_have_audit_names);
  CPPUNIT_TEST(account_name_in_mail_masks_id_numbers);
  CPPUNIT_TEST(decoy_address_is_per_session_and_undeliverable);
  CPPUNIT_TEST(limits_are_the_issues_numbers);
  CPPUNIT_TEST_SUITE_END();

 public:
  void password_form_takes_the_account_or_the_id_number() {
    CPPUNIT_ASSERT(!check_forgot_entries(entries("teacher01", ""), true, kToday).any());
    CPPUNIT_ASSERT(!check_forgot_entries(entries("", kId), true, kToday).any());
    CPPUNIT_ASSERT(!check_forgot_entries(entries("teacher01", kId), true, kToday).any());
    ForgotFieldErrors neither = check_forgot_entries(entries("", ""), true, kToday);
    CPPUNIT_ASSERT(neither.any());
    CPPUNIT_ASSERT_EQUAL(std::string("請輸入帳號或身分證/外籍人士統一證號（至少擇一填寫）。"),
                         neither.national_id);
    CPPUNIT_ASSERT(neither.birth_date.empty());
  }

  void account_form_needs_the_id_number() {
    CPPUNIT_ASSERT(!check_forgot_entries(entries("", kId), false, kToday).any());
    ForgotFieldErrors e = check_forgot_entries(entries("", ""), false, kToday);
    CPPUNIT_ASSERT_EQUAL(std::string("請輸入身分證/外籍人士統一證號。"), e.national_id);
  }

  void id_number_format_and_check_digit_are_checked() {
    for (const char* bad : {"A123456788", "A12345678", "1234567890", "AZ12345678"}) {
      ForgotFieldErrors e = check_forgot_entries(entries("teacher01", bad), true, kToday);
      CPPUNIT_ASSERT_MESSAGE(bad, !e.national_id.empty());
    }
    // Resident numbers, old and new.
    for (const char* good : {"A800000014", "AA00000009", "BD01300667"}) {
      CPPUNIT_ASSERT_MESSAGE(good, !check_forgot_entries(entries("", good), false, kToday).any());
    }
  }

  void birth_date_must_be_a_real_past_date() {
    auto birth_error = [](const std::string& birth) {
      return check_forgot_entries(entries("", kId, birth), true, kToday).birth_date;
    };
    CPPUNIT_ASSERT_EQUAL(std::string("請輸入出生年月日。"), birth_error(""));
    CPPUNIT_ASSERT(birth_error("1986/01/02").find("yyyy-mm-dd") != std::string::npos);
    CPPUNIT_ASSERT(!birth_error("1986-02-30").empty());
    CPPUNIT_ASSERT(!birth_error("86-01-02").empty());
    CPPUNIT_ASSERT_EQUAL(std::string("出生年月日不可晚於今天，請確認後重新輸入。"),
                         birth_error("2026-08-02"));
    CPPUNIT_ASSERT(birth_error("2026-08-01").empty());
    CPPUNIT_ASSERT(birth_error("2000-02-29").empty());
  }

  void lookup_follows_the_fields_given() {
    CPPUNIT_ASSERT(forgot_lookup(entries("teacher01", "")) == ForgotLookup::kByAccount);
    CPPUNIT_ASSERT(forgot_lookup(entries("", kId)) == ForgotLookup::kByNationalId);
    CPPUNIT_ASSERT(forgot_lookup(entries("teacher01", kId)) == ForgotLookup::kByBoth);
  }

  void only_a_verified_matched_account_gets_mail() {
    CPPUNIT_ASSERT(decide_forgot_mail({}) == ForgotOutcome::kNoMatch);
    ForgotFacts unverified;
    unverified.matched = true;
    CPPUNIT_ASSERT(decide_forgot_mail(unverified) == ForgotOutcome::kUnverified);
    CPPUNIT_ASSERT(decide_forgot_mail(verified_with(0)) == ForgotOutcome::kMail);
    // An unmatched request never mails, whatever else the facts say.
    ForgotFacts odd;
    odd.email_verified = true;
    CPPUNIT_ASSERT(decide_forgot_mail(odd) == ForgotOutcome::kNoMatch);
  }

  void three_mails_a_day_per_account() {
    CPPUNIT_ASSERT(decide_forgot_mail(verified_with(1)) == ForgotOutcome::kMail);
    CPPUNIT_ASSERT(decide_forgot_mail(verified_with(2)) == ForgotOutcome::kMail);
    CPPUNIT_ASSERT(decide_forgot_mail(verified_with(3)) == ForgotOutcome::kDailyCap);
    CPPUNIT_ASSERT(decide_forgot_mail(verified_with(7)) == ForgotOutcome::kDailyCap);
    // The unverified account is told apart from the capped one in the audit log.
    ForgotFacts unverified_many;
    unverified_many.matched = true;
    unverified_many.mailed_in_window = 5;
    CPPUNIT_ASSERT(decide_forgot_mail(unverified_many) == ForgotOutcome::kUnverified);
  }

  void address_limit_holds_the_mail() {
    ForgotFacts f = verified_with(0);
    f.address_limited = true;
    CPPUNIT_ASSERT(decide_forgot_mail(f) == ForgotOutcome::kAddressLimit);
    f.mailed_in_window = 3;
    CPPUNIT_ASSERT(decide_forgot_mail(f) == ForgotOutcome::kDailyCap);
  }

  void outcomes_have_audit_names() {
    CPPUNIT_ASSERT_EQUAL(std::string("mailed"),
                         std::string(forgot_outcome_name(ForgotOutcome::kMail)));
    CPPUNIT_ASSERT_EQUAL(std::string("no_match"),
                         std::string(forgot_outcome_name(ForgotOutcome::kNoMatch)));
    CPPUNIT_ASSERT_EQUAL(std::string("unverified"),
                         std::string(forgot_outcome_name(ForgotOutcome::kUnverified)));
    CPPUNIT_ASSERT_EQUAL(std::string("daily_cap"),
                         std::string(forgot_outcome_name(ForgotOutcome::kDailyCap)));
    CPPUNIT_ASSERT_EQUAL(std::string("address_limit"),
                         std::string(forgot_outcome_name(ForgotOutcome::kAddressLimit)));
  }

  void account_name_in_mail_masks_id_numbers() {
    CPPUNIT_ASSERT_EQUAL(std::string("teacher01"), account_name_for_mail("teacher01"));
    CPPUNIT_ASSERT_EQUAL(std::string("Wu.Ching-2026"), account_name_for_mail("Wu.Ching-2026"));
    CPPUNIT_ASSERT_EQUAL(std::string("A12****789"), account_name_for_mail("A123456789"));
    // Lower case, a wrong check digit and resident numbers are all ID-shaped.
    CPPUNIT_ASSERT_EQUAL(std::string("A12****789"), account_name_for_mail("a123456789"));
    CPPUNIT_ASSERT_EQUAL(std::string("A12****788"), account_name_for_mail("A123456788"));
    CPPUNIT_ASSERT_EQUAL(std::string("AA0****009"), account_name_for_mail("AA00000009"));
    CPPUNIT_ASSERT_EQUAL(std::string("t.A80****014x"), account_name_for_mail("t.A800000014x"));
    std::string masked = account_name_for_mail("A123456789B223456789");
    CPPUNIT_ASSERT_EQUAL(std::string("A12****789B22****789"), masked);
    // Ten digits are no ID number.
    CPPUNIT_ASSERT_EQUAL(std::string("9876543210ab"), account_name_for_mail("9876543210ab"));
  }

  void decoy_address_is_per_session_and_undeliverable() {
    std::string a = crypto::sha256("session one");
    std::string b = crypto::sha256("session two");
    CPPUNIT_ASSERT_EQUAL(forgot_decoy_address(a), forgot_decoy_address(a));
    CPPUNIT_ASSERT(forgot_decoy_address(a) != forgot_decoy_address(b));
    std::string decoy = forgot_decoy_address(a);
    std::size_t at = decoy.find('@');
    CPPUNIT_ASSERT(at != std::string::npos);
    CPPUNIT_ASSERT_EQUAL(std::string::npos, decoy.find('.', at));
    CPPUNIT_ASSERT(decoy.size() <= 254);
  }

  void limits_are_the_issues_numbers() {
    CPPUNIT_ASSERT_EQUAL(3, kForgotMailsPerDay);
    CPPUNIT_ASSERT(kForgotMailWindow == Seconds(24 * 3600));
    CPPUNIT_ASSERT_EQUAL(5, kForgotRequestsPerHour);
    // The session's requests are limited by the wizard's send rule with this number.
    SendHistory history;
    history.session_sends = kForgotRequestsPerHour;
    history.session_oldest = TimePoint(Seconds(1785542400));
    history.session_newest = history.session_oldest;
    SendDecision d = decide_send(history, false, *history.session_oldest + Seconds(600));
    CPPUNIT_ASSERT(d.limit == SendLimit::kSessionHourly);
    CPPUNIT_ASSERT(d.wait == Seconds(3000));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(ForgotPolicyTest);

}  // namespace xueji
