// address_mask_test.cpp: recipients as logs and xueji-ctl show them — the first character of the
// local part and the domain — alone and inside SMTP replies and error texts.
#include "core/address_mask.h"

#include <cppunit/extensions/HelperMacros.h>

#include <string>

namespace xueji {

class AddressMaskTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(AddressMaskTest);
  CPPUNIT_TEST(an_address_keeps_its_first_character_and_domain);
  CPPUNIT_TEST(text_without_an_address_is_unchanged);
  CPPUNIT_TEST(addresses_inside_a_server_reply_are_masked);
  CPPUNIT_TEST(every_address_of_a_text_is_masked);
  CPPUNIT_TEST(masking_twice_changes_nothing_more);
  CPPUNIT_TEST_SUITE_END();

 public:
  void an_address_keeps_its_first_character_and_domain() {
    CPPUNIT_ASSERT_EQUAL(std::string("t***@example.com"), mask_address("teacher@example.com"));
    CPPUNIT_ASSERT_EQUAL(std::string("W***@school.edu.tw"),
                         mask_address("Wu.Ching+apply@school.edu.tw"));
    CPPUNIT_ASSERT_EQUAL(std::string("a***@b.co"), mask_address("a@b.co"));
    CPPUNIT_ASSERT_EQUAL(std::string("***"), mask_address("no address"));
    CPPUNIT_ASSERT_EQUAL(std::string("***"), mask_address("@example.com"));
    CPPUNIT_ASSERT_EQUAL(std::string("***"), mask_address(""));
  }

  void text_without_an_address_is_unchanged() {
    for (const char* text :
         {"", "Couldn't connect to server", "250 OK", "a @ b", "user@", "@host", "測試信 #1",
          "Failed sending data to the peer (server's last reply: 451 4.3.0 try again)"}) {
      CPPUNIT_ASSERT_EQUAL(std::string(text), mask_addresses(text));
    }
  }

  void addresses_inside_a_server_reply_are_masked() {
    std::string error =
        "Failed sending data to the peer (server replied to RCPT: 550 5.1.1 "
        "<reject-123456789-1@example.org>: Recipient address rejected: User unknown)";
    std::string masked = mask_addresses(error);
    CPPUNIT_ASSERT_EQUAL(std::string("Failed sending data to the peer (server replied to RCPT: "
                                     "550 5.1.1 <r***@example.org>: Recipient address rejected: "
                                     "User unknown)"),
                         masked);
    CPPUNIT_ASSERT(masked.find("reject-123456789") == std::string::npos);
  }

  void every_address_of_a_text_is_masked() {
    CPPUNIT_ASSERT_EQUAL(std::string("to x***@a.tw, y***@b.tw and 已寄給 z***@c.tw。"),
                         mask_addresses("to xavier@a.tw, yu_ming@b.tw and 已寄給 z@c.tw。"));
    CPPUNIT_ASSERT_EQUAL(std::string("o***@example.org"), mask_addresses("o'brien@example.org"));
  }

  void masking_twice_changes_nothing_more() {
    std::string once = mask_addresses("<teacher@example.com> and 550 <x.y@z.tw>");
    CPPUNIT_ASSERT_EQUAL(once, mask_addresses(once));
    CPPUNIT_ASSERT_EQUAL(mask_address("teacher@example.com"),
                         mask_addresses(mask_address("teacher@example.com")));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(AddressMaskTest);

}  // namespace xueji
