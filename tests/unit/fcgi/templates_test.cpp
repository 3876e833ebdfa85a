// templates_test.cpp: every template loads (with its AUTOESCAPE pragma) and escapes what it shows.
#include "fcgi/templates.h"

#include <cppunit/extensions/HelperMacros.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/unit/fcgi/test_context.h"

using namespace xueji;

class TemplatesTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(TemplatesTest);
  CPPUNIT_TEST(every_template_starts_with_the_autoescape_pragma_and_loads);
  CPPUNIT_TEST(login_page_escapes_what_it_shows);
  CPPUNIT_TEST(test_mode_banner_is_on_every_page);
  CPPUNIT_TEST_SUITE_END();

  static std::string hostile() { return "<script>alert(\"x\")</script>&'"; }

 public:
  void every_template_starts_with_the_autoescape_pragma_and_loads() {
    const Templates& templates = testing::unit_templates();  // throws if any fails to load
    int count = 0;
    for (const auto& entry : std::filesystem::directory_iterator(templates.dir())) {
      if (entry.path().extension() != ".tpl") continue;
      std::ifstream in(entry.path());
      std::string first;
      std::getline(in, first);
      CPPUNIT_ASSERT_EQUAL_MESSAGE(entry.path().string(),
                                   std::string("{{%AUTOESCAPE context=\"HTML\"}}"), first);
      ++count;
    }
    CPPUNIT_ASSERT(count >= 3);
  }

  void login_page_escapes_what_it_shows() {
    testing::UnitContext u;
    Page page(hostile(), "login.tpl");
    page.body().SetValue("CSRF", hostile());
    page.body().SetValue("ACCOUNT", hostile());
    page.body().AddSectionDictionary("MESSAGE")->SetValue("TEXT", hostile());
    std::string html = page.render(u.ctx);
    CPPUNIT_ASSERT(html.find("<script>alert") == std::string::npos);
    CPPUNIT_ASSERT(html.find("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;") !=
                   std::string::npos);
    CPPUNIT_ASSERT(html.find("name=\"account\"") != std::string::npos);
  }

  void test_mode_banner_is_on_every_page() {
    testing::UnitContext u;
    Page page("錯誤", "error.tpl");
    page.body().SetValue("MESSAGE", "m");
    std::string html = page.render(u.ctx);
    CPPUNIT_ASSERT(html.find("測試模式") != std::string::npos);
    CPPUNIT_ASSERT(html.find("5823") != std::string::npos);
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(TemplatesTest);
