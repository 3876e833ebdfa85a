// prefork.h: the master process of a worker binary: forks N children on one listening socket,
// respawns them (with a crash-loop guard), and on SIGTERM lets them finish their request.
#pragma once
#include <functional>
#include <string>

namespace xueji {

struct PreforkOptions {
  std::string name;       // for log lines: "xueji-login"
  int children = 2;
  int stop_timeout_seconds = 20;
};

// child_main runs in each child and returns its exit code. Returns the master's exit code.
int run_prefork(const PreforkOptions& options, const std::function<int()>& child_main);

// Set in a child when the master asked it to stop; checked between requests.
bool child_stop_requested();
// A child blocks SIGTERM while it handles a request and unblocks it while it waits for one.
void child_allow_stop(bool allowed);

}  // namespace xueji
