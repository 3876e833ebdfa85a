// staff_import_command.cpp: `xueji-ctl staff import` — a school's staff from a UTF-8 CSV file,
// all or nothing: every line is checked first (each bad line reported by number), then the
// database (same person with another birth date, already staff here), and only a wholly valid
// file is written, in one transaction of multi-row INSERTs.
#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <set>

#include "core/csv.h"
#include "core/national_id.h"
#include "core/personal_data.h"
#include "ctl/cli.h"
#include "ctl/staff_fields.h"
#include "sql/staff_store.h"

namespace xueji::ctl {
namespace {

constexpr std::size_t kMaxFileBytes = 64u << 20;  // far above 10,000 lines, far below harm
constexpr std::array<std::string_view, 4> kHeader = {"national_id", "name", "birth_date", "phone"};

struct Row {
  int line = 0;
  StaffInput input;
  std::string hmac;
  std::string masked;
};

struct LineError {
  int line = 0;
  std::string message;
  bool operator<(const LineError& other) const { return line < other.line; }
};

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

std::string line_prefix(int line) { return "第 " + std::to_string(line) + " 行："; }

// The file's own problems: format, fields, and the same person twice.
std::vector<Row> check_file(const CsvTable& table, const std::string& secret, TimePoint now,
                            std::vector<LineError>& errors) {
  for (const CsvError& e : table.errors) errors.push_back({e.line, e.message});
  std::vector<Row> rows;
  std::size_t first = 0;
  if (table.records.empty() || !is_header(table.records[0])) {
    int line = table.records.empty() ? 1 : table.records[0].line;
    errors.push_back(
        {line, line_prefix(line) + "第一行須為標題列 national_id,name,birth_date,phone"});
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
      errors.push_back({record.line, line_prefix(record.line) +
                                         "應有 4 個欄位（national_id,name,"
                                         "birth_date,phone；沒有電話時最後一欄留空），實有 " +
                                         std::to_string(record.fields.size()) + " 個"});
      continue;
    }
    Row row;
    row.line = record.line;
    std::vector<std::string> problems = check_staff_input(
        record.fields[0], record.fields[1], record.fields[2], record.fields[3], now, row.input);
    if (!problems.empty()) {
      std::string message = line_prefix(record.line);
      for (std::size_t k = 0; k < problems.size(); ++k) message += (k ? "；" : "") + problems[k];
      errors.push_back({record.line, message});
      continue;
    }
    row.hmac = national_id_hmac(secret, row.input.national_id);
    row.masked = mask_national_id(row.input.national_id);
    auto [it, inserted] = seen.emplace(row.hmac, record.line);
    if (!inserted) {
      errors.push_back({record.line, line_prefix(record.line) + "與第 " +
                                         std::to_string(it->second) + " 行是同一人（" + row.masked +
                                         " 重複）"});
      continue;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

// Problems only the database can tell. Returns the persons already known, by HMAC.
std::map<std::string, store::PersonRow> check_database(store::Db& db, std::int64_t school_id,
                                                       const std::string& school,
                                                       const std::vector<Row>& rows,
                                                       std::vector<LineError>& errors) {
  std::vector<std::string> hmacs;
  hmacs.reserve(rows.size());
  for (const Row& row : rows) hmacs.push_back(row.hmac);
  std::map<std::string, store::PersonRow> known = store::find_person_rows(db, hmacs);
  std::vector<std::int64_t> known_ids;
  for (const auto& [hmac, person] : known) known_ids.push_back(person.id);
  std::set<std::int64_t> staff_here = store::persons_with_staff_at(db, school_id, known_ids);
  for (const Row& row : rows) {
    auto it = known.find(row.hmac);
    if (it == known.end()) continue;
    if (it->second.birth_date != row.input.birth_date) {
      errors.push_back({row.line, line_prefix(row.line) + row.masked +
                                      " 已有人員資料，但出生日期與檔案中的不同；請確認出生日期"});
    } else if (staff_here.count(it->second.id)) {
      errors.push_back(
          {row.line, line_prefix(row.line) + row.masked + " 已是 " + school + " 的教職員"});
    }
  }
  return known;
}

void report(std::vector<LineError>& errors) {
  std::stable_sort(errors.begin(), errors.end());
  for (const LineError& e : errors) std::fprintf(stderr, "%s\n", e.message.c_str());
}

int run_staff_import(Ctl& ctl, const Options& options) {
  auto started = std::chrono::steady_clock::now();
  std::string code = trimmed(options.required("--school"));
  std::string path = options.positional().at(0);
  ctl.set_target("school:" + code);
  auto school = store::find_school_by_code(ctl.db(), code);
  if (!school) throw Refused("找不到學校代碼 " + code + "（請先以 xueji-ctl school add 建立學校）");
  std::string school_text = school_label(school->code, school->name);

  std::vector<LineError> errors;
  std::vector<Row> rows =
      check_file(parse_csv(read_input_file(path, kMaxFileBytes, "檔案超過 64 MB，請分批匯入")), ctl.config().secret, ctl.now(), errors);
  if (errors.empty() && rows.empty()) throw Refused("檔案中沒有任何教職員資料，未匯入");
  if (!errors.empty()) {
    report(errors);
    throw Refused("檔案有 " + std::to_string(errors.size()) +
                  " 行錯誤，未匯入任何資料；請修正後重新匯入整個檔案");
  }

  store::Db& db = ctl.db();
  std::size_t new_persons = 0;
  db.transaction([&] {
    errors.clear();
    std::map<std::string, store::PersonRow> known =
        check_database(db, school->id, school_text, rows, errors);
    if (!errors.empty()) return;
    std::vector<store::NewPerson> persons;
    std::vector<std::string> new_hmacs;
    for (const Row& row : rows) {
      if (known.count(row.hmac)) continue;
      persons.push_back({row.hmac, row.masked, row.input.birth_date});
      new_hmacs.push_back(row.hmac);
    }
    store::insert_persons(db, persons, ctl.now());
    for (auto& [hmac, person] : store::find_person_rows(db, new_hmacs)) known.emplace(hmac, person);
    std::vector<store::StaffRow> staff;
    staff.reserve(rows.size());
    for (const Row& row : rows) {
      staff.push_back({0, school->id, known.at(row.hmac).id, row.input.name, row.input.birth_date,
                       row.input.phone});
    }
    store::insert_staff_rows(db, staff, ctl.now());
    ctl.audit("staff.import", "school:" + code + " rows:" + std::to_string(rows.size()));
    new_persons = persons.size();
  });
  if (!errors.empty()) {
    report(errors);
    throw Refused("有 " + std::to_string(errors.size()) +
                  " 行與資料庫中的資料衝突，未匯入任何資料");
  }
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  char elapsed[32];
  std::snprintf(elapsed, sizeof elapsed, "%.2f", seconds);
  print_line("已匯入 " + std::to_string(rows.size()) + " 位教職員到 " + school_text +
             "（新建人員資料 " + std::to_string(new_persons) +
             " 筆，其餘沿用在他校已有的人員資料），耗時 " + elapsed + " 秒。");
  return kExitOk;
}

}  // namespace

const Command& staff_import_command() {
  static const Command command{
      "staff import",
      "staff import --school CODE FILE.csv",
      "從 CSV 檔匯入學校 CODE 的教職員（FILE 為 - 時讀標準輸入）。\n"
      "檔案為 UTF-8（可有 BOM），第一行是標題列：national_id,name,birth_date,phone\n"
      "之後每行一人，例如：A123456789,王小明,1985-03-14,0912-345-678（電話可留空）。\n"
      "先檢查整個檔案並列出每一行的錯誤（行號）；只要有一行錯誤就完全不匯入。\n"
      "檔案無誤時一次匯入全部資料（單一交易）。",
      {"--school"},
      {},
      1,
      1,
      "staff.import",
      run_staff_import};
  return command;
}

}  // namespace xueji::ctl
