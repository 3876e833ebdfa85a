// rule_hints_test.cpp: the account and password hints are one text on every page that shows
// them; the reuse rule is named only where earlier passwords exist.
#include "flows/rule_hints.h"

#include <cppunit/extensions/HelperMacros.h>

#include "fcgi/templates.h"
#include "tests/unit/fcgi/test_context.h"

using namespace xueji;

namespace {

constexpr const char* kPasswordHint = "密碼需符合資安法要求之複雜度：長度 12 至 64 個字元";
constexpr const char* kAccountHint = "帳號需符合資安法要求之複雜度：長度 6 至 20 個字元";
constexpr const char* kReuse = "不得與最近 3 次使用過的密碼相同";

bool has(const std::string& html, const std::string& text) {
  return html.find(text) != std::string::npos;
}

}  // namespace

class RuleHintsTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(RuleHintsTest);
  CPPUNIT_TEST(every_password_page_shows_the_same_hint);
  CPPUNIT_TEST(both_name_pages_show_the_same_hint);
  CPPUNIT_TEST_SUITE_END();

 public:
  void every_password_page_shows_the_same_hint() {
    testing::UnitContext u;
    for (const char* tpl : {"password_change.tpl", "forgot_password_reset.tpl"}) {
      Page page("p", tpl);
      add_password_hint(page.body(), "new-password-hint", true);
      std::string html = page.render(u.ctx);
      CPPUNIT_ASSERT_MESSAGE(tpl, has(html, kPasswordHint) && has(html, kReuse));
      CPPUNIT_ASSERT_MESSAGE(tpl, has(html, "id=\"new-password-hint\""));
    }
    Page apply("p", "apply_account.tpl");
    add_account_hint(apply.body(), "account-hint");
    add_password_hint(apply.body(), "password-hint", false);
    std::string html = apply.render(u.ctx);
    CPPUNIT_ASSERT(has(html, kPasswordHint) && !has(html, kReuse));
    CPPUNIT_ASSERT(has(html, "id=\"password-hint\""));
  }

  void both_name_pages_show_the_same_hint() {
    testing::UnitContext u;
    for (const char* tpl : {"account_change.tpl", "apply_account.tpl"}) {
      Page page("p", tpl);
      add_account_hint(page.body(), "new-account-hint");
      std::string html = page.render(u.ctx);
      CPPUNIT_ASSERT_MESSAGE(tpl, has(html, kAccountHint));
    }
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(RuleHintsTest);
