// argon2_probe.cpp: the time of one Argon2id hash and one verification with the product's
// parameters, single-threaded, for the benchmark's "cores ÷ one hash" ceilings.
//
//   argon2_probe [ROUNDS]     (default 15: the median of that many hashes and verifications)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "core/password_hash.h"

int main(int argc, char** argv) {
  int rounds = argc > 1 ? std::atoi(argv[1]) : 15;
  if (rounds < 1 || rounds > 1000) {
    std::fprintf(stderr, "usage: argon2_probe [ROUNDS, 1 to 1000]\n");
    return 2;
  }
  xueji::crypto::Random random;
  auto median_ms = [](std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
  };
  std::vector<double> hash_times, verify_times;
  std::string hash = xueji::hash_password("Blue-Harbor-42x", random);  // warm-up
  for (int i = 0; i < rounds; ++i) {
    auto start = std::chrono::steady_clock::now();
    hash = xueji::hash_password("Blue-Harbor-42x", random);
    auto middle = std::chrono::steady_clock::now();
    if (!xueji::verify_password(hash, "Blue-Harbor-42x")) return 1;
    auto end = std::chrono::steady_clock::now();
    hash_times.push_back(std::chrono::duration<double, std::milli>(middle - start).count());
    verify_times.push_back(std::chrono::duration<double, std::milli>(end - middle).count());
  }
  std::printf("hash_ms=%.2f verify_ms=%.2f\n", median_ms(hash_times), median_ms(verify_times));
  return 0;
}
