// replay_main.cpp: runs a fuzz target's LLVMFuzzerTestOneInput once over every file of the
// directories (or single files) given, without libFuzzer, so CI replays the checked-in corpus
// with the ordinary compiler. A missing or empty directory is an error, never a silent pass.
#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <system_error>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

namespace fs = std::filesystem;

bool read_file(const fs::path& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return !in.bad();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s CORPUS_DIR|FILE...\n", argv[0]);
    return 2;
  }
  auto started = std::chrono::steady_clock::now();
  std::size_t total = 0;
  for (int a = 1; a < argc; ++a) {
    fs::path arg(argv[a]);
    std::error_code ec;
    std::vector<fs::path> files;
    if (fs::is_regular_file(arg, ec)) {
      files.push_back(arg);
    } else if (fs::is_directory(arg, ec)) {
      for (const auto& entry : fs::directory_iterator(arg, ec)) {
        if (entry.is_regular_file()) files.push_back(entry.path());
      }
      if (ec) {
        std::fprintf(stderr, "replay: cannot read %s: %s\n", argv[a], ec.message().c_str());
        return 1;
      }
      if (files.empty()) {
        std::fprintf(stderr, "replay: FAIL: %s holds no input files\n", argv[a]);
        return 1;
      }
    } else {
      std::fprintf(stderr, "replay: FAIL: %s is missing (neither a directory nor a file)\n",
                   argv[a]);
      return 1;
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& file : files) {
      std::string bytes;
      if (!read_file(file, bytes)) {
        std::fprintf(stderr, "replay: FAIL: cannot read %s\n", file.c_str());
        return 1;
      }
      // A crash or a violated property aborts here, after this line names the input.
      std::fprintf(stderr, "replay: %s\n", file.c_str());
      LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
      ++total;
    }
  }
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                  started)
                .count();
  std::printf("replay: %zu inputs passed in %lld ms\n", total, static_cast<long long>(ms));
  return 0;
}
