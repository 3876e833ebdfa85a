// school_roles_test.cpp: who configures which duty at a school (manual 二, issue 18).
#include "core/school_roles.h"

#include <cppunit/extensions/HelperMacros.h>

#include <string>
#include <vector>

namespace xueji {

class SchoolRolesTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(SchoolRolesTest);
  CPPUNIT_TEST(administrative_duties_are_the_offices);
  CPPUNIT_TEST(rights_come_from_the_duties_held);
  CPPUNIT_TEST(each_right_configures_its_own_duties);
  CPPUNIT_TEST_SUITE_END();

 public:
  void administrative_duties_are_the_offices() {
    for (const char* d : {"校長", "教務", "人事", "學務", "總務", "輔導", "學校權限AA"}) {
      CPPUNIT_ASSERT_MESSAGE(d, is_administrative_duty(d));
    }
    for (const char* d : {"導師", "任課教師", "例外人員", "", "教導"}) {
      CPPUNIT_ASSERT_MESSAGE(d, !is_administrative_duty(d));
    }
  }

  void rights_come_from_the_duties_held() {
    CPPUNIT_ASSERT(!rights_from_duties({"導師", "任課教師"}).any());
    SchoolRights all = rights_from_duties({"學校權限AA", "人事", "教務", "校長"});
    CPPUNIT_ASSERT(all.aa && all.personnel && all.academic && all.principal);
    CPPUNIT_ASSERT(rights_from_duties({"人事"}).personnel);
    CPPUNIT_ASSERT(!rights_from_duties({"人事"}).aa);
  }

  void each_right_configures_its_own_duties() {
    SchoolRights aa = rights_from_duties({"學校權限AA"});
    CPPUNIT_ASSERT(may_configure_duty(aa, "教務"));
    CPPUNIT_ASSERT(!may_configure_duty(aa, "導師"));
    SchoolRights personnel = rights_from_duties({"人事"});
    CPPUNIT_ASSERT(may_configure_duty(personnel, "導師"));
    CPPUNIT_ASSERT(!may_configure_duty(personnel, "教務"));
    CPPUNIT_ASSERT(!may_configure_duty(personnel, "任課教師"));
    CPPUNIT_ASSERT(may_configure_duty(rights_from_duties({"教務"}), "任課教師"));
    CPPUNIT_ASSERT(may_configure_duty(rights_from_duties({"校長"}), "例外人員"));
    CPPUNIT_ASSERT(!may_configure_duty(rights_from_duties({"校長"}), "教務"));
    CPPUNIT_ASSERT(may_configure_duty(rights_from_duties({"校長"}), "校長代理人"));
    SchoolRights agent = rights_from_duties({"校長代理人"});
    CPPUNIT_ASSERT(agent.any());
    CPPUNIT_ASSERT(may_configure_duty(agent, "例外人員"));
    CPPUNIT_ASSERT(!may_configure_duty(agent, "校長代理人"));
    CPPUNIT_ASSERT(!is_administrative_duty("校長代理人"));
    CPPUNIT_ASSERT(!may_configure_duty(aa, "不存在的職務"));
    CPPUNIT_ASSERT(std::vector<std::string>{"導師"} == configurable_duties(personnel));
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(SchoolRolesTest);

}  // namespace xueji
