// taipei_time.cpp: Asia/Taipei dates and text from UTC instants, using only chrono arithmetic.
#include "core/taipei_time.h"

#include <cstdio>

namespace xueji {
namespace {

using std::chrono::days;
using std::chrono::sys_days;
using std::chrono::year_month_day;

year_month_day to_ymd(CivilDate d) {
  return year_month_day{std::chrono::year{d.year},
                        std::chrono::month{static_cast<unsigned>(d.month)},
                        std::chrono::day{static_cast<unsigned>(d.day)}};
}

CivilDate from_ymd(year_month_day ymd) {
  return CivilDate{static_cast<int>(ymd.year()),
                   static_cast<int>(static_cast<unsigned>(ymd.month())),
                   static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

// Reads exactly `text.size()` ASCII digits; nullopt if any is not a digit.
std::optional<int> read_digits(std::string_view text) {
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

}  // namespace

bool is_valid_date(CivilDate d) {
  // Range-check first: chrono's month/day constructors take unsigned and would wrap negatives.
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31) return false;
  return to_ymd(d).ok();
}

CivilDate taipei_date(TimePoint t) {
  // floor, not duration_cast: instants before 1970 must still land on the right day.
  return from_ymd(year_month_day{std::chrono::floor<days>(t + kTaipeiUtcOffset)});
}

std::string format_taipei(TimePoint t) {
  const auto local = std::chrono::floor<std::chrono::seconds>(t + kTaipeiUtcOffset);
  const auto day = std::chrono::floor<days>(local);
  const std::chrono::hh_mm_ss time{local - day};
  const CivilDate d = from_ymd(year_month_day{day});
  char text[40];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d %02d:%02d:%02d", d.year, d.month, d.day,
                static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                static_cast<int>(time.seconds().count()));
  return text;
}

std::optional<CivilDate> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const auto year = read_digits(text.substr(0, 4));
  const auto month = read_digits(text.substr(5, 2));
  const auto day = read_digits(text.substr(8, 2));
  if (!year || !month || !day) return std::nullopt;
  const CivilDate d{*year, *month, *day};
  if (d.year < 1900 || !is_valid_date(d)) return std::nullopt;
  return d;
}

std::string format_date(CivilDate d) {
  char text[40];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", d.year, d.month, d.day);
  return text;
}

TimePoint taipei_midnight(CivilDate d) { return TimePoint{sys_days{to_ymd(d)}} - kTaipeiUtcOffset; }

int days_between(CivilDate from, CivilDate to) {
  return static_cast<int>((sys_days{to_ymd(to)} - sys_days{to_ymd(from)}).count());
}

}  // namespace xueji
