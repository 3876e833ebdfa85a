// stack.cpp: environment of the test stack, SQL through the mariadb client, process lookups.
#include "tests/integration/support/stack.h"

#include <pwd.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace xueji::testing {
namespace {

std::string required_env(const char* name) {
  const char* v = std::getenv(name);
  if (!v || !*v) {
    throw std::runtime_error(std::string(name) + " is not set: run through ctest so the stack fixture starts");
  }
  return v;
}

std::string shell_quote(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') out += "'\\''"; else out += c;
  }
  return out + "'";
}

}  // namespace

std::string base_url() { return required_env("XUEJI_TEST_BASE_URL"); }
std::string var_dir() { return required_env("XUEJI_VAR_DIR"); }
std::string captcha_answer() { return required_env("XUEJI_CAPTCHA_FIXED"); }

std::string source_dir() {
  return XUEJI_TEST_SOURCE_DIR;
}

std::string run(const std::string& command) {
  std::string full = command + " 2>&1";
  FILE* pipe = popen(full.c_str(), "r");
  if (!pipe) throw std::runtime_error("popen failed: " + command);
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
  int status = pclose(pipe);
  if (status != 0) throw std::runtime_error("command failed: " + command + "\n" + out);
  return out;
}

std::string sql(const std::string& statement) {
  // A cluster's database is not the stack's own: the cluster tests name a node's socket.
  const char* socket = std::getenv("XUEJI_TEST_DB_SOCKET");
  std::string path = socket && *socket ? socket : var_dir() + "/run/mysqld.sock";
  return run("mariadb --no-defaults -N -B --socket=" + shell_quote(path) +
             " -uroot xueji -e " + shell_quote(statement));
}

std::vector<int> worker_children(const std::string& worker) {
  std::ifstream pid_file(var_dir() + "/pids/" + worker + ".pid");
  int master = 0;
  if (!(pid_file >> master)) throw std::runtime_error("no pid file for worker " + worker);
  std::istringstream out(run("pgrep -P " + std::to_string(master) + " || true"));
  std::vector<int> pids;
  for (int pid; out >> pid;) pids.push_back(pid);
  return pids;
}

std::string trimmed(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) {
    text.pop_back();
  }
  return text;
}

std::string scalar(const std::string& statement) { return trimmed(sql(statement)); }

std::string unix_user() {
  const passwd* pw = getpwuid(geteuid());
  return pw ? pw->pw_name : "";
}

}  // namespace xueji::testing
