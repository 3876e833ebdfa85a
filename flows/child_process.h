// child_process.h: runs a helper program (the audio captcha's espeak-ng and sox) as a child
// process — no shell, arguments passed as they are, a bounded time and a bounded output.
#pragma once
#include <chrono>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace xueji {

// A helper program that could not be started, overran a limit or failed; what() names the
// program and what went wrong, never what it was given.
class ChildFailed : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ChildLimits {
  std::chrono::milliseconds time{3000};  // then the child is killed (SIGKILL)
  std::size_t max_output = 4 << 20;      // bytes of stdout; more kills it too
};

// Runs argv[0] (an absolute path, not looked up in PATH) with argv, `input` written to its
// standard input, its standard output returned, its standard error discarded, no descriptor of
// ours but those three, the default signal dispositions and a minimal environment. Throws
// ChildFailed when it cannot be started, is killed at a limit, or does not exit with status 0.
// The caller ignores SIGPIPE (every worker child does, fcgi/prefork.cpp), so a program that stops
// reading early costs an EPIPE, not the process.
std::string run_child(const std::vector<std::string>& argv, std::string_view input,
                      const ChildLimits& limits = {});

}  // namespace xueji
