// staff_import_command.cpp: `xueji-ctl staff import` — a school's staff from a UTF-8 CSV file,
// all or nothing: every line is checked first (each bad line reported by number), then the
// database (same person with another birth date, already staff here), and only a wholly valid
// file is written, in one transaction of multi-row INSERTs.
#include <algorithm>
#include <chrono>
#include <cstdio>

#include "core/staff_csv.h"
#include "ctl/cli.h"
#include "sql/school_admin_store.h"

namespace xueji::ctl {
namespace {

constexpr std::size_t kMaxFileBytes = 64u << 20;  // far above 10,000 lines, far below harm

struct LineError {
  int line = 0;
  std::string message;
  bool operator<(const LineError& other) const { return line < other.line; }
};

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
  StaffCsvCheck checked = check_staff_csv(
      read_input_file(path, kMaxFileBytes, "檔案超過 64 MB，請分批匯入"), ctl.config().secret,
      ctl.now());
  for (const StaffCsvError& e : checked.errors) errors.push_back({e.line, e.message});
  if (errors.empty() && checked.rows.empty()) throw Refused("檔案中沒有任何教職員資料，未匯入");
  if (!errors.empty()) {
    report(errors);
    throw Refused("檔案有 " + std::to_string(errors.size()) +
                  " 行錯誤，未匯入任何資料；請修正後重新匯入整個檔案");
  }
  std::vector<store::ImportRow> rows;
  rows.reserve(checked.rows.size());
  for (const StaffCsvLine& r : checked.rows) {
    rows.push_back({r.line, r.id_hmac, r.id_masked, r.input.name, r.input.birth_date,
                    r.input.phone});
  }

  store::Db& db = ctl.db();
  std::size_t new_persons = 0;
  db.transaction([&] {
    errors.clear();
    for (const auto& c : store::import_staff(db, school->id, school_text, rows, ctl.now(),
                                             new_persons)) {
      errors.push_back({c.line, c.message});
    }
    if (!errors.empty()) return;
    ctl.audit("staff.import", "school:" + code + " rows:" + std::to_string(rows.size()));
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
