// captcha_samples.cpp: a dev tool that writes captcha PNGs with known answers, or times drawing.
// `xueji-captcha-samples DIR N` writes DIR/0000.png … and DIR/answers.csv (file,answer) with the
// product's own draw_captcha_png; `xueji-captcha-samples --time N` prints the mean per-call cost.
// It feeds scripts/captcha-attack and is never installed.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <fstream>
#include <iostream>
#include <string>

#include "core/crypto.h"
#include "flows/captcha_image.h"

namespace {

std::string random_answer(xueji::crypto::Random& random) {
  std::string digits;
  for (int i = 0; i < 4; ++i) digits += static_cast<char>('0' + random.uniform(10));
  return digits;
}

int write_samples(const std::string& dir, int count) {
  xueji::crypto::Random random;
  std::ofstream answers(dir + "/answers.csv");
  if (!answers) throw std::runtime_error("cannot write " + dir + "/answers.csv");
  answers << "file,answer\n";
  for (int i = 0; i < count; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "%04d.png", i);
    std::string answer = random_answer(random);
    std::ofstream png(dir + "/" + name, std::ios::binary);
    png << xueji::draw_captcha_png(answer, random);
    if (!png) throw std::runtime_error(std::string("cannot write ") + name);
    answers << name << ',' << answer << '\n';
  }
  return 0;
}

int time_drawing(int count) {
  xueji::crypto::Random random;
  xueji::draw_captcha_png("0000", random);  // the first call pre-renders the glyphs
  std::size_t bytes = 0;
  auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < count; ++i) bytes += xueji::draw_captcha_png(random_answer(random), random).size();
  std::chrono::duration<double, std::micro> spent = std::chrono::steady_clock::now() - start;
  std::printf("draw_captcha_png: %.0f us per image, %.0f bytes on average, over %d images\n",
              spent.count() / count, static_cast<double>(bytes) / count, count);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    if (argc == 3 && std::string(argv[1]) == "--time") return time_drawing(std::atoi(argv[2]));
    if (argc == 3 && std::atoi(argv[2]) > 0) return write_samples(argv[1], std::atoi(argv[2]));
    std::cerr << "usage: xueji-captcha-samples DIR N | --time N\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "xueji-captcha-samples: " << e.what() << '\n';
    return 1;
  }
}
