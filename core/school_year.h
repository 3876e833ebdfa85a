// school_year.h: 學年度 and 學期 arithmetic — ROC years, Aug 1 – Jul 31 in Asia/Taipei.
#pragma once
#include <optional>
#include <string_view>

#include "core/clock.h"
#include "core/taipei_time.h"

namespace xueji {

// ROC (民國) year = Gregorian year − 1911.
inline constexpr int kRocYearOffset = 1911;
// The range of school years the product accepts as input (民國 80 = 1991, 200 = 2111).
inline constexpr int kMinRocSchoolYear = 80;
inline constexpr int kMaxRocSchoolYear = 200;

// The school year a day belongs to: 2026-08-01 .. 2027-07-31 is 115.
int school_year_of(CivilDate d);

// The school year at an instant, judged by the Taipei calendar (2026-07-31T16:00:00Z is 115).
int school_year_at(TimePoint t);

// 1 for Aug 1 – Jan 31 (上學期), 2 for Feb 1 – Jul 31 (下學期).
int semester_of(CivilDate d);

// Aug 1 of the Gregorian year the school year starts in: 115 → 2026-08-01.
CivilDate school_year_start(int roc_year);

// True for 2 or 3 ASCII digits, no leading zero, with a value in 80..200 ("115", "99").
bool valid_roc_year(std::string_view text);

// The value of text when valid_roc_year(text), else nullopt.
std::optional<int> parse_roc_year(std::string_view text);

}  // namespace xueji
