// csv_fuzz.cpp: parse_csv over any bytes — every line reported at most once and in order, every
// returned field valid UTF-8 — and the records it returns, written back as CSV, read back the
// same.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>

#include "core/csv.h"
#include "core/utf8.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

using xueji::CsvTable;

// Physical lines as the reader counts them: CRLF, LF and a lone CR each end one.
int line_count(std::string_view text) {
  int lines = 1;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) {
      ++lines;
    }
  }
  return lines;
}

std::string quoted(const std::string& field) {
  std::string out = "\"";
  for (char c : field) {
    out += c;
    if (c == '"') out += '"';
  }
  return out + "\"";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text = xueji::fuzz::as_text(data, size);

  FUZZ_CHECK(xueji::utf8_length(text) <= text.size());

  CsvTable table = xueji::parse_csv(text);
  const int lines = line_count(text);
  std::set<int> used;
  int previous = 0;
  for (const auto& record : table.records) {
    FUZZ_CHECK(record.line > previous && record.line <= lines);
    previous = record.line;
    FUZZ_CHECK(used.insert(record.line).second);
    FUZZ_CHECK(!record.fields.empty());
    bool blank = true;
    for (const std::string& field : record.fields) {
      FUZZ_CHECK(xueji::is_valid_utf8(field));
      if (field.find_first_not_of(" \t") != std::string::npos) blank = false;
    }
    FUZZ_CHECK(!blank);
  }
  previous = 0;
  for (const auto& error : table.errors) {
    FUZZ_CHECK(error.line > previous && error.line <= lines);
    previous = error.line;
    FUZZ_CHECK(used.insert(error.line).second);
    FUZZ_CHECK(!error.message.empty());
  }

  // Round trip: every field quoted, CRLF line ends, a BOM in front.
  std::string again = "\xEF\xBB\xBF";
  for (const auto& record : table.records) {
    for (std::size_t i = 0; i < record.fields.size(); ++i) {
      if (i > 0) again += ',';
      again += quoted(record.fields[i]);
    }
    again += "\r\n";
  }
  CsvTable reread = xueji::parse_csv(again);
  FUZZ_CHECK(reread.errors.empty());
  FUZZ_CHECK(reread.records.size() == table.records.size());
  for (std::size_t i = 0; i < reread.records.size(); ++i) {
    FUZZ_CHECK(reread.records[i].fields == table.records[i].fields);
  }
  return 0;
}
