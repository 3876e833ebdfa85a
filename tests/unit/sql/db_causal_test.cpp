// db_causal_test.cpp: the text a causal read (XUEJI_DB_CAUSAL_READS) runs, without a server.
#include "sql/db.h"

#include <cppunit/extensions/HelperMacros.h>

#include <string>

namespace xueji::store {

class DbCausalTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(DbCausalTest);
  CPPUNIT_TEST(plain_reads_without_the_setting);
  CPPUNIT_TEST(causal_reads_wait_for_the_cluster_in_one_statement);
  CPPUNIT_TEST_SUITE_END();

 public:
  void plain_reads_without_the_setting() {
    Config config;
    config.db_socket = "/nonexistent/mysqld.sock";
    Db db(config);
    const std::string select = "SELECT 1 FROM sessions WHERE id_hash = UNHEX(?)";
    // The very string: the statement cache keys on it, and nothing is copied per request.
    CPPUNIT_ASSERT(&db.causal(select) == &select);
  }

  void causal_reads_wait_for_the_cluster_in_one_statement() {
    Config config;
    config.db_hosts = {{"127.0.0.11", 3306}, {"127.0.0.12", 3306}};
    config.db_causal_reads = true;
    Db db(config);
    const std::string select = "SELECT 1 FROM sessions WHERE id_hash = UNHEX(?)";
    CPPUNIT_ASSERT_EQUAL("SET STATEMENT wsrep_sync_wait = 1 FOR " + select, db.causal(select));
    // Made once: the same text (and so the same prepared statement) every later request.
    CPPUNIT_ASSERT(&db.causal(select) == &db.causal(select));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(DbCausalTest);

}  // namespace xueji::store
