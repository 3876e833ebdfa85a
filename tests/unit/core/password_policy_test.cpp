// password_policy_test.cpp: each password rule alone, rules together, the common list, ages.
#include "core/password_policy.h"

#include <cppunit/extensions/HelperMacros.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <string>
#include <vector>

#include "core/personal_data.h"

namespace xueji {
namespace {

using namespace std::chrono;

std::string joined(const std::vector<std::string>& messages) {
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

const PasswordRuleContext kHolder{"teacher01", "A123456789", {1986, 1, 2}};

std::string problems(std::string_view password, const PasswordRuleContext& context = kHolder) {
  return joined(password_problems(password, context));
}

const TimePoint kChanged = TimePoint{sys_days{year{2026} / 5 / 1}} + hours{3};

}  // namespace

class PasswordPolicyTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(PasswordPolicyTest);
  CPPUNIT_TEST(good_passwords_pass);
  CPPUNIT_TEST(holder_id_known_by_its_hmac_is_refused_in_rule_order);
  CPPUNIT_TEST(messages_say_the_rule_in_chinese);
  CPPUNIT_TEST(empty_password_asks_for_one);
  CPPUNIT_TEST(length_is_twelve_to_sixty_four_characters);
  CPPUNIT_TEST(length_counts_code_points);
  CPPUNIT_TEST(no_whitespace_of_any_kind);
  CPPUNIT_TEST(three_of_four_classes);
  CPPUNIT_TEST(non_ascii_is_no_class);
  CPPUNIT_TEST(no_account_name_in_any_case);
  CPPUNIT_TEST(no_id_number_in_any_case);
  CPPUNIT_TEST(no_birth_date_gregorian_or_roc);
  CPPUNIT_TEST(holder_checks_skipped_when_unknown);
  CPPUNIT_TEST(common_passwords_in_any_case);
  CPPUNIT_TEST(common_list_is_lower_case_and_large);
  CPPUNIT_TEST(every_broken_rule_is_reported_in_order);
  CPPUNIT_TEST(max_age_is_ninety_days);
  CPPUNIT_TEST(min_age_is_one_day);
  CPPUNIT_TEST_SUITE_END();

 public:
  void holder_id_known_by_its_hmac_is_refused_in_rule_order() {
    const std::string secret(40, 'k');
    PasswordRuleContext by_hmac{"teacher01", "", {1986, 1, 2}, secret,
                                national_id_hmac(secret, "A123456789")};
    CPPUNIT_ASSERT_EQUAL(m(kPasswordIdNumber) + m(kPasswordBirthDate),
                         problems("Xa123456789#19860102", by_hmac));
    CPPUNIT_ASSERT_EQUAL(std::string(), problems("Xb223456789#Quiet!", by_hmac));
  }

  void good_passwords_pass() {
    for (const char* pw : {"Blue-Sky-Walk9", "correct!horse7battery", "MOUNTAIN.river42",
                           "Abcdefghij1!", "tea#pot#1986#x", "xueji-Secure-2026"}) {
      CPPUNIT_ASSERT_EQUAL_MESSAGE(pw, std::string(), problems(pw));
    }
  }

  void messages_say_the_rule_in_chinese() {
    CPPUNIT_ASSERT_EQUAL(std::string("密碼長度須為 12 至 64 個字元"), std::string(kPasswordLength));
    for (std::string_view message :
         {kPasswordEmpty, kPasswordLength, kPasswordWhitespace, kPasswordClasses,
          kPasswordAccountName, kPasswordIdNumber, kPasswordBirthDate, kPasswordCommon}) {
      CPPUNIT_ASSERT(message.find("密碼") != std::string_view::npos);
      CPPUNIT_ASSERT(message.find("码") == std::string_view::npos);  // simplified 码
    }
    CPPUNIT_ASSERT(kPasswordClasses.find("三種") != std::string_view::npos);
    CPPUNIT_ASSERT(kPasswordAccountName.find("帳號") != std::string_view::npos);
    CPPUNIT_ASSERT(kPasswordIdNumber.find("身分證") != std::string_view::npos);
    CPPUNIT_ASSERT(kPasswordBirthDate.find("出生年月日") != std::string_view::npos);
  }

  void empty_password_asks_for_one() { CPPUNIT_ASSERT_EQUAL(m(kPasswordEmpty), problems("")); }

  void length_is_twelve_to_sixty_four_characters() {
    CPPUNIT_ASSERT_EQUAL(m(kPasswordLength), problems("Abcdefghi1!"));             // 11
    CPPUNIT_ASSERT_EQUAL(std::string(), problems("Abcdefghij1!"));                 // 12
    CPPUNIT_ASSERT_EQUAL(std::string(), problems("Ab1!" + repeat("x", 60)));       // 64
    CPPUNIT_ASSERT_EQUAL(m(kPasswordLength), problems("Ab1!" + repeat("x", 61)));  // 65
    CPPUNIT_ASSERT_EQUAL(m(kPasswordLength), problems("Ab1!" + repeat("x", 1000)));
  }

  void length_counts_code_points() {
    // 8 Chinese characters (24 bytes) + 4 ASCII = 12 characters.
    CPPUNIT_ASSERT_EQUAL(std::string(), problems("我的密碼很長很長Ab1!"));
    CPPUNIT_ASSERT_EQUAL(m(kPasswordLength), problems("我的密碼很長很Ab1!"));  // 11
    CPPUNIT_ASSERT_EQUAL(std::string(), problems(repeat("長", 60) + "Ab1!"));  // 64
    CPPUNIT_ASSERT_EQUAL(m(kPasswordLength), problems(repeat("長", 61) + "Ab1!"));
    // A malformed byte still counts as one character.
    CPPUNIT_ASSERT_EQUAL(std::string(), problems("Abcdefghij1\xFF"));
    CPPUNIT_ASSERT_EQUAL(m(kPasswordLength), problems("Abcdefghi1\xE5"));
  }

  void no_whitespace_of_any_kind() {
    for (const char* pw : {"Blue Sky Walk9", "Blue\tSkyWalk9", "BlueSkyWalk9\n", " BlueSkyWalk9",
                           "Blue\rSkyWalk9", "Blue\xC2\xA0SkyWalk9",  // no-break space
                           "Blue\xE3\x80\x80SkyWalk9",                // 全形空白 U+3000
                           "Blue\xE2\x80\x83SkyWalk9"}) {             // em space
      CPPUNIT_ASSERT_EQUAL_MESSAGE(pw, m(kPasswordWhitespace), problems(pw));
    }
    CPPUNIT_ASSERT_EQUAL(m(kPasswordWhitespace), problems("Blue  Sky  Walk 9"));  // reported once
  }

  void three_of_four_classes() {
    CPPUNIT_ASSERT_EQUAL(m(kPasswordClasses), problems("blueskywalking"));  // 1
    CPPUNIT_ASSERT_EQUAL(m(kPasswordClasses), problems("blueskywalk9"));    // 2
    CPPUNIT_ASSERT_EQUAL(m(kPasswordClasses), problems("BLUESKYWALK9"));    // 2
    CPPUNIT_ASSERT_EQUAL(m(kPasswordClasses), problems("blueskywalk!"));    // 2
    CPPUNIT_ASSERT_EQUAL(m(kPasswordClasses), problems("BlueSkyWalking"));  // 2
    CPPUNIT_ASSERT_EQUAL(m(kPasswordClasses), problems("3141592653!!"));    // 2
    CPPUNIT_ASSERT_EQUAL(std::string(), problems("Blueskywalk!"));          // upper lower symbol
    CPPUNIT_ASSERT_EQUAL(std::string(), problems("blueskywalk9!"));         // lower digit symbol
    CPPUNIT_ASSERT_EQUAL(std::string(), problems("BLUESKYWALK9!"));         // upper digit symbol
    CPPUNIT_ASSERT_EQUAL(std::string(), problems("Blueskywalk9"));          // upper lower digit
    // Every printable ASCII non-alphanumeric is a symbol.
    for (char c = '!'; c <= '~'; ++c) {
      if (std::isalnum(static_cast<unsigned char>(c))) continue;
      const std::string pw = std::string("blueskywalk9") + c;
      CPPUNIT_ASSERT_EQUAL_MESSAGE(pw, std::string(), problems(pw));
    }
  }

  void non_ascii_is_no_class() {
    CPPUNIT_ASSERT_EQUAL(m(kPasswordClasses), problems("blueskywalk9é"));
    CPPUNIT_ASSERT_EQUAL(m(kPasswordClasses), problems("blueskywalk9密"));
    CPPUNIT_ASSERT_EQUAL(m(kPasswordClasses), problems("blueskywalk9\x01"));  // control character
  }

  void no_account_name_in_any_case() {
    CPPUNIT_ASSERT_EQUAL(m(kPasswordAccountName), problems("Teacher01-Blue!"));
    CPPUNIT_ASSERT_EQUAL(m(kPasswordAccountName), problems("x!TEACHER01!x"));
    CPPUNIT_ASSERT_EQUAL(std::string(), problems("Teacher02-Blue!"));
    const PasswordRuleContext mixed{"Wu.Ching-2026", "", {}};
    CPPUNIT_ASSERT_EQUAL(m(kPasswordWhitespace) + m(kPasswordAccountName),
                         problems("my wu.ching-2026!", mixed));
    CPPUNIT_ASSERT_EQUAL(m(kPasswordAccountName), problems("my.WU.CHING-2026!", mixed));
  }

  void no_id_number_in_any_case() {
    CPPUNIT_ASSERT_EQUAL(m(kPasswordIdNumber), problems("xA123456789-Blue"));
    CPPUNIT_ASSERT_EQUAL(m(kPasswordIdNumber), problems("xa123456789-Blue"));
    // Another person's number is not this rule's business.
    CPPUNIT_ASSERT_EQUAL(std::string(), problems("xB223456788-Blue"));
  }

  void no_birth_date_gregorian_or_roc() {
    CPPUNIT_ASSERT_EQUAL(m(kPasswordBirthDate), problems("Blue!19860102x"));
    CPPUNIT_ASSERT_EQUAL(m(kPasswordBirthDate), problems("Blue!0750102xy"));
    CPPUNIT_ASSERT_EQUAL(m(kPasswordBirthDate), problems("Blue!750102xyz"));
    CPPUNIT_ASSERT_EQUAL(std::string(), problems("Blue!19860103x"));
    const PasswordRuleContext young{"teacher01", "A123456789", {2016, 1, 2}};
    CPPUNIT_ASSERT_EQUAL(m(kPasswordBirthDate), problems("Blue!1050102xy", young));
    CPPUNIT_ASSERT_EQUAL(m(kPasswordBirthDate), problems("Blue!20160102x", young));
    CPPUNIT_ASSERT_EQUAL(std::string(), problems("Blue!050102xyz", young));
  }

  void holder_checks_skipped_when_unknown() {
    const PasswordRuleContext unknown{};
    CPPUNIT_ASSERT_EQUAL(std::string(), problems("Teacher01-Blue!", unknown));
    CPPUNIT_ASSERT_EQUAL(std::string(), problems("xA123456789-Blue", unknown));
    CPPUNIT_ASSERT_EQUAL(std::string(), problems("Blue!19860102x", unknown));
  }

  void common_passwords_in_any_case() {
    CPPUNIT_ASSERT_EQUAL(m(kPasswordCommon), problems("Password1234"));
    CPPUNIT_ASSERT_EQUAL(m(kPasswordCommon), problems("P@ssw0rd1234"));
    CPPUNIT_ASSERT_EQUAL(m(kPasswordCommon), problems("PASSWORD@2026"));
    CPPUNIT_ASSERT_EQUAL(m(kPasswordCommon), problems("1qaz@WSX3edc"));
    CPPUNIT_ASSERT_EQUAL(m(kPasswordCommon), problems("Taiwan@12345"));
    CPPUNIT_ASSERT(is_common_password("QWERTY"));
    CPPUNIT_ASSERT(is_common_password("iloveyou"));
    // Exact match only: a longer or different password is not refused by this rule.
    CPPUNIT_ASSERT_EQUAL(std::string(), problems("Password12345x"));
    CPPUNIT_ASSERT(!is_common_password("Password1234 "));
    CPPUNIT_ASSERT(!is_common_password("Blue-Sky-Walk9"));
    CPPUNIT_ASSERT(!is_common_password(""));
  }

  void common_list_is_lower_case_and_large() {
    const auto& list = common_passwords();
    CPPUNIT_ASSERT(list.size() >= 200);
    CPPUNIT_ASSERT(std::adjacent_find(list.begin(), list.end()) == list.end());  // no duplicates
    std::size_t long_enough = 0;
    for (std::string_view pw : list) {
      const std::string s(pw);
      CPPUNIT_ASSERT_MESSAGE(s, !pw.empty());
      CPPUNIT_ASSERT_MESSAGE(s, std::none_of(pw.begin(), pw.end(), [](char c) {
                               return (c >= 'A' && c <= 'Z') || c == ' ';
                             }));
      CPPUNIT_ASSERT_MESSAGE(s, is_common_password(pw));
      std::string upper = s;
      for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      CPPUNIT_ASSERT_MESSAGE(upper, is_common_password(upper));
      if (pw.size() >= 12) ++long_enough;
    }
    // Most of the list must be long enough to matter under the 12-character rule.
    CPPUNIT_ASSERT(long_enough >= 120);
  }

  void every_broken_rule_is_reported_in_order() {
    CPPUNIT_ASSERT_EQUAL(m(kPasswordLength) + m(kPasswordWhitespace) + m(kPasswordClasses),
                         problems(" "));
    CPPUNIT_ASSERT_EQUAL(m(kPasswordAccountName) + m(kPasswordIdNumber) + m(kPasswordBirthDate),
                         problems("teacher01A123456789-19860102"));
    CPPUNIT_ASSERT_EQUAL(m(kPasswordLength) + m(kPasswordClasses) + m(kPasswordCommon),
                         problems("qwerty"));
  }

  void max_age_is_ninety_days() {
    CPPUNIT_ASSERT(kPasswordMaxAge == days{90});
    CPPUNIT_ASSERT(!password_expired(kChanged, kChanged));
    CPPUNIT_ASSERT(!password_expired(kChanged, kChanged + days{89}));
    CPPUNIT_ASSERT(!password_expired(kChanged, kChanged + days{90}));
    CPPUNIT_ASSERT(password_expired(kChanged, kChanged + days{90} + seconds{1}));
    CPPUNIT_ASSERT(password_expired(kChanged, kChanged + days{365}));
    CPPUNIT_ASSERT(!password_expired(kChanged, kChanged - days{200}));  // clock skew
  }

  void min_age_is_one_day() {
    CPPUNIT_ASSERT(kPasswordMinAge == days{1});
    CPPUNIT_ASSERT(password_too_young(kChanged, kChanged));
    CPPUNIT_ASSERT(password_too_young(kChanged, kChanged + hours{23} + minutes{59} + seconds{59}));
    CPPUNIT_ASSERT(!password_too_young(kChanged, kChanged + days{1}));
    CPPUNIT_ASSERT(!password_too_young(kChanged, kChanged + days{30}));
    CPPUNIT_ASSERT(password_too_young(kChanged, kChanged - seconds{1}));  // changed "in the future"
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(PasswordPolicyTest);

}  // namespace xueji
