// csv.h: a strict RFC 4180 reader for the files school staff export from spreadsheets (UTF-8,
// with or without a BOM, CRLF or LF), reporting every bad line by its number.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace xueji {

struct CsvRecord {
  int line = 0;  // 1-based physical line the record starts on
  std::vector<std::string> fields;
};

struct CsvError {
  int line = 0;
  std::string message;  // zh-TW, for the person who fixes the file
};

struct CsvTable {
  std::vector<CsvRecord> records;  // blank lines are skipped, not returned
  std::vector<CsvError> errors;    // in line order; a bad line yields no record
};

// Parses the whole text. Fields are separated by commas; a field may be quoted with "…" and then
// holds commas, doubled quotes ("") and line breaks. A quote inside an unquoted field, text after
// a closing quote, an unterminated quote or bytes that are not UTF-8 make that line an error.
CsvTable parse_csv(std::string_view text);

}  // namespace xueji
