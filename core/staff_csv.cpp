// staff_csv.cpp: the checks of staff_csv.h.
#include "core/staff_csv.h"

#include <algorithm>
#include <array>
#include <map>

#include "core/csv.h"
#include "core/national_id.h"
#include "core/personal_data.h"

namespace xueji {
namespace {

constexpr std::array<std::string_view, 4> kHeader = {"national_id", "name", "birth_date", "phone"};

std::string lower_trimmed(std::string_view text) {
  std::string out = trimmed(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool is_header(const CsvRecord& record) {
  if (record.fields.size() != kHeader.size()) return false;
  for (std::size_t i = 0; i < kHeader.size(); ++i) {
    if (lower_trimmed(record.fields[i]) != kHeader[i]) return false;
  }
  return true;
}

}  // namespace

std::string csv_line_prefix(int line) { return "第 " + std::to_string(line) + " 行："; }

StaffCsvCheck check_staff_csv(std::string_view text, const std::string& secret, TimePoint now) {
  CsvTable table = parse_csv(text);
  StaffCsvCheck out;
  auto& errors = out.errors;
  for (const CsvError& e : table.errors) errors.push_back({e.line, e.message});
  std::size_t first = 0;
  if (table.records.empty() || !is_header(table.records[0])) {
    int line = table.records.empty() ? 1 : table.records[0].line;
    errors.push_back(
        {line, csv_line_prefix(line) + "第一行須為標題列 national_id,name,birth_date,phone"});
    // A file whose first line is data rather than a header is still checked line by line below.
    if (!table.records.empty() && lower_trimmed(table.records[0].fields[0]) == "national_id")
      first = 1;
  } else {
    first = 1;
  }
  std::map<std::string, int> seen;  // HMAC → line, for duplicates inside the file
  for (std::size_t i = first; i < table.records.size(); ++i) {
    const CsvRecord& record = table.records[i];
    if (record.fields.size() != kHeader.size()) {
      errors.push_back({record.line, csv_line_prefix(record.line) +
                                         "應有 4 個欄位（national_id,name,"
                                         "birth_date,phone；沒有電話時最後一欄留空），實有 " +
                                         std::to_string(record.fields.size()) + " 個"});
      continue;
    }
    StaffCsvLine row;
    row.line = record.line;
    std::vector<std::string> problems = check_staff_input(
        record.fields[0], record.fields[1], record.fields[2], record.fields[3], now, row.input);
    if (!problems.empty()) {
      std::string message = csv_line_prefix(record.line);
      for (std::size_t k = 0; k < problems.size(); ++k) message += (k ? "；" : "") + problems[k];
      errors.push_back({record.line, message});
      continue;
    }
    row.id_hmac = national_id_hmac(secret, row.input.national_id);
    row.id_masked = mask_national_id(row.input.national_id);
    auto [it, inserted] = seen.emplace(row.id_hmac, record.line);
    if (!inserted) {
      errors.push_back({record.line, csv_line_prefix(record.line) + "與第 " +
                                         std::to_string(it->second) + " 行是同一人（" +
                                         row.id_masked + " 重複）"});
      continue;
    }
    out.rows.push_back(std::move(row));
  }
  std::stable_sort(errors.begin(), errors.end(),
                   [](const StaffCsvError& a, const StaffCsvError& b) { return a.line < b.line; });
  return out;
}

}  // namespace xueji
