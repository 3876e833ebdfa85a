// prefork.h: the master process of a worker binary: forks N children on one listening socket,
// respawns them (with a crash-loop guard), on SIGTERM or SIGQUIT lets them finish their request,
// and on SIGUSR2 replaces itself with the program now at its path without closing the socket.
#pragma once
#include <functional>
#include <string>
#include <vector>

namespace xueji {

struct PreforkOptions {
  std::string name;       // for log lines: "xueji-login"
  int children = 2;
  int stop_timeout_seconds = 20;
  // For SIGUSR2: the listening socket handed to the new program, the program's path and its
  // arguments (argv[0] first). An empty path turns the upgrade off.
  int listen_fd = 0;
  std::string program_path;
  std::vector<std::string> arguments;
  // Written (atomically) with the master's PID once its children run; "" for none.
  std::string pid_file;
};

// The environment variables of an upgrade: the inherited socket's fd number, and the PID of the
// master being replaced, which the new master tells to leave (SIGQUIT) once its children run.
inline constexpr const char* kListenFdVariable = "XUEJI_LISTEN_FD";
inline constexpr const char* kUpgradeFromVariable = "XUEJI_UPGRADE_FROM";

// child_main runs in each child and returns its exit code. Returns the master's exit code.
int run_prefork(const PreforkOptions& options, const std::function<int()>& child_main);

// Set in a child when the master asked it to stop; checked between requests.
bool child_stop_requested();
// A child blocks SIGTERM while it handles a request and unblocks it while it waits for one.
void child_allow_stop(bool allowed);

}  // namespace xueji
