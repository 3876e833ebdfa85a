// main.cpp: xueji-ctl — the administration command line (contract.md §4).
#include <cstdio>
#include <cstring>
#include <string>

#include "core/config.h"
#include "sql/db.h"
#include "sql/migrations.h"

int main(int argc, char** argv) {
  using namespace xueji;
  if (argc < 2 || std::strcmp(argv[1], "--help") == 0) {
    std::puts("usage: xueji-ctl migrate");
    return argc < 2 ? 2 : 0;
  }
  try {
    Config config = Config::from_environment();
    store::Db db(config);
    std::string command = argv[1];
    if (command == "migrate") {
      auto applied = store::migrate(db);
      if (applied.empty()) std::puts("migrate: the schema is up to date");
      for (const auto& name : applied) std::printf("migrate: applied %s\n", name.c_str());
      return 0;
    }
    std::fprintf(stderr, "xueji-ctl: unknown command '%s' (try --help)\n", command.c_str());
    return 2;
  } catch (const ConfigError& e) {
    std::fprintf(stderr, "xueji-ctl: configuration error: %s\n", e.what());
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "xueji-ctl: %s\n", e.what());
    return 1;
  }
}
