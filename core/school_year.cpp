// school_year.cpp: which 學年度/學期 a day falls in, and strict parsing of a typed ROC year.
#include "core/school_year.h"

namespace xueji {
namespace {

constexpr int kFirstMonthOfSchoolYear = 8;  // August
constexpr int kFirstMonthOfSecondTerm = 2;  // February

}  // namespace

int school_year_of(CivilDate d) {
  const int starting_year = d.month >= kFirstMonthOfSchoolYear ? d.year : d.year - 1;
  return starting_year - kRocYearOffset;
}

int school_year_at(TimePoint t) { return school_year_of(taipei_date(t)); }

int semester_of(CivilDate d) {
  return (d.month >= kFirstMonthOfSecondTerm && d.month < kFirstMonthOfSchoolYear) ? 2 : 1;
}

CivilDate school_year_start(int roc_year) {
  return CivilDate{roc_year + kRocYearOffset, kFirstMonthOfSchoolYear, 1};
}

bool valid_roc_year(std::string_view text) { return parse_roc_year(text).has_value(); }

std::optional<int> parse_roc_year(std::string_view text) {
  // A leading zero ("099") is refused so one school year has exactly one spelling.
  if (text.size() < 2 || text.size() > 3 || text.front() == '0') return std::nullopt;
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  if (value < kMinRocSchoolYear || value > kMaxRocSchoolYear) return std::nullopt;
  return value;
}

}  // namespace xueji
