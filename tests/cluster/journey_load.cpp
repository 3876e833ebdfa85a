// journey_load.cpp: whole application journeys (identity, e-mail, code, account, done) on N
// threads against a stack or a cluster, for the figures of deploy/cluster/README.md: journeys
// per second, the time of each, and the CPU the database and the app processes spent per journey.
//
//   journey_load THREADS JOURNEYS_PER_THREAD [DIR…]
//
// DIR: processes whose command line names it are counted (the stack's or the cluster's
// directory); mariadbd apart from the rest. Needs XUEJI_TEST_BASE_URL, XUEJI_VAR_DIR,
// XUEJI_CAPTCHA_FIXED and, for a cluster, XUEJI_TEST_DB_SOCKET, like the tests.
#include <curl/curl.h>
#include <dirent.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <mutex>
#include <sstream>
#include <thread>
#include <vector>

#include "tests/cluster/cluster_support.h"
#include "tests/integration/support/stack.h"

using namespace xueji::testing;

namespace {

struct Cpu {
  double db = 0, app = 0;  // seconds
};

// utime + stime (and those of reaped children) of every process naming one of `dirs`.
Cpu cpu_of(const std::vector<std::string>& dirs) {
  Cpu cpu;
  double tick = static_cast<double>(sysconf(_SC_CLK_TCK));
  DIR* proc = opendir("/proc");
  if (!proc) return cpu;
  while (dirent* e = readdir(proc)) {
    std::string pid = e->d_name;
    if (pid.find_first_not_of("0123456789") != std::string::npos) continue;
    std::ifstream cmd_in("/proc/" + pid + "/cmdline", std::ios::binary);
    std::string cmdline((std::istreambuf_iterator<char>(cmd_in)), std::istreambuf_iterator<char>());
    bool ours = std::any_of(dirs.begin(), dirs.end(),
                            [&](const std::string& d) { return cmdline.find(d) != std::string::npos; });
    if (!ours) continue;
    std::ifstream stat_in("/proc/" + pid + "/stat");
    std::string stat((std::istreambuf_iterator<char>(stat_in)), std::istreambuf_iterator<char>());
    std::size_t close = stat.rfind(')');
    if (close == std::string::npos) continue;
    std::istringstream fields(stat.substr(close + 2));
    std::vector<std::string> f;
    for (std::string x; fields >> x;) f.push_back(x);
    if (f.size() < 15) continue;
    // After the command: state(0) … utime(11) stime(12) cutime(13) cstime(14).
    double seconds = (std::stod(f[11]) + std::stod(f[12]) + std::stod(f[13]) + std::stod(f[14])) / tick;
    (cmdline.rfind("mariadbd", 0) == 0 ? cpu.db : cpu.app) += seconds;
  }
  closedir(proc);
  return cpu;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: journey_load THREADS JOURNEYS_PER_THREAD [DIR…]\n";
    return 2;
  }
  int threads = std::stoi(argv[1]);
  int per_thread = std::stoi(argv[2]);
  std::vector<std::string> dirs(argv + 3, argv + argc);
  curl_global_init(CURL_GLOBAL_DEFAULT);
  std::vector<std::vector<Applicant>> work(threads);
  for (auto& list : work) {
    for (int i = 0; i < per_thread; ++i) list.push_back(new_applicant());
  }
  std::mutex lock;
  std::vector<double> seconds;
  std::vector<std::string> failures;
  Cpu before = cpu_of(dirs);
  auto start = std::chrono::steady_clock::now();
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      for (const Applicant& a : work[t]) {
        auto began = std::chrono::steady_clock::now();
        std::string why;
        bool ok = false;
        try {
          Visitor v;
          ok = apply(v, a, why, 5);
        } catch (const std::exception& e) {
          why = e.what();
        }
        double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
        std::lock_guard<std::mutex> guard(lock);
        if (ok) {
          seconds.push_back(took);
        } else {
          failures.push_back(why);
        }
      }
    });
  }
  for (auto& th : pool) th.join();
  double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  Cpu after = cpu_of(dirs);
  std::sort(seconds.begin(), seconds.end());
  int done = static_cast<int>(seconds.size());
  double median = done ? seconds[done / 2] : 0;
  double mean = 0;
  for (double s : seconds) mean += s / std::max(done, 1);
  std::printf("journeys %d completed, %zu failed, %d threads, %.1f s: %.2f journeys/s\n", done,
              failures.size(), threads, wall, done / wall);
  std::printf("journey time: median %.0f ms, mean %.0f ms, max %.0f ms\n", median * 1000,
              mean * 1000, done ? seconds.back() * 1000 : 0.0);
  if (!dirs.empty() && done > 0) {
    std::printf("cpu per journey: database %.1f ms, app workers and sink %.1f ms\n",
                (after.db - before.db) * 1000 / done, (after.app - before.app) * 1000 / done);
  }
  for (const std::string& why : failures) std::printf("failed: %s\n", why.c_str());
  return failures.empty() ? 0 : 1;
}
