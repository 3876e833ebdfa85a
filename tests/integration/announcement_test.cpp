// announcement_test.cpp: the 系統公告 is data (issue 21): the manual's text by default, replaced
// with `xueji-ctl announcement set FILE`, shown escaped a paragraph per line with 操作手冊 linked
// to the manual (which nginx serves); bad files are refused and change nothing.
#include <cppunit/extensions/HelperMacros.h>

#include <fstream>

#include "tests/integration/support/cli_runner.h"
#include "tests/integration/support/login_support.h"

using namespace xueji::testing;

namespace {

std::string announcement_html() {
  Browser b;
  std::string page = b.get("/login").body;
  std::size_t start = page.find("id=\"announcement\"");
  CPPUNIT_ASSERT_MESSAGE(page, start != std::string::npos);
  return page.substr(start, page.find("</section>", start) - start);
}

std::string file_with(const std::string& name, const std::string& text) {
  std::string path = var_dir() + "/" + name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

}  // namespace

class AnnouncementTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(AnnouncementTest);
  CPPUNIT_TEST(set_replaces_the_text_escaped_with_manual_links_and_bad_files_change_nothing);
  CPPUNIT_TEST_SUITE_END();

 public:
  void set_replaces_the_text_escaped_with_manual_links_and_bad_files_change_nothing() {
    CliResult before = run_ctl({"announcement", "show"});
    CPPUNIT_ASSERT_EQUAL_MESSAGE(before.err, 0, before.status);
    CPPUNIT_ASSERT(contains(before.out, "本系統於110年11月10日啟用雙因子認證登入機制"));
    std::string shown = announcement_html();
    CPPUNIT_ASSERT(contains(shown, "<p>各位師長好：</p>"));
    CPPUNIT_ASSERT(contains(shown, "<a href=\"/static/manual/\">操作手冊</a>"));

    std::string path = file_with("announcement.txt",
                                 "各位師長好：\n\n115 學年度 <script>alert(1)</script> 請參考操作手冊。\n");
    CliResult set = run_ctl({"announcement", "set", path});
    CPPUNIT_ASSERT_EQUAL_MESSAGE(set.out + set.err, 0, set.status);
    CPPUNIT_ASSERT(contains(set.out, "已更新系統公告（2 段）"));
    shown = announcement_html();
    CPPUNIT_ASSERT_MESSAGE(shown, contains(shown, "<p>115 學年度 &lt;script&gt;alert(1)&lt;/script&gt; "
                                                 "請參考<a href=\"/static/manual/\">操作手冊</a>。</p>"));
    CPPUNIT_ASSERT(!contains(shown, "<script>"));
    CPPUNIT_ASSERT(!contains(shown, "資安等級"));
    CPPUNIT_ASSERT_EQUAL(std::string("1"), trimmed(sql(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'announcement.set' AND "
        "target = 'paragraphs:2' AND at > UTC_TIMESTAMP(6) - INTERVAL 1 MINUTE")));

    for (const std::string& bad : {std::string(" \n"), std::string("\xff\xfe"),
                                   std::string("a\x01")}) {
      CliResult refused = run_ctl({"announcement", "set", file_with("bad.txt", bad)});
      CPPUNIT_ASSERT_EQUAL_MESSAGE(refused.out + refused.err, 1, refused.status);
    }
    CPPUNIT_ASSERT(contains(announcement_html(), "115 學年度"));

    CliResult restored = run_ctl({"announcement", "set", "-"});  // stdin is empty: refused
    CPPUNIT_ASSERT_EQUAL(1, restored.status);
    CliResult back = run_shell(with_stack_env() + "printf '%s' " + quote_arg(before.out) +
                               " | \"$XUEJI_BUILD_DIR/xueji-ctl\" announcement set -");
    CPPUNIT_ASSERT_EQUAL_MESSAGE(back.out + back.err, 0, back.status);
    CPPUNIT_ASSERT(contains(announcement_html(), "資安等級"));

    // The manual the links lead to.
    Browser b;
    HttpResponse manual = b.get("/static/manual/");
    CPPUNIT_ASSERT_EQUAL(200L, manual.status);
    CPPUNIT_ASSERT(contains(manual.header("content-type"), "text/html"));
    CPPUNIT_ASSERT(contains(manual.body, "個人業務帳號操作手冊"));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(AnnouncementTest);
