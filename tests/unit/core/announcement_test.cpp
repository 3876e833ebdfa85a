// announcement_test.cpp: the 系統公告's text rules — a paragraph per line, 操作手冊 cut out as
// links in order, and what may not be stored.
#include "core/announcement.h"

#include <cppunit/extensions/HelperMacros.h>

#include <string>

namespace xueji {

class AnnouncementTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(AnnouncementTest);
  CPPUNIT_TEST(each_non_blank_line_is_a_paragraph);
  CPPUNIT_TEST(manual_words_become_links_in_order);
  CPPUNIT_TEST(empty_long_binary_and_control_text_is_refused);
  CPPUNIT_TEST_SUITE_END();

 public:
  void each_non_blank_line_is_a_paragraph() {
    auto p = announcement_paragraphs("各位師長好：\r\n\n  第二段  \n\t\n<b>三</b>");
    CPPUNIT_ASSERT_EQUAL(std::size_t{3}, p.size());
    CPPUNIT_ASSERT_EQUAL(std::string("各位師長好："), p[0].at(0).text);
    CPPUNIT_ASSERT_EQUAL(std::string("第二段"), p[1].at(0).text);
    CPPUNIT_ASSERT_EQUAL(std::string("<b>三</b>"), p[2].at(0).text);  // escaped by the template
    CPPUNIT_ASSERT(announcement_paragraphs(" \n\n").empty());
  }

  void manual_words_become_links_in_order() {
    auto p = announcement_paragraphs("請參考操作手冊；操作手冊操作手冊末");
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, p.size());
    const auto& parts = p[0];
    CPPUNIT_ASSERT_EQUAL(std::size_t{6}, parts.size());
    CPPUNIT_ASSERT(!parts[0].manual_link && parts[0].text == "請參考");
    CPPUNIT_ASSERT(parts[1].manual_link && parts[1].text == "操作手冊");
    CPPUNIT_ASSERT(!parts[2].manual_link && parts[2].text == "；");
    CPPUNIT_ASSERT(parts[3].manual_link && parts[4].manual_link);
    CPPUNIT_ASSERT(!parts[5].manual_link && parts[5].text == "末");
    auto only = announcement_paragraphs("操作手冊");
    CPPUNIT_ASSERT(only.at(0).size() == 1 && only[0][0].manual_link);
  }

  void empty_long_binary_and_control_text_is_refused() {
    CPPUNIT_ASSERT(announcement_problems("各位師長好：\n公告內容").empty());
    CPPUNIT_ASSERT_EQUAL(std::string("公告不得為空白"), announcement_problems("\n \n").at(0));
    std::string longest;
    for (std::size_t i = 0; i < kMaxAnnouncementChars; ++i) longest += "字";
    CPPUNIT_ASSERT(announcement_problems(longest).empty());
    CPPUNIT_ASSERT_EQUAL(std::string("公告最多 3000 字"), announcement_problems(longest + "字").at(0));
    CPPUNIT_ASSERT_EQUAL(std::string("公告須為 UTF-8 文字檔"), announcement_problems("\xff\xfe").at(0));
    CPPUNIT_ASSERT_EQUAL(std::string("公告不得含有控制字元"),
                         announcement_problems(std::string("a\0b", 3)).at(0));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(AnnouncementTest);

}  // namespace xueji
