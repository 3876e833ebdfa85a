// stack.h: what integration tests know about the running stack (started by the ctest fixture).
#pragma once
#include <string>
#include <vector>

namespace xueji::testing {

std::string base_url();     // XUEJI_TEST_BASE_URL; throws when unset: the fixture must run
std::string var_dir();      // XUEJI_VAR_DIR
std::string source_dir();   // the checkout (for scripts/stack)
// Runs SQL against the stack's database with the mariadb client; returns its tab-separated output.
// (XUEJI_TEST_DB_SOCKET, when set, names another server's socket: a node of scripts/cluster.)
std::string sql(const std::string& statement);
// Runs a shell command; throws with its output when it fails.
std::string run(const std::string& command);
// PIDs of the children of a worker's master (from VAR/pids/WORKER.pid).
std::vector<int> worker_children(const std::string& worker);
std::string captcha_answer();  // XUEJI_CAPTCHA_FIXED of the test stack
// The text without its trailing line ends and spaces (client output, one SQL value).
std::string trimmed(std::string text);
// The one value a query selects.
std::string scalar(const std::string& statement);
// The name of the user running the tests (xueji-ctl audits it as the actor).
std::string unix_user();

}  // namespace xueji::testing
