// galera_rules_test.cpp: the SQL of sql/ keeps to what a Galera cluster replicates and certifies
// (deploy/cluster/README.md): no explicit locks, which hold on one node only, and no engine but
// InnoDB. (Every table having a primary key is checked on the live schema by platform_test.)
#include <cppunit/extensions/HelperMacros.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace xueji::store {

class GaleraRulesTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(GaleraRulesTest);
  CPPUNIT_TEST(no_explicit_locks_and_innodb_only);
  CPPUNIT_TEST_SUITE_END();

 public:
  void no_explicit_locks_and_innodb_only() {
    const char* source = std::getenv("XUEJI_SOURCE_DIR");
    std::filesystem::path sql_dir = std::filesystem::path(source ? source : ".") / "sql";
    int files = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(sql_dir)) {
      std::string ext = entry.path().extension().string();
      if (ext != ".cpp" && ext != ".h" && ext != ".sql") continue;
      ++files;
      std::ifstream in(entry.path());
      std::stringstream text;
      text << in.rdbuf();
      std::string upper = text.str();
      std::transform(upper.begin(), upper.end(), upper.begin(),
                     [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
      std::string name = entry.path().filename().string();
      for (const char* banned : {"GET_LOCK(", "LOCK TABLES", "LOCK TABLE ", "ENGINE=MYISAM",
                                 "ENGINE=ARIA", "ENGINE=MEMORY", "ENGINE = MYISAM"}) {
        CPPUNIT_ASSERT_MESSAGE(name + " uses " + banned, upper.find(banned) == std::string::npos);
      }
      std::size_t at = 0;
      while ((at = upper.find("ENGINE=", at)) != std::string::npos) {
        CPPUNIT_ASSERT_MESSAGE(name + ": an engine other than InnoDB",
                               upper.compare(at, 13, "ENGINE=INNODB") == 0);
        ++at;
      }
    }
    CPPUNIT_ASSERT(files > 20);
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(GaleraRulesTest);

}  // namespace xueji::store
