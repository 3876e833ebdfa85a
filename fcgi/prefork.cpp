// prefork.cpp: fork, reap, respawn, back off when children keep dying, stop gracefully, hand
// the listening socket over to a new program (SIGUSR2).
#include "fcgi/prefork.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
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

// Reads an upgrade's variable (a positive number) and removes it, so it is used once.
int take_number_variable(const char* name) {
  const char* text = std::getenv(name);
  int value = text ? std::atoi(text) : 0;
  unsetenv(name);
  return value > 0 ? value : 0;
}

// Writes the master's PID to path through a temporary file, so a reader never sees half of it.
void write_pid_file(const std::string& path, const char* name) {
  if (path.empty()) return;
  std::string tmp = path + ".tmp";
  std::FILE* f = std::fopen(tmp.c_str(), "w");
  bool ok = f && std::fprintf(f, "%d\n", getpid()) > 0;
  if (f && std::fclose(f) != 0) ok = false;
  if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::fprintf(stderr, "%s master: cannot write %s: %s\n", name, path.c_str(),
                 std::strerror(errno));
  }
}

// In the forked child of an upgrading master: the new program, with the listening socket left
// open across exec and the old master's PID beside it. Returns only when exec failed.
void exec_new_master(const PreforkOptions& options, pid_t old_master) {
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, nullptr);  // a blocked mask would survive exec
  int flags = fcntl(options.listen_fd, F_GETFD);
  if (flags < 0 || fcntl(options.listen_fd, F_SETFD, flags & ~FD_CLOEXEC) != 0) return;
  setenv(kListenFdVariable, std::to_string(options.listen_fd).c_str(), 1);
  setenv(kUpgradeFromVariable, std::to_string(old_master).c_str(), 1);
  std::vector<char*> argv;
  for (const std::string& a : options.arguments) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  execv(options.program_path.c_str(), argv.data());
}

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
  sigaddset(&watched, SIGQUIT);
  sigaddset(&watched, SIGCHLD);
  sigaddset(&watched, SIGUSR2);
  sigprocmask(SIG_BLOCK, &watched, nullptr);
  signal(SIGPIPE, SIG_IGN);
  const pid_t master = getpid();
  // Set when this master was started by an upgrading one: that one leaves once ours run.
  pid_t replaces = take_number_variable(kUpgradeFromVariable);
  if (replaces != 0 && replaces != getppid()) replaces = 0;
  pid_t new_master = 0;  // our child running the new program, during an upgrade

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
      // A child outlives a master killed hard only until its current request is done: the
      // socket then belongs to whoever restarts the route.
      prctl(PR_SET_PDEATHSIG, SIGTERM);
      if (getppid() != master) _exit(0);
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

  std::fprintf(stderr, "%s master %d: starting %d children%s\n", name, getpid(), options.children,
               replaces ? (" to replace master " + std::to_string(replaces)).c_str() : "");
  bool announced = false;
  for (;;) {
    auto now = SteadyClock::now();
    while (static_cast<int>(children.size()) < options.children && now >= spawn_not_before) {
      if (!spawn()) break;
    }
    if (!announced && static_cast<int>(children.size()) == options.children) {
      announced = true;
      write_pid_file(options.pid_file, name);
      if (replaces != 0 && getppid() == replaces) {
        std::fprintf(stderr, "%s master: children running; asking master %d to leave\n", name,
                     replaces);
        kill(replaces, SIGQUIT);
      }
    }

    timespec timeout{1, 0};
    siginfo_t info;
    int sig = sigtimedwait(&watched, &info, &timeout);
    if (sig == SIGTERM || sig == SIGINT) break;
    if (sig == SIGQUIT) {
      std::fprintf(stderr, "%s master: SIGQUIT%s\n", name,
                   new_master ? ": the new master runs; leaving" : "");
      break;
    }
    if (sig == SIGUSR2) {
      if (options.program_path.empty() || new_master != 0) {
        std::fprintf(stderr, "%s master: SIGUSR2 ignored (%s)\n", name,
                     new_master ? "an upgrade is already running" : "no program path");
      } else if ((new_master = fork()) == 0) {
        exec_new_master(options, master);
        std::fprintf(stderr, "%s master: cannot start %s: %s\n", name,
                     options.program_path.c_str(), std::strerror(errno));
        _exit(127);
      } else if (new_master < 0) {
        std::fprintf(stderr, "%s master: upgrade: fork failed: %s\n", name, std::strerror(errno));
        new_master = 0;
      } else {
        std::fprintf(stderr, "%s master: upgrade: started %s as master %d\n", name,
                     options.program_path.c_str(), new_master);
      }
    }

    int status = 0;
    pid_t pid;
    while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
      if (pid == new_master) {
        std::fprintf(stderr, "%s master: upgrade failed: the new master ended (%s); serving on\n",
                     name, describe_exit(status).c_str());
        new_master = 0;
        continue;
      }
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
