// account_policy_test.cpp: each account-name rule alone, rules together, birth-date spellings.
#include "core/account_policy.h"

#include <cppunit/extensions/HelperMacros.h>

#include <string>
#include <vector>

namespace xueji {
namespace {

using Messages = std::vector<std::string>;

// Joined so a failure prints what was returned.
std::string joined(const Messages& messages) {
  std::string out;
  for (const std::string& m : messages) out += "[" + m + "]";
  return out;
}

std::string m(std::string_view message) { return "[" + std::string(message) + "]"; }

std::string repeat(std::string_view s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

const AccountRuleContext kHolder{"A123456789", {1986, 1, 2}};

std::string problems(std::string_view name, const AccountRuleContext& context = kHolder) {
  return joined(account_name_problems(name, context));
}

}  // namespace

class AccountPolicyTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(AccountPolicyTest);
  CPPUNIT_TEST(good_names_pass);
  CPPUNIT_TEST(messages_say_the_rule_in_chinese);
  CPPUNIT_TEST(empty_name_asks_for_one);
  CPPUNIT_TEST(length_is_six_to_twenty_characters);
  CPPUNIT_TEST(length_counts_characters_not_bytes);
  CPPUNIT_TEST(first_character_must_be_a_letter);
  CPPUNIT_TEST(only_letters_digits_and_three_symbols);
  CPPUNIT_TEST(needs_a_letter_and_a_digit);
  CPPUNIT_TEST(no_id_number_of_any_kind);
  CPPUNIT_TEST(no_holder_id_even_in_an_unknown_shape);
  CPPUNIT_TEST(no_birth_date_gregorian_or_roc);
  CPPUNIT_TEST(three_digit_roc_year);
  CPPUNIT_TEST(holder_checks_skipped_when_unknown);
  CPPUNIT_TEST(every_broken_rule_is_reported_in_order);
  CPPUNIT_TEST(birth_date_forms_spellings);
  CPPUNIT_TEST(login_key_ignores_case);
  CPPUNIT_TEST(id_number_accounts_of_every_kind);
  CPPUNIT_TEST(names_that_only_break_other_rules_are_no_id_number_accounts);
  CPPUNIT_TEST_SUITE_END();

 public:
  void good_names_pass() {
    for (const char* name : {"teacher01", "Wu.Ching-2026", "a_b-c.d1", "abcde1", "Z9.-_.",
                             "abcdefghijklmnopqr12", "WuChing0102x", "x19860103"}) {
      CPPUNIT_ASSERT_EQUAL_MESSAGE(name, std::string(), problems(name));
    }
  }

  void messages_say_the_rule_in_chinese() {
    CPPUNIT_ASSERT_EQUAL(std::string("帳號長度須為 6 至 20 個字元"),
                         std::string(kAccountNameLength));
    CPPUNIT_ASSERT_EQUAL(std::string("帳號須以英文字母開頭"), std::string(kAccountNameFirstLetter));
    CPPUNIT_ASSERT_EQUAL(std::string("帳號僅能包含英文字母、數字及 . _ -"),
                         std::string(kAccountNameCharacters));
    CPPUNIT_ASSERT_EQUAL(std::string("帳號須同時包含英文字母及數字"),
                         std::string(kAccountNameLetterAndDigit));
    CPPUNIT_ASSERT_EQUAL(std::string("帳號不得為或包含身分證/外籍人士統一證號"),
                         std::string(kAccountNameIdNumber));
    CPPUNIT_ASSERT_EQUAL(std::string("帳號不得包含出生年月日"), std::string(kAccountNameBirthDate));
    for (std::string_view message :
         {kAccountNameEmpty, kAccountNameLength, kAccountNameFirstLetter, kAccountNameCharacters,
          kAccountNameLetterAndDigit, kAccountNameIdNumber, kAccountNameBirthDate}) {
      CPPUNIT_ASSERT(message.find("帳號") != std::string_view::npos);
      CPPUNIT_ASSERT(message.find("帳号") == std::string_view::npos);  // simplified 号
    }
  }

  void empty_name_asks_for_one() {
    CPPUNIT_ASSERT_EQUAL(m(kAccountNameEmpty), problems(""));
    CPPUNIT_ASSERT_EQUAL(std::string("請輸入帳號"), std::string(kAccountNameEmpty));
  }

  void length_is_six_to_twenty_characters() {
    CPPUNIT_ASSERT_EQUAL(m(kAccountNameLength), problems("abc12"));
    CPPUNIT_ASSERT_EQUAL(m(kAccountNameLength), problems("a1"));
    CPPUNIT_ASSERT_EQUAL(std::string(), problems("abcd12"));
    CPPUNIT_ASSERT_EQUAL(std::string(), problems("a" + repeat("b", 18) + "1"));          // 20
    CPPUNIT_ASSERT_EQUAL(m(kAccountNameLength), problems("a" + repeat("b", 19) + "1"));  // 21
  }

  void length_counts_characters_not_bytes() {
    // 9 characters but 23 bytes: only the character rule is broken, not the length.
    CPPUNIT_ASSERT_EQUAL(m(kAccountNameCharacters), problems("a1" + repeat("王", 7)));
    // 4 characters but 8 bytes: too short.
    CPPUNIT_ASSERT_EQUAL(m(kAccountNameLength) + m(kAccountNameCharacters), problems("a1王明"));
    // 21 characters.
    CPPUNIT_ASSERT_EQUAL(m(kAccountNameLength) + m(kAccountNameCharacters),
                         problems("a1" + repeat("王", 19)));
  }

  void first_character_must_be_a_letter() {
    CPPUNIT_ASSERT_EQUAL(m(kAccountNameFirstLetter), problems("1teacher"));
    CPPUNIT_ASSERT_EQUAL(m(kAccountNameFirstLetter), problems("_teacher1"));
    CPPUNIT_ASSERT_EQUAL(m(kAccountNameFirstLetter), problems(".teacher1"));
    CPPUNIT_ASSERT_EQUAL(m(kAccountNameFirstLetter), problems("-teacher1"));
    CPPUNIT_ASSERT_EQUAL(std::string(), problems("Teacher1"));
  }

  void only_letters_digits_and_three_symbols() {
    for (const char* name : {"teacher 01", "teacher@01", "teacher+01", "teacher01!", "t'eacher01",
                             "teacher01\t", "teacher<01>", "teacher/01", "ｔeacher01"}) {
      const bool starts_with_letter = name[0] == 't';
      const std::string expected =
          (starts_with_letter ? "" : m(kAccountNameFirstLetter)) + m(kAccountNameCharacters);
      CPPUNIT_ASSERT_EQUAL_MESSAGE(name, expected, problems(name));
    }
  }

  void needs_a_letter_and_a_digit() {
    CPPUNIT_ASSERT_EQUAL(m(kAccountNameLetterAndDigit), problems("teachers"));
    CPPUNIT_ASSERT_EQUAL(m(kAccountNameLetterAndDigit), problems("wu.ching_x"));
    CPPUNIT_ASSERT_EQUAL(m(kAccountNameFirstLetter) + m(kAccountNameLetterAndDigit),
                         problems("12345678"));
  }

  void no_id_number_of_any_kind() {
    // The holder's own, as legacy accounts often were, in either case.
    CPPUNIT_ASSERT_EQUAL(m(kAccountNameIdNumber), problems("A123456789"));
    CPPUNIT_ASSERT_EQUAL(m(kAccountNameIdNumber), problems("a123456789"));
    CPPUNIT_ASSERT_EQUAL(m(kAccountNameIdNumber), problems("wu.a123456789"));
    // Somebody else's, valid or not, of each kind.
    CPPUNIT_ASSERT_EQUAL(m(kAccountNameIdNumber), problems("teacherB223456788"));
    CPPUNIT_ASSERT_EQUAL(m(kAccountNameIdNumber), problems("x.A800000014"));
    CPPUNIT_ASSERT_EQUAL(m(kAccountNameIdNumber), problems("BD01300667wu"));
    // Close but not an ID shape.
    CPPUNIT_ASSERT_EQUAL(std::string(), problems("A323456789"));
    CPPUNIT_ASSERT_EQUAL(std::string(), problems("A12345678"));
  }

  void no_holder_id_even_in_an_unknown_shape() {
    const AccountRuleContext odd{"XY1234", {1986, 1, 2}};
    CPPUNIT_ASSERT_EQUAL(m(kAccountNameIdNumber), problems("wu.xy1234", odd));
    CPPUNIT_ASSERT_EQUAL(std::string(), problems("wu.xy1235", odd));
  }

  void no_birth_date_gregorian_or_roc() {
    CPPUNIT_ASSERT_EQUAL(m(kAccountNameBirthDate), problems("wu19860102"));
    CPPUNIT_ASSERT_EQUAL(m(kAccountNameBirthDate), problems("wu0750102"));  // ROC 075
    CPPUNIT_ASSERT_EQUAL(m(kAccountNameBirthDate), problems("wu750102"));   // ROC 75
    CPPUNIT_ASSERT_EQUAL(m(kAccountNameBirthDate), problems("w750102x"));
    CPPUNIT_ASSERT_EQUAL(std::string(), problems("wu19860103"));  // another day
    CPPUNIT_ASSERT_EQUAL(std::string(), problems("wu750103"));
    CPPUNIT_ASSERT_EQUAL(std::string(), problems("wu1986.01.02"));  // only the plain spellings
  }

  void three_digit_roc_year() {
    const AccountRuleContext young{"A123456789", {2016, 1, 2}};  // ROC 105
    CPPUNIT_ASSERT_EQUAL(m(kAccountNameBirthDate), problems("wu1050102", young));
    CPPUNIT_ASSERT_EQUAL(m(kAccountNameBirthDate), problems("wu20160102", young));
    CPPUNIT_ASSERT_EQUAL(std::string(), problems("wu050102", young));  // not a spelling of 105
    CPPUNIT_ASSERT_EQUAL(std::string(), problems("wu0750102", young));
  }

  void holder_checks_skipped_when_unknown() {
    const AccountRuleContext unknown{};
    CPPUNIT_ASSERT_EQUAL(std::string(), problems("wu19860102", unknown));
    CPPUNIT_ASSERT_EQUAL(std::string(), problems("wu750102", unknown));
    // The shape rule needs no context.
    CPPUNIT_ASSERT_EQUAL(m(kAccountNameIdNumber), problems("a123456789", unknown));
  }

  void every_broken_rule_is_reported_in_order() {
    CPPUNIT_ASSERT_EQUAL(m(kAccountNameLength) + m(kAccountNameFirstLetter) +
                             m(kAccountNameCharacters) + m(kAccountNameLetterAndDigit),
                         problems("@ !"));
    CPPUNIT_ASSERT_EQUAL(m(kAccountNameLength) + m(kAccountNameFirstLetter) +
                             m(kAccountNameCharacters) + m(kAccountNameIdNumber) +
                             m(kAccountNameBirthDate),
                         problems("1 A123456789 19860102 x"));
    CPPUNIT_ASSERT_EQUAL(std::size_t{2},
                         account_name_problems("a123456789x19860102", kHolder).size());
  }

  void birth_date_forms_spellings() {
    CPPUNIT_ASSERT_EQUAL(std::string("[19860102][0750102][750102]"),
                         joined(birth_date_forms({1986, 1, 2})));
    CPPUNIT_ASSERT_EQUAL(std::string("[20160102][1050102]"),
                         joined(birth_date_forms({2016, 1, 2})));
    CPPUNIT_ASSERT_EQUAL(std::string("[20111231][1001231]"),
                         joined(birth_date_forms({2011, 12, 31})));
    CPPUNIT_ASSERT_EQUAL(std::string("[20101231][0991231][991231]"),
                         joined(birth_date_forms({2010, 12, 31})));
    CPPUNIT_ASSERT_EQUAL(std::string("[19110501]"), joined(birth_date_forms({1911, 5, 1})));
    CPPUNIT_ASSERT_EQUAL(std::string(), joined(birth_date_forms({})));
    CPPUNIT_ASSERT_EQUAL(std::string(), joined(birth_date_forms({2023, 2, 29})));
  }

  void login_key_ignores_case() {
    CPPUNIT_ASSERT_EQUAL(std::string("teacher01"), account_login_key("Teacher01"));
    CPPUNIT_ASSERT_EQUAL(account_login_key("WU.CHING-2026"), account_login_key("wu.Ching-2026"));
    CPPUNIT_ASSERT_EQUAL(std::string("a_b-c.d1"), account_login_key("A_B-C.D1"));
    CPPUNIT_ASSERT_EQUAL(std::string("王a1"), account_login_key("王A1"));  // non-ASCII untouched
    CPPUNIT_ASSERT(account_login_key("teacher01") != account_login_key("teacher02"));
  }

  // Manual 二.4: an account named by an ID number is no 個人業務帳號, whatever kind of number.
  void id_number_accounts_of_every_kind() {
    CPPUNIT_ASSERT(is_id_number_account("A123456789"));  // 身分證字號
    CPPUNIT_ASSERT(is_id_number_account("F231542184"));  // 身分證字號, 2 (female)
    CPPUNIT_ASSERT(is_id_number_account("A800000014"));  // 統一證號 since 2021
    CPPUNIT_ASSERT(is_id_number_account("AA00000009"));  // 統一證號 before 2021: letter, A–D
    CPPUNIT_ASSERT(is_id_number_account("BD01300667"));
    CPPUNIT_ASSERT(is_id_number_account("CB12345679"));
    // Typed or stored in lower case, or with spaces around it, it is the same number.
    CPPUNIT_ASSERT(is_id_number_account("a123456789"));
    CPPUNIT_ASSERT(is_id_number_account("bd01300667"));
    CPPUNIT_ASSERT(is_id_number_account(" A123456789 "));
  }

  // Those keep the forced 修改帳號 of section 三: not an ID number, or not only one.
  void names_that_only_break_other_rules_are_no_id_number_accounts() {
    for (const char* name : {"abc1",            // too short
                             "oldteacher",      // no digit
                             "1teacher",        // starts with a digit
                             "A123456788",      // an ID number's shape, wrong check digit
                             "BC01300667",      // likewise, old resident number
                             "A123456789x",     // contains one, is not one
                             "xA123456789",     //
                             "A12345678",       // nine characters
                             "AE00000009",      // E is no resident letter
                             "Ａ123456789",     // full-width letter
                             "teacher01", ""}) {
      CPPUNIT_ASSERT_MESSAGE(name, !is_id_number_account(name));
    }
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(AccountPolicyTest);

}  // namespace xueji
