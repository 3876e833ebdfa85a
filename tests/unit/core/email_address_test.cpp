// email_address_test.cpp: the wizard's E-Mail syntax — ordinary addresses pass, and each kind of
// bad input gets its own message: empty, not ASCII, too long, malformed.
#include "core/email_address.h"

#include <cppunit/extensions/HelperMacros.h>

#include <string>

namespace xueji {

class EmailAddressTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(EmailAddressTest);
  CPPUNIT_TEST(ordinary_addresses_pass);
  CPPUNIT_TEST(empty_is_its_own_problem);
  CPPUNIT_TEST(non_ascii_and_spaces_are_refused);
  CPPUNIT_TEST(length_limits_are_254_and_64);
  CPPUNIT_TEST(malformed_addresses_are_refused);
  CPPUNIT_TEST(messages_are_chinese_and_distinct);
  CPPUNIT_TEST(domain_is_lower_cased_local_part_kept);
  CPPUNIT_TEST_SUITE_END();

 public:
  void ordinary_addresses_pass() {
    for (const char* a :
         {"teacher@gmail.com", "Wu.Ching+apply@school.edu.tw", "a@b.co", "o'brien@example.org",
          "x_y-z@mail-1.example.com.tw", "1234@163.com", "a!#$%&*/=?^`{|}~@example.com"}) {
      CPPUNIT_ASSERT_MESSAGE(a, email_problem(a) == EmailProblem::kNone);
    }
  }

  void empty_is_its_own_problem() { CPPUNIT_ASSERT(email_problem("") == EmailProblem::kEmpty); }

  void non_ascii_and_spaces_are_refused() {
    for (const char* a :
         {"吳青@example.com", "teacher@學校.tw", "ｔｅａｃｈｅｒ@gmail.com", "teacher @gmail.com",
          "tea\tcher@gmail.com", "teacher@gmail.com\x7f", "teacher\xef\xbc\xa0gmail.com"}) {
      CPPUNIT_ASSERT_MESSAGE(a, email_problem(a) == EmailProblem::kNotAscii);
    }
  }

  void length_limits_are_254_and_64() {
    std::string local64(64, 'a');
    CPPUNIT_ASSERT(email_problem(local64 + "@example.com") == EmailProblem::kNone);
    CPPUNIT_ASSERT(email_problem(local64 + "a@example.com") == EmailProblem::kTooLong);
    // 254 characters exactly: 10 + "@" + a domain of 243 (labels of 60, 60, 60, 57 and "tw").
    std::string domain = std::string(60, 'b') + "." + std::string(60, 'c') + "." +
                         std::string(60, 'd') + "." + std::string(57, 'e') + ".tw";
    std::string at254 = std::string(10, 'a') + "@" + domain;
    CPPUNIT_ASSERT_EQUAL(std::size_t(254), at254.size());
    CPPUNIT_ASSERT(email_problem(at254) == EmailProblem::kNone);
    CPPUNIT_ASSERT(email_problem("a" + at254) == EmailProblem::kTooLong);
    // A label may not pass 63 characters.
    CPPUNIT_ASSERT(email_problem("a@" + std::string(64, 'b') + ".com") == EmailProblem::kFormat);
    CPPUNIT_ASSERT(email_problem("a@" + std::string(63, 'b') + ".com") == EmailProblem::kNone);
  }

  void malformed_addresses_are_refused() {
    for (const char* a :
         {"teacher",         "teacher@",       "@gmail.com",     "a@@gmail.com",   "a@b@gmail.com",
          ".a@gmail.com",    "a.@gmail.com",   "a..b@gmail.com", "a@gmail",        "a@gmail.",
          "a@.gmail.com",    "a@gmail..com",   "a@-gmail.com",   "a@gmail-.com",   "a@1.2.3.4",
          "a@[127.0.0.1]",   "a(b)@gmail.com", "a,b@gmail.com",  "a<b>@gmail.com", "a@gm_ail.com",
          "\"ab\"@gmail.com"}) {
      CPPUNIT_ASSERT_MESSAGE(a, email_problem(a) == EmailProblem::kFormat);
    }
  }

  void messages_are_chinese_and_distinct() {
    std::string empty(email_problem_message(EmailProblem::kEmpty));
    std::string ascii(email_problem_message(EmailProblem::kNotAscii));
    std::string longer(email_problem_message(EmailProblem::kTooLong));
    std::string format(email_problem_message(EmailProblem::kFormat));
    CPPUNIT_ASSERT(email_problem_message(EmailProblem::kNone).empty());
    for (const std::string& m : {empty, ascii, longer, format}) {
      CPPUNIT_ASSERT(m.find("E-Mail") != std::string::npos);
    }
    CPPUNIT_ASSERT(empty != ascii && ascii != longer && longer != format && empty != format);
    CPPUNIT_ASSERT(longer.find("254") != std::string::npos);
    CPPUNIT_ASSERT(longer.find("64") != std::string::npos);
  }

  void domain_is_lower_cased_local_part_kept() {
    CPPUNIT_ASSERT_EQUAL(std::string("Wu.Ching@school.edu.tw"),
                         normalize_email("Wu.Ching@School.EDU.tw"));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(EmailAddressTest);

}  // namespace xueji
