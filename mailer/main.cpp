// main.cpp: xueji-mailer — delivers the outbox over SMTP (filled in by the staff & mail work).
#include <csignal>
#include <cstdio>
#include <unistd.h>

#include "core/config.h"

namespace {
volatile std::sig_atomic_t g_stop = 0;
void on_stop(int) { g_stop = 1; }
}  // namespace

int main() {
  try {
    xueji::Config config = xueji::Config::from_environment();
    (void)config;
  } catch (const xueji::ConfigError& e) {
    std::fprintf(stderr, "xueji-mailer: configuration error: %s\n", e.what());
    return 2;
  }
  std::signal(SIGTERM, on_stop);
  std::signal(SIGINT, on_stop);
  while (!g_stop) pause();
  return 0;
}
