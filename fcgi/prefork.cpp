// prefork.cpp: fork, reap, respawn, back off when children keep dying, stop gracefully.
#include "fcgi/prefork.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <deque>
#include <map>
#include <thread>

namespace xueji {
namespace {

using SteadyClock = std::chrono::steady_clock;

volatile sig_atomic_t g_child_stop = 0;

void on_child_sigterm(int) { g_child_stop = 1; }

// A child that dies within this long of its start counts towards the crash-loop guard.
constexpr auto kQuickDeath = std::chrono::seconds(2);
constexpr std::size_t kQuickDeathsBeforeBackoff = 5;
constexpr auto kMaxBackoff = std::chrono::seconds(30);

void prepare_child_signals() {
  struct sigaction sa {};
  sa.sa_handler = on_child_sigterm;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0;  // no SA_RESTART: a blocked accept() returns EINTR and the loop sees the flag
  sigaction(SIGTERM, &sa, nullptr);
  sigaction(SIGINT, &sa, nullptr);
  signal(SIGPIPE, SIG_IGN);
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, nullptr);
}

std::string describe_exit(int status) {
  if (WIFEXITED(status)) return "exit " + std::to_string(WEXITSTATUS(status));
  if (WIFSIGNALED(status)) return std::string("signal ") + strsignal(WTERMSIG(status));
  return "status " + std::to_string(status);
}

}  // namespace

bool child_stop_requested() { return g_child_stop != 0; }

void child_allow_stop(bool allowed) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigprocmask(allowed ? SIG_UNBLOCK : SIG_BLOCK, &set, nullptr);
}

int run_prefork(const PreforkOptions& options, const std::function<int()>& child_main) {
  const char* name = options.name.c_str();
  // The master handles its signals synchronously: nothing can interrupt it half-way.
  sigset_t watched;
  sigemptyset(&watched);
  sigaddset(&watched, SIGTERM);
  sigaddset(&watched, SIGINT);
  sigaddset(&watched, SIGCHLD);
  sigprocmask(SIG_BLOCK, &watched, nullptr);
  signal(SIGPIPE, SIG_IGN);

  std::map<pid_t, SteadyClock::time_point> children;
  std::deque<SteadyClock::time_point> quick_deaths;
  auto backoff = std::chrono::seconds(1);
  SteadyClock::time_point spawn_not_before{};

  auto spawn = [&]() -> bool {
    pid_t pid = fork();
    if (pid < 0) {
      std::fprintf(stderr, "%s master: fork failed: %s\n", name, std::strerror(errno));
      return false;
    }
    if (pid == 0) {
      prepare_child_signals();
      int code = 1;
      try {
        code = child_main();
      } catch (const std::exception& e) {
        std::fprintf(stderr, "%s child %d: %s\n", name, getpid(), e.what());
      }
      std::fflush(stderr);
      _exit(code);
    }
    children[pid] = SteadyClock::now();
    return true;
  };

  std::fprintf(stderr, "%s master %d: starting %d children\n", name, getpid(), options.children);
  for (;;) {
    auto now = SteadyClock::now();
    while (static_cast<int>(children.size()) < options.children && now >= spawn_not_before) {
      if (!spawn()) break;
    }

    timespec timeout{1, 0};
    siginfo_t info;
    int sig = sigtimedwait(&watched, &info, &timeout);
    if (sig == SIGTERM || sig == SIGINT) break;

    int status = 0;
    pid_t pid;
    while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
      auto it = children.find(pid);
      if (it == children.end()) continue;
      auto uptime = SteadyClock::now() - it->second;
      children.erase(it);
      bool clean = WIFEXITED(status) && WEXITSTATUS(status) == 0;
      std::fprintf(stderr, "%s master: child %d ended (%s) after %.1f s\n", name, pid,
                   describe_exit(status).c_str(),
                   std::chrono::duration<double>(uptime).count());
      if (clean || uptime >= kQuickDeath) continue;
      quick_deaths.push_back(SteadyClock::now());
      while (!quick_deaths.empty() && SteadyClock::now() - quick_deaths.front() > std::chrono::seconds(10)) {
        quick_deaths.pop_front();
      }
      if (quick_deaths.size() >= kQuickDeathsBeforeBackoff) {
        spawn_not_before = SteadyClock::now() + backoff;
        std::fprintf(stderr, "%s master: children keep dying; waiting %lld s before respawning\n",
                     name, static_cast<long long>(backoff.count()));
        backoff = std::min<std::chrono::seconds>(backoff * 2, kMaxBackoff);
      } else {
        backoff = std::chrono::seconds(1);
      }
    }
  }

  std::fprintf(stderr, "%s master: stopping %zu children\n", name, children.size());
  for (const auto& [pid, started] : children) kill(pid, SIGTERM);
  auto deadline = SteadyClock::now() + std::chrono::seconds(options.stop_timeout_seconds);
  while (!children.empty()) {
    int status = 0;
    pid_t pid = waitpid(-1, &status, WNOHANG);
    if (pid > 0) {
      children.erase(pid);
      continue;
    }
    if (pid < 0 && errno == ECHILD) break;
    if (SteadyClock::now() >= deadline) {
      // Children still blocked in accept() missed the signal's window; they hold no request.
      for (const auto& [child, started] : children) kill(child, SIGKILL);
      deadline = SteadyClock::now() + std::chrono::seconds(5);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  std::fprintf(stderr, "%s master: stopped\n", name);
  return 0;
}

}  // namespace xueji
