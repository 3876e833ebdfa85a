// csv.cpp: the RFC 4180 reader of csv.h, one pass over the text with line numbers kept.
#include "core/csv.h"

#include "core/utf8.h"

namespace xueji {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// Walks the text one record at a time. `pos` always sits at the start of a physical line
// between records.
class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {
    if (text_.substr(0, kBom.size()) == kBom) pos_ = kBom.size();
  }

  CsvTable read_all() {
    CsvTable table;
    while (pos_ < text_.size()) {
      int start_line = line_;
      CsvRecord record;
      record.line = start_line;
      std::string error = read_record(record.fields);
      if (!error.empty()) {
        table.errors.push_back({start_line, error});
        continue;
      }
      if (is_blank(record.fields)) continue;
      for (const std::string& field : record.fields) {
        if (!is_valid_utf8(field)) {
          error = "第 " + std::to_string(start_line) +
                  " 行：不是有效的 UTF-8 文字（請將檔案另存為 UTF-8 編碼）";
          break;
        }
      }
      if (!error.empty()) {
        table.errors.push_back({start_line, error});
        continue;
      }
      table.records.push_back(std::move(record));
    }
    return table;
  }

 private:
  bool at_line_end() const {
    return pos_ >= text_.size() || text_[pos_] == '\n' || text_[pos_] == '\r';
  }

  // Consumes one line break (CRLF, LF, or a lone CR as old spreadsheets write it).
  void consume_line_end() {
    if (pos_ >= text_.size()) return;
    if (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ++pos_;
    ++pos_;
    ++line_;
  }

  // After an error the rest of the physical line is dropped so the next line is read afresh.
  void skip_rest_of_line() {
    while (!at_line_end()) ++pos_;
    consume_line_end();
  }

  // Reads fields up to the end of the record; returns an error message or "".
  std::string read_record(std::vector<std::string>& fields) {
    int start_line = line_;
    std::size_t start_pos = pos_;
    for (;;) {
      std::string field;
      if (pos_ < text_.size() && text_[pos_] == '"') {
        ++pos_;
        bool closed = false;
        while (pos_ < text_.size()) {
          char c = text_[pos_++];
          if (c == '"') {
            if (pos_ < text_.size() && text_[pos_] == '"') {
              field += '"';
              ++pos_;
              continue;
            }
            closed = true;
            break;
          }
          if (c == '\n' || (c == '\r' && (pos_ >= text_.size() || text_[pos_] != '\n'))) ++line_;
          field += c;
        }
        if (!closed) {
          // Reading resumes on the line after the opening quote's, so the lines the open quote
          // swallowed are still checked and reported on their own.
          pos_ = start_pos;
          line_ = start_line;
          skip_rest_of_line();
          return "第 " + std::to_string(start_line) + " 行：引號沒有結束（缺少對應的 \"）";
        }
        if (!at_line_end() && text_[pos_] != ',') {
          skip_rest_of_line();
          return "第 " + std::to_string(start_line) + " 行：結束引號之後還有其他文字";
        }
      } else {
        while (!at_line_end() && text_[pos_] != ',') {
          if (text_[pos_] == '"') {
            skip_rest_of_line();
            return "第 " + std::to_string(start_line) +
                   " 行：未加引號的欄位含有引號（含引號的欄位須整個用 \"…\" 括起來）";
          }
          field += text_[pos_++];
        }
      }
      fields.push_back(std::move(field));
      if (pos_ < text_.size() && text_[pos_] == ',') {
        ++pos_;
        continue;
      }
      consume_line_end();
      return "";
    }
  }

  // Spreadsheets save rows left empty as ",,,": those count as blank lines, like truly empty ones.
  static bool is_blank(const std::vector<std::string>& fields) {
    for (const std::string& f : fields) {
      if (f.find_first_not_of(" \t") != std::string::npos) return false;
    }
    return true;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  int line_ = 1;
};

}  // namespace

CsvTable parse_csv(std::string_view text) { return Reader(text).read_all(); }

}  // namespace xueji
