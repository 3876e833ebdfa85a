// utc.h: a UTC instant written the way a test reads it: utc(2026, 7, 31, 16, 0, 0).
#pragma once
#include <chrono>

#include "core/clock.h"

namespace xueji::test {

inline TimePoint utc(int y, unsigned mo, unsigned d, int h = 0, int mi = 0, int s = 0) {
  using namespace std::chrono;
  return TimePoint{sys_days{year{y} / month{mo} / day{d}}} + hours{h} + minutes{mi} + seconds{s};
}

}  // namespace xueji::test
