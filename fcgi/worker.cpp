// worker.cpp: run_worker(): options, configuration, templates and socket in the master; the
// FastCGI accept loop in each child, with its own database connection and random generator.
#include <fcgiapp.h>
#include <fcntl.h>
#include <malloc.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>

#include "core/argon2_work_area.h"
#include "core/hash_slots.h"
#include "fcgi/audit.h"
#include "fcgi/dispatch.h"
#include "fcgi/handler.h"
#include "fcgi/prefork.h"

namespace xueji {
namespace {

constexpr int kListenBacklog = 1024;

struct WorkerOptions {
  std::optional<std::string> listen_path;
  std::string pid_file;
  int children = 2;
  int max_requests = 10000;
};

int parse_count(const char* text, const char* what, int low, int high) {
  char* end = nullptr;
  long v = std::strtol(text, &end, 10);
  if (end == text || *end != '\0' || v < low || v > high) {
    throw ConfigError(std::string(what) + ": expected a number from " + std::to_string(low) +
                      " to " + std::to_string(high));
  }
  return static_cast<int>(v);
}

WorkerOptions parse_options(int argc, char** argv) {
  WorkerOptions o;
  if (const char* v = std::getenv("XUEJI_WORKERS"); v && *v) {
    o.children = parse_count(v, "XUEJI_WORKERS", 1, 256);
  }
  if (const char* v = std::getenv("XUEJI_MAX_REQUESTS"); v && *v) {
    o.max_requests = parse_count(v, "XUEJI_MAX_REQUESTS", 1, 100000000);
  }
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&]() -> const char* {
      if (i + 1 >= argc) throw ConfigError(arg + ": missing value");
      return argv[++i];
    };
    if (arg == "--listen") {
      o.listen_path = value();
    } else if (arg == "--pid-file") {
      o.pid_file = value();
    } else if (arg == "--children") {
      o.children = parse_count(value(), "--children", 1, 256);
    } else if (arg == "--max-requests") {
      o.max_requests = parse_count(value(), "--max-requests", 1, 100000000);
    } else {
      throw ConfigError("unknown option " + arg +
                        " (usage: [--listen PATH] [--children N] [--max-requests M] [--pid-file PATH])");
    }
  }
  return o;
}

// Without systemd (development, CI) the master makes its own socket. nginx's workers run as
// another user there, hence the open mode; the directory holding it is private to the stack.
int listen_on(const std::string& path) {
  sockaddr_un addr{};
  if (path.size() >= sizeof addr.sun_path) throw ConfigError("--listen: path too long");
  int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) throw std::runtime_error(std::string("socket: ") + std::strerror(errno));
  addr.sun_family = AF_UNIX;
  std::memcpy(addr.sun_path, path.c_str(), path.size() + 1);
  unlink(path.c_str());
  if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      chmod(path.c_str(), 0666) != 0 || listen(fd, kListenBacklog) != 0) {
    throw std::runtime_error("cannot listen on " + path + ": " + std::strerror(errno));
  }
  return fd;
}

// The socket an upgrading master handed over (XUEJI_LISTEN_FD), or -1 when there is none. The
// variable is removed, so nothing started later mistakes it for its own.
int inherited_socket() {
  const char* text = std::getenv(kListenFdVariable);
  if (!text) return -1;
  std::string value = text;
  unsetenv(kListenFdVariable);
  int fd = parse_count(value.c_str(), kListenFdVariable, 0, 65535);
  int type = 0;
  socklen_t size = sizeof type;
  if (getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &size) != 0 || type != SOCK_STREAM) {
    throw ConfigError(std::string(kListenFdVariable) + ": fd " + value + " is not a stream socket");
  }
  fcntl(fd, F_SETFD, FD_CLOEXEC);
  return fd;
}

// The path this program was started from, for SIGUSR2: after a package or build replaced the
// file there, the kernel names the running one "PATH (deleted)"; the new one is at PATH.
std::string own_program_path() {
  char buffer[4096];
  ssize_t n = readlink("/proc/self/exe", buffer, sizeof buffer - 1);
  if (n <= 0) return "";
  std::string path(buffer, static_cast<std::size_t>(n));
  const std::string deleted = " (deleted)";
  if (path.size() > deleted.size() && path.ends_with(deleted)) path.resize(path.size() - deleted.size());
  return path;
}

// Whether a connection is queued on the listening socket right now.
bool connection_waiting(int listen_fd) {
  pollfd p{listen_fd, POLLIN, 0};
  return poll(&p, 1, 0) > 0 && (p.revents & POLLIN);
}

void write_all(FCGX_Stream* out, const std::string& text) {
  FCGX_PutStr(text.data(), static_cast<int>(text.size()), out);
}

// Writes the audit rows this child kept back, when due or `all`; what the database refused is
// told in the log.
void write_kept_audit_rows_logged(Context& ctx, bool all) {
  try {
    write_kept_audit_rows(ctx, all);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "xueji-%s child %d: audit rows not written (%zu still kept): %s\n",
                 ctx.route.c_str(), getpid(), ctx.audit_batch.rows().size(), e.what());
  }
  if (std::size_t dropped = ctx.audit_batch.take_dropped()) {
    std::fprintf(stderr,
                 "xueji-%s child %d: %zu audit rows dropped: refused by the database, or more "
                 "than %zu waited for it\n",
                 ctx.route.c_str(), getpid(), dropped, AuditBatch::kMaxKept);
  }
}

int serve_child(const Route& route, const Config& config, const Templates& templates,
                int listen_fd, int max_requests) {
  // A fixed mmap threshold turns off glibc's adaptive one, which would otherwise keep any large
  // block, once freed, resident in the heap. (The Argon2id work area has its own mapping.)
  mallopt(M_MMAP_THRESHOLD, 256 * 1024);
  if (!open_hash_slots_in_child()) {
    std::fprintf(stderr, "xueji-%s: cannot open the hash slots (%s); hashing without a limit\n",
                 route.worker, std::strerror(errno));
  }
  // Per-process state is made here, after fork: a shared DRBG state or database connection
  // would be a security and correctness bug.
  crypto::Random random;
  store::Db db(config);
  Clock clock;
  Context ctx{config, db, random, clock, templates, route.worker, {},
              [listen_fd] { return connection_waiting(listen_fd); }, {}};

  FCGX_Init();
  FCGX_Request request;
  FCGX_InitRequest(&request, listen_fd, FCGI_FAIL_ACCEPT_ON_INTR);
  for (int served = 0; served < max_requests;) {
    // A child that has hashed keeps the 19 MiB Argon2 area for the next request, unless none is
    // waiting: then it gives the memory back before it blocks.
    if (argon2_work_area_kept() && !connection_waiting(listen_fd)) release_idle_argon2_work_area();
    write_kept_audit_rows_logged(ctx, false);  // all of them when no request waits
    child_allow_stop(true);
    if (child_stop_requested()) break;
    int rc = FCGX_Accept_r(&request);
    child_allow_stop(false);
    if (rc < 0) {
      if (child_stop_requested()) break;
      if (rc == -EINTR) continue;
      std::fprintf(stderr, "xueji-%s child %d: accept failed (%d)\n", route.worker, getpid(), rc);
      write_kept_audit_rows_logged(ctx, true);
      return 1;
    }
    FCGX_ParamArray envp = request.envp;
    http::Env env = [envp](const char* name) { return FCGX_GetParam(name, envp); };
    FCGX_Stream* in = request.in;
    BodyReader read_body = [in](std::size_t n) {
      std::string body(n, '\0');
      int got = n ? FCGX_GetStr(body.data(), static_cast<int>(n), in) : 0;
      if (got != static_cast<int>(n)) throw http::bad_request("body shorter than CONTENT_LENGTH");
      return body;
    };
    http::Response response = dispatch(route, env, read_body, ctx);
    const char* method = FCGX_GetParam("REQUEST_METHOD", envp);
    bool head = method && std::strcmp(method, "HEAD") == 0;
    write_all(request.out, serialize_response(response, !head));
    FCGX_Finish_r(&request);
    ++served;
  }
  write_kept_audit_rows_logged(ctx, true);
  return 0;
}

}  // namespace

int run_worker(const Route& route, int argc, char** argv) {
  std::string name = std::string("xueji-") + route.worker;
  try {
    WorkerOptions options = parse_options(argc, argv);
    Config config = Config::from_environment();
    Templates templates(config.template_dir);
    // An upgrade's socket first: the new master must not make a new socket at --listen's path.
    int listen_fd = inherited_socket();
    if (listen_fd < 0) listen_fd = options.listen_path ? listen_on(*options.listen_path) : 0;
    PreforkOptions prefork{name, options.children, 20, listen_fd, own_program_path(),
                           std::vector<std::string>(argv, argv + argc), options.pid_file};
    if (!create_hash_slots(static_cast<int>(sysconf(_SC_NPROCESSORS_ONLN)))) {
      std::fprintf(stderr, "%s: cannot make the hash slots (%s); hashing without a limit\n",
                   name.c_str(), std::strerror(errno));
    }
    return run_prefork(prefork, [&] {
      return serve_child(route, config, templates, listen_fd, options.max_requests);
    });
  } catch (const ConfigError& e) {
    std::fprintf(stderr, "%s: configuration error: %s\n", name.c_str(), e.what());
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s: cannot start: %s\n", name.c_str(), e.what());
    return 1;
  }
}

}  // namespace xueji
