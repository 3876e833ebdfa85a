// taipei_time.h: calendar dates and wall-clock text in Asia/Taipei, by arithmetic (UTC+8, no DST).
#pragma once
#include <chrono>
#include <compare>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"

namespace xueji {

// Taiwan has kept UTC+8 without daylight saving since 1979, so a fixed offset is exact for every
// instant this product handles and spares us a tz database on the servers.
inline constexpr std::chrono::hours kTaipeiUtcOffset{8};

// A day of the Gregorian calendar. Members are plain ints so stores and templates can use them
// directly; ordering is by year, then month, then day.
struct CivilDate {
  int year = 0;
  int month = 0;
  int day = 0;

  friend constexpr auto operator<=>(const CivilDate&, const CivilDate&) = default;
};

// True when the date exists in the Gregorian calendar (leap years included).
bool is_valid_date(CivilDate d);

// The date on a wall calendar in Taipei at instant t.
CivilDate taipei_date(TimePoint t);

// "2026-08-01 08:00:00": Taipei wall-clock time, truncated to the second.
std::string format_taipei(TimePoint t);

// Strict "yyyy-mm-dd" (exactly 10 characters, zero-padded) naming a real date with a year in
// 1900..9999; anything else is nullopt. This is the birth-date format the forms ask for.
std::optional<CivilDate> parse_iso_date(std::string_view text);

// "yyyy-mm-dd", zero-padded.
std::string format_date(CivilDate d);

// The instant the date begins in Taipei (its 00:00:00 there, i.e. 16:00 UTC the day before).
TimePoint taipei_midnight(CivilDate d);

// Whole days from `from` to `to`: positive when `to` is later, 0 for the same day.
int days_between(CivilDate from, CivilDate to);

}  // namespace xueji
