// staff_csv.h: the staff CSV of `xueji-ctl staff import` and the AA console's import
// (national_id,name,birth_date,phone; UTF-8, a header line first): every line checked on its
// own and against the others, each refused line named by number with its reasons. What only the
// database can tell is sql/school_admin_store.h's import_conflicts().
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/staff_fields.h"

namespace xueji {

struct StaffCsvLine {
  int line = 0;
  StaffInput input;
  std::string id_hmac;  // 32 raw bytes
  std::string id_masked;
};

struct StaffCsvError {
  int line = 0;
  std::string message;  // "第 N 行：…"
};

struct StaffCsvCheck {
  std::vector<StaffCsvLine> rows;      // the good lines
  std::vector<StaffCsvError> errors;   // by line number
};

StaffCsvCheck check_staff_csv(std::string_view text, const std::string& secret, TimePoint now);

std::string csv_line_prefix(int line);  // "第 N 行："

}  // namespace xueji
