// cluster_test.cpp: xueji on scripts/cluster (three Galera nodes, two app nodes, HAProxy) —
// every step of a visitor on the other app node, whole journeys while a database node or an app
// node dies, and two mailers on two nodes sharing one outbox.
//
// Run by `scripts/cluster test` (or ctest -L cluster), which starts a fresh cluster in test mode
// and gives: XUEJI_TEST_BASE_URL (HAProxy), XUEJI_CLUSTER_DIR, XUEJI_CLUSTER_APP_PORT,
// XUEJI_VAR_DIR (app1's, for xueji-ctl and the secret), XUEJI_TEST_MAIL_DIRS (both sinks) and
// XUEJI_TEST_DB_SOCKET (the node the test's own SQL goes to).
#include <cppunit/extensions/HelperMacros.h>

#include <curl/curl.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <map>
#include <mutex>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

#include "core/crypto.h"
#include "core/national_id.h"
#include "core/personal_data.h"
#include "tests/integration/support/http_client.h"
#include "tests/integration/support/login_support.h"
#include "tests/integration/support/maildir.h"
#include "tests/integration/support/stack.h"
#include "tests/cluster/cluster_support.h"

using namespace xueji::testing;

namespace {

std::string status_value(int node, const std::string& name) {
  return trimmed(run("mariadb --no-defaults -N -B --socket=" + db_socket(node) +
                     " -uroot -e \"SHOW STATUS LIKE '" + name + "'\" | cut -f2"));
}

// Whole journeys through HAProxy on `threads` threads while `during` runs (a node dies).
struct LoadResult {
  int completed = 0, failed = 0, lost = 0;
  std::vector<std::string> failures;
};

template <class F>
LoadResult journeys_while(int threads, int per_thread, F&& during) {
  std::vector<std::vector<Applicant>> work(threads);
  for (auto& list : work) {
    for (int i = 0; i < per_thread; ++i) list.push_back(new_applicant());
  }
  std::mutex lock;
  LoadResult result;
  std::vector<Applicant> completed;
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      for (const Applicant& a : work[t]) {
        std::string why;
        bool ok = false;
        try {
          Visitor v;
          ok = apply(v, a, why, /*patience=*/20);
        } catch (const std::exception& e) {
          why = e.what();
        }
        std::lock_guard<std::mutex> guard(lock);
        if (ok) {
          completed.push_back(a);
        } else {
          result.failures.push_back(why);
        }
      }
    });
  }
  during();
  for (auto& th : pool) th.join();
  result.completed = static_cast<int>(completed.size());
  result.failed = static_cast<int>(result.failures.size());
  for (const Applicant& a : completed) {
    if (accounts_named(a.account) != 1) ++result.lost;
  }
  return result;
}

std::string describe(const LoadResult& r) {
  std::string text = "completed " + std::to_string(r.completed) + ", failed " +
                     std::to_string(r.failed) + ", lost " + std::to_string(r.lost);
  for (const std::string& why : r.failures) text += "; " + why;
  return text;
}

}  // namespace

class ClusterTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(ClusterTest);
  CPPUNIT_TEST(wizard_with_every_step_on_the_other_node);
  CPPUNIT_TEST(login_with_totp_on_alternating_nodes);
  CPPUNIT_TEST(forgot_password_on_alternating_nodes);
  CPPUNIT_TEST(login_counters_count_on_every_node);
  CPPUNIT_TEST(two_mailers_deliver_500_mails_exactly_once);
  CPPUNIT_TEST(killed_database_node_loses_no_journey_and_rejoins_by_ist);
  CPPUNIT_TEST(killed_app_node_is_routed_around_mid_wizard);
  CPPUNIT_TEST_SUITE_END();

 public:
  void setUp() override {
    curl_global_init(CURL_GLOBAL_DEFAULT);
    use_db_node(1);
  }

  void wizard_with_every_step_on_the_other_node() {
    Applicant a = new_applicant();
    Visitor v;
    v.alternate = true;
    std::string why;
    bool applied = apply(v, a, why);
    CPPUNIT_ASSERT_MESSAGE(why, applied);
    CPPUNIT_ASSERT_MESSAGE("requests " + std::to_string(v.steps), v.steps >= 12);
    CPPUNIT_ASSERT_EQUAL(1, accounts_named(a.account));
    // Each mail once, whichever node's mailer took it.
    CPPUNIT_ASSERT_EQUAL(std::size_t(1), delivered(a.address, kCodeSubject).size());
    CPPUNIT_ASSERT_EQUAL(std::size_t(1), delivered(a.address, kSuccessSubject).size());
  }

  void login_with_totp_on_alternating_nodes() {
    Ready r = ready_account();
    Visitor v;
    v.alternate = true;
    HttpResponse first = v.submit("/login", "login",
                                  {{"account", r.account}, {"password", kStrongPassword}});
    CPPUNIT_ASSERT_EQUAL_MESSAGE(first.body, std::string("/2fa"), location(first));
    // The code of the next step: binding used the current one, and a code counts once.
    HttpResponse otp = v.submit("/2fa", "", {{"otp", totp_now(r.key, 30)}});
    CPPUNIT_ASSERT_EQUAL_MESSAGE(otp.body, std::string("/home"), location(otp));
    HttpResponse home = v.get("/home");
    CPPUNIT_ASSERT_EQUAL(200L, home.status);
    CPPUNIT_ASSERT(contains(home.body, "登出"));
    // The next request, on the other node, is still logged in; 登出 there ends it everywhere.
    CPPUNIT_ASSERT_EQUAL(200L, v.get("/home").status);
    HttpResponse page = v.get("/home");
    CPPUNIT_ASSERT_EQUAL(303L, v.post("/logout", {{"csrf", csrf_of(page.body)}}).status);
    CPPUNIT_ASSERT_EQUAL(303L, v.get("/home").status);
    CPPUNIT_ASSERT_EQUAL(303L, v.get("/home").status);
  }

  void forgot_password_on_alternating_nodes() {
    Ready r = ready_account();
    sql("UPDATE accounts SET email_verified_at = UTC_TIMESTAMP(6) WHERE login_key = LOWER('" +
        r.account + "')");
    Visitor v;
    v.alternate = true;
    HttpResponse asked = v.submit("/forgot/password", "forgot_password",
                                  {{"account", ""},
                                   {"national_id", r.staff.national_id},
                                   {"birth_date", "1980-05-17"}});
    CPPUNIT_ASSERT_EQUAL_MESSAGE(asked.body, std::string("/forgot/password/reset"), location(asked));
    std::vector<Mail> mails = delivered(r.staff.email, kResetSubject);
    CPPUNIT_ASSERT_EQUAL(std::size_t(1), mails.size());
    std::smatch m;
    CPPUNIT_ASSERT(std::regex_search(mails[0].body, m, std::regex("[A-HJ-NP-Z]{2}-([0-9]{6})")));
    HttpResponse reset = v.submit("/forgot/password/reset", "",
                                  {{"code", m[1]},
                                   {"new_password", kStrongPassword2},
                                   {"new_password_confirm", kStrongPassword2}});
    CPPUNIT_ASSERT_EQUAL_MESSAGE(reset.body, std::string("/login?notice=password_reset"),
                                 location(reset));
    Visitor after;
    after.alternate = true;
    HttpResponse login = after.submit("/login", "login",
                                      {{"account", r.account}, {"password", kStrongPassword2}});
    CPPUNIT_ASSERT_EQUAL_MESSAGE(login.body, std::string("/2fa"), location(login));
  }

  // Logins on both nodes at once count in per-node rows, and the page shows their sum.
  void login_counters_count_on_every_node() {
    Ready r = ready_account();
    std::string before = causal("SELECT COALESCE(SUM(count), 0) FROM login_counts");
    for (int node = 1; node <= 2; ++node) {
      Visitor v;
      v.b.connect_to(app_address(node));
      HttpResponse first = v.submit("/login", "login",
                                    {{"account", r.account}, {"password", kStrongPassword}});
      CPPUNIT_ASSERT_EQUAL(std::string("/2fa"), location(first));
      // A TOTP code counts once: each login may use the next step's code again.
      sql("UPDATE accounts SET totp_last_step = NULL WHERE login_key = LOWER('" + r.account + "')");
      CPPUNIT_ASSERT_EQUAL(std::string("/home"),
                           location(v.submit("/2fa", "", {{"otp", totp_now(r.key, 30)}})));
      // The login is complete, and counted, when the session first reaches /home.
      CPPUNIT_ASSERT_EQUAL(200L, v.get("/home").status);
    }
    std::string after = causal("SELECT COALESCE(SUM(count), 0) FROM login_counts");
    CPPUNIT_ASSERT_EQUAL(std::stoll(before) + 2, std::stoll(after));
    std::string nodes = causal("SELECT COUNT(DISTINCT node) FROM login_counts WHERE count > 0 "
                               "AND node LIKE 'db%'");
    CPPUNIT_ASSERT_MESSAGE("nodes " + nodes, std::stoi(nodes) >= 2);
  }

  void two_mailers_deliver_500_mails_exactly_once() {
    std::string run_id = digits(6);
    std::ostringstream insert;
    insert << "INSERT INTO outbox (recipient, subject, body, state, attempts, next_attempt_at, "
              "created_at) VALUES ";
    for (int i = 0; i < 500; ++i) {
      insert << (i ? ", " : "") << "('m" << run_id << "-" << i
             << "@example.com', 'cluster test', 'one of 500', 'pending', 0, "
                "UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))";
    }
    sql(insert.str());
    std::map<std::string, int> seen;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    for (;;) {
      seen.clear();
      for (const Mail& m : all_delivered()) {
        if (contains(m.to, "m" + run_id + "-")) ++seen[m.to];
      }
      if (seen.size() >= 500 || std::chrono::steady_clock::now() > deadline) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(500));
    }
    // A little longer: a duplicate would come after the first copy.
    std::this_thread::sleep_for(std::chrono::seconds(3));
    seen.clear();
    for (const Mail& m : all_delivered()) {
      if (contains(m.to, "m" + run_id + "-")) ++seen[m.to];
    }
    int twice = 0;
    for (const auto& [to, n] : seen) twice += n > 1;
    CPPUNIT_ASSERT_EQUAL(std::size_t(500), seen.size());
    CPPUNIT_ASSERT_EQUAL(0, twice);
    CPPUNIT_ASSERT_EQUAL(std::string("500"),
                         causal("SELECT COUNT(*) FROM outbox WHERE recipient LIKE 'm" + run_id +
                                "-%' AND state = 'sent'"));
    // Both mailers took part (each sink got some), so the test did test two mailers.
    std::vector<std::string> dirs = mail_dirs();
    CPPUNIT_ASSERT_EQUAL(std::size_t(2), dirs.size());
    std::string all = std::getenv("XUEJI_TEST_MAIL_DIRS");
    for (const std::string& dir : dirs) {
      setenv("XUEJI_TEST_MAIL_DIRS", dir.c_str(), 1);
      int n = 0;
      for (const Mail& m : all_delivered()) n += contains(m.to, "m" + run_id + "-");
      std::cerr << "\n  " << dir << ": " << n << " of the 500";
      CPPUNIT_ASSERT_MESSAGE(dir, n > 0);
    }
    setenv("XUEJI_TEST_MAIL_DIRS", all.c_str(), 1);
    std::cerr << "\n";
  }

  void killed_database_node_loses_no_journey_and_rejoins_by_ist() {
    use_db_node(3);
    LoadResult result = journeys_while(4, 6, [] {
      std::this_thread::sleep_for(std::chrono::seconds(4));
      cluster("kill db1");
    });
    std::cerr << "\n  db1 killed under load: " << describe(result) << "\n";
    CPPUNIT_ASSERT_EQUAL_MESSAGE(describe(result), 0, result.lost);
    CPPUNIT_ASSERT_MESSAGE(describe(result), result.completed >= 20);
    // db1 comes back with what it missed from a donor's gcache (IST), not a whole copy.
    std::string log = cluster_dir() + "/log/db1.log";
    int lines_before = std::stoi(trimmed(run("wc -l < " + log)));
    cluster("start db1");
    CPPUNIT_ASSERT_EQUAL(std::string("Synced"), status_value(1, "wsrep_local_state_comment"));
    CPPUNIT_ASSERT_EQUAL(std::string("3"), status_value(1, "wsrep_cluster_size"));
    std::string rejoin = run("tail -n +" + std::to_string(lines_before + 1) + " " + log);
    // It asked for the writes after the position it recovered (an unknown position, all zeros,
    // would have meant a whole copy), and received them.
    CPPUNIT_ASSERT_MESSAGE(rejoin, contains(rejoin, "IST received"));
    CPPUNIT_ASSERT_MESSAGE(rejoin, !contains(rejoin, "IST uuid:00000000-0000-0000-0000-000000000000"));
    use_db_node(1);
  }

  void killed_app_node_is_routed_around_mid_wizard() {
    Applicant a = new_applicant();
    Visitor v;  // through HAProxy
    std::string why;
    HttpResponse r = v.submit("/apply/identity", "apply_identity",
                              {{"national_id", a.national_id}, {"birth_date", a.birth_date}});
    CPPUNIT_ASSERT(redirects_to(r, "/apply/email"));
    r = v.submit("/apply/email", "apply_email", {{"email", a.address}});
    CPPUNIT_ASSERT(redirects_to(r, "/apply/verify"));
    cluster("kill app1");
    // Under load of whole journeys too: all through HAProxy, none lost.
    LoadResult result = journeys_while(2, 3, [] {});
    std::cerr << "\n  app1 killed: " << describe(result) << "\n";
    CPPUNIT_ASSERT_EQUAL_MESSAGE(describe(result), 6, result.completed);
    std::string code = newest_code(a.address);
    r = v.submit("/apply/verify", "", {{"code", code.substr(3)}});
    CPPUNIT_ASSERT_MESSAGE(std::to_string(r.status), redirects_to(r, "/apply/account"));
    r = v.submit("/apply/account", "apply_account",
                 {{"account", a.account}, {"password", kApplyPassword},
                  {"password_confirm", kApplyPassword}, {"phone", "0912-345-678"}});
    CPPUNIT_ASSERT_MESSAGE(std::to_string(r.status), redirects_to(r, "/apply/done"));
    CPPUNIT_ASSERT_EQUAL(1, accounts_named(a.account));
    cluster("start app1");
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(ClusterTest);
