// clock.h: the one source of "now", injectable so time-based rules are tested without sleeping.
#pragma once
#include <chrono>

namespace xueji {

using TimePoint = std::chrono::system_clock::time_point;
using Seconds = std::chrono::seconds;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual TimePoint now() const { return std::chrono::system_clock::now(); }
};

// A clock that stands still until a test moves it.
class FixedClock : public Clock {
 public:
  explicit FixedClock(TimePoint t) : t_(t) {}
  TimePoint now() const override { return t_; }
  void advance(std::chrono::system_clock::duration d) { t_ += d; }
  void set(TimePoint t) { t_ = t; }

 private:
  TimePoint t_;
};

}  // namespace xueji
