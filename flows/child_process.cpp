// child_process.cpp: posix_spawn with pipes on fd 0 and 1, a poll loop feeding one and draining
// the other (either may fill first), and a deadline after which the child is killed.
#include "flows/child_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <thread>

namespace xueji {
namespace {

using Clock = std::chrono::steady_clock;

// A file descriptor closed on every path.
class Fd {
 public:
  Fd() = default;
  ~Fd() { reset(); }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  void reset(int fd = -1) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = fd;
  }

 private:
  int fd_ = -1;
};

struct Pipe {
  Fd read;
  Fd write;
};

void make_pipe(Pipe& p) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) throw ChildFailed("pipe2 failed");
  p.read.reset(fds[0]);
  p.write.reset(fds[1]);
}

void set_nonblocking(int fd) { ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK); }

// posix_spawn's two C objects, destroyed on every path.
class SpawnSetup {
 public:
  SpawnSetup() {
    posix_spawn_file_actions_init(&actions_);
    posix_spawnattr_init(&attr_);
  }
  ~SpawnSetup() {
    posix_spawn_file_actions_destroy(&actions_);
    posix_spawnattr_destroy(&attr_);
  }
  SpawnSetup(const SpawnSetup&) = delete;
  SpawnSetup& operator=(const SpawnSetup&) = delete;
  posix_spawn_file_actions_t* actions() { return &actions_; }
  posix_spawnattr_t* attr() { return &attr_; }

 private:
  posix_spawn_file_actions_t actions_;
  posix_spawnattr_t attr_;
};

// The child once started: killed and reaped unless it was reaped already.
class Child {
 public:
  explicit Child(pid_t pid) : pid_(pid) {}
  ~Child() {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      int status;
      while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
      }
    }
  }
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;
  // Its exit status once it has exited, or -1 when it has not by `deadline`.
  int wait_until(Clock::time_point deadline) {
    for (;;) {
      int status = 0;
      pid_t r = ::waitpid(pid_, &status, WNOHANG);
      if (r == pid_) {
        pid_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      }
      if (r < 0 && errno != EINTR) {
        pid_ = -1;
        return 255;
      }
      if (Clock::now() >= deadline) return -1;
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
  }

 private:
  pid_t pid_;
};

}  // namespace

std::string run_child(const std::vector<std::string>& argv, std::string_view input,
                      const ChildLimits& limits) {
  if (argv.empty() || argv[0].empty() || argv[0][0] != '/') {
    throw std::invalid_argument("run_child needs an absolute program path");
  }
  const std::string& program = argv[0];
  const Clock::time_point deadline = Clock::now() + limits.time;

  Pipe in, out;
  make_pipe(in);
  make_pipe(out);

  SpawnSetup setup;
  // dup2 clears close-on-exec on 0 and 1; everything from 3 up is closed in the child (the
  // FastCGI socket, the database connection).
  posix_spawn_file_actions_adddup2(setup.actions(), in.read.get(), 0);
  posix_spawn_file_actions_adddup2(setup.actions(), out.write.get(), 1);
  posix_spawn_file_actions_addopen(setup.actions(), 2, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addclosefrom_np(setup.actions(), 3);
  // The worker ignores SIGPIPE and may block SIGTERM; the helper starts with the defaults.
  sigset_t defaults, none;
  sigemptyset(&defaults);
  for (int sig : {SIGPIPE, SIGTERM, SIGINT, SIGCHLD}) sigaddset(&defaults, sig);
  sigemptyset(&none);
  posix_spawnattr_setsigdefault(setup.attr(), &defaults);
  posix_spawnattr_setsigmask(setup.attr(), &none);
  posix_spawnattr_setflags(setup.attr(), POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);

  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  char path_env[] = "PATH=/usr/bin:/bin";
  char locale_env[] = "LC_ALL=C.UTF-8";
  char* env[] = {path_env, locale_env, nullptr};

  pid_t pid = -1;
  int rc = posix_spawn(&pid, program.c_str(), setup.actions(), setup.attr(), args.data(), env);
  if (rc != 0) throw ChildFailed(program + ": cannot start: " + std::strerror(rc));
  Child child(pid);
  in.read.reset();
  out.write.reset();
  set_nonblocking(in.write.get());
  set_nonblocking(out.read.get());
  if (input.empty()) in.write.reset();

  std::string output;
  std::size_t written = 0;
  char buffer[16384];
  while (out.read.get() >= 0) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) throw ChildFailed(program + ": took too long, killed");
    pollfd fds[2];
    nfds_t n = 0;
    fds[n++] = {out.read.get(), POLLIN, 0};
    if (in.write.get() >= 0) fds[n++] = {in.write.get(), POLLOUT, 0};
    int ready = ::poll(fds, n, static_cast<int>(left.count()));
    if (ready < 0) {
      if (errno == EINTR) continue;
      throw ChildFailed(program + ": poll failed");
    }
    if (n == 2 && (fds[1].revents & (POLLOUT | POLLERR | POLLHUP))) {
      ssize_t w = ::write(in.write.get(), input.data() + written, input.size() - written);
      if (w > 0) written += static_cast<std::size_t>(w);
      // EPIPE: the program stopped reading; what it wrote so far decides.
      if ((w < 0 && errno != EAGAIN && errno != EINTR) || written == input.size()) {
        in.write.reset();
      }
    }
    if (fds[0].revents & (POLLIN | POLLERR | POLLHUP)) {
      ssize_t r = ::read(out.read.get(), buffer, sizeof buffer);
      if (r > 0) {
        output.append(buffer, static_cast<std::size_t>(r));
        if (output.size() > limits.max_output) {
          throw ChildFailed(program + ": output over its bound, killed");
        }
      } else if (r == 0 || (errno != EAGAIN && errno != EINTR)) {
        out.read.reset();
      }
    }
  }
  in.write.reset();
  int status = child.wait_until(deadline);
  if (status < 0) throw ChildFailed(program + ": did not exit in time, killed");
  if (status != 0) {
    throw ChildFailed(program + ": exit status " + std::to_string(status));
  }
  return output;
}

}  // namespace xueji
