// cli_runner.h: for the CLI and mail integration tests (header-only, so the test build needs no
// new source): run xueji-ctl with the stack's settings (VAR/env) and collect its exit code and
// output; start and stop the stack's processes with scripts/lib/procs.sh, so `scripts/stack down`
// still stops whatever a test started in their place.
#pragma once
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "tests/integration/support/stack.h"

namespace xueji::testing {

struct CliResult {
  int status = -1;  // exit code, or -1 when killed by a signal
  std::string out;
  std::string err;
  double seconds = 0;
};

inline std::string quote_arg(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'')
      out += "'\\''";
    else
      out += c;
  }
  return out + "'";
}

inline std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// A shell prefix that loads the stack's settings (VAR/env, written by scripts/stack up).
inline std::string with_stack_env() {
  return "set -a; . " + quote_arg(var_dir() + "/env") + "; set +a; ";
}

// Runs `command` under bash; stdout and stderr are kept apart.
inline CliResult run_shell(const std::string& command) {
  char out_path[] = "/tmp/xueji-cli-out-XXXXXX";
  char err_path[] = "/tmp/xueji-cli-err-XXXXXX";
  int out_fd = mkstemp(out_path);
  int err_fd = mkstemp(err_path);
  if (out_fd < 0 || err_fd < 0) throw std::runtime_error("mkstemp failed");
  close(out_fd);
  close(err_fd);
  std::string full =
      "bash -c " + quote_arg(command) + " >" + out_path + " 2>" + err_path + " </dev/null";
  auto started = std::chrono::steady_clock::now();
  int raw = std::system(full.c_str());
  CliResult result;
  result.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  result.status = (raw != -1 && WIFEXITED(raw)) ? WEXITSTATUS(raw) : -1;
  result.out = slurp(out_path);
  result.err = slurp(err_path);
  unlink(out_path);
  unlink(err_path);
  return result;
}

// xueji-ctl ARGS… against the test stack's database.
inline CliResult run_ctl(const std::vector<std::string>& args) {
  std::string command = with_stack_env() + "exec \"$XUEJI_BUILD_DIR/xueji-ctl\"";
  for (const std::string& arg : args) command += " " + quote_arg(arg);
  return run_shell(command);
}

// Runs a bash snippet with the stack's process helpers (proc_start, proc_stop, …) loaded.
inline void stack_procs(const std::string& snippet) {
  std::string src = source_dir();
  std::string command =
      "set -euo pipefail; xueji_script=test; export XUEJI_VAR_DIR=" + quote_arg(var_dir()) +
      "; source " + quote_arg(src + "/scripts/lib/common.sh") + "; source " +
      quote_arg(src + "/scripts/lib/procs.sh") + "; " + snippet;
  CliResult r = run_shell(command);
  if (r.status != 0) {
    throw std::runtime_error("stack helper failed: " + snippet + "\n" + r.out + r.err);
  }
}

// Polls until fn() is true or `limit` passes: for processes and deliveries, not business time.
template <class F>
bool eventually(F fn, std::chrono::milliseconds limit,
                std::chrono::milliseconds step = std::chrono::milliseconds(100)) {
  auto deadline = std::chrono::steady_clock::now() + limit;
  for (;;) {
    if (fn()) return true;
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(step);
  }
}

inline bool contains_text(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace xueji::testing
