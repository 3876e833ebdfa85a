// staff_command.cpp: `xueji-ctl staff add|list` — one staff record (教職員聘約) at a time. The ID
// number is kept only as its HMAC and masked form; the same person at two schools is one
// persons row with two staff rows.
#include "core/national_id.h"
#include "core/personal_data.h"
#include "ctl/cli.h"
#include "core/staff_fields.h"
#include "sql/school_admin_store.h"

namespace xueji::ctl {
namespace {

std::string join(const std::vector<std::string>& parts, const std::string& separator) {
  std::string out;
  for (const std::string& part : parts) out += (out.empty() ? "" : separator) + part;
  return out;
}

store::SchoolRow school_or_refuse(Ctl& ctl, const std::string& code) {
  auto school = store::find_school_by_code(ctl.db(), code);
  if (!school) throw Refused("找不到學校代碼 " + code + "（請先以 xueji-ctl school add 建立學校）");
  return *school;
}

int run_staff_add(Ctl& ctl, const Options& options) {
  std::string code = trimmed(options.required("--school"));
  ctl.set_target("school:" + code);
  StaffInput input;
  std::vector<std::string> problems = check_staff_input(
      options.required("--national-id"), options.required("--name"),
      options.required("--birth-date"), options.get("--phone").value_or(""), ctl.now(), input);
  if (options.get("--phone") && trimmed(*options.get("--phone")).empty()) {
    problems.emplace_back("--phone 不可為空白（不填電話請省略此選項）");
  }
  if (!problems.empty()) throw Refused(join(problems, "；"));

  store::SchoolRow school = school_or_refuse(ctl, code);
  std::string masked = mask_national_id(input.national_id);
  std::string hmac = national_id_hmac(ctl.config().secret, input.national_id);
  std::string target = "school:" + code + " person:" + masked;
  ctl.set_target(target);

  store::Db& db = ctl.db();
  store::NewStaff staff{hmac, masked, input.name, input.birth_date, input.phone};
  store::AddStaffResult result = db.transaction([&] {
    auto r = store::add_staff(db, school.id, staff, effective_school_year(ctl), ctl.now());
    if (r == store::AddStaffResult::kBirthDateDiffers) {
      throw Refused("此身分證/外籍人士統一證號（" + masked +
                    "）已有人員資料，但出生日期與這次輸入的不同；請確認出生日期");
    }
    if (r == store::AddStaffResult::kAlreadyStaff) {
      throw Refused(masked + " 已是 " + school_label(school.code, school.name) +
                    " 的教職員，未重複新增");
    }
    ctl.audit("staff.add", target);
    return r;
  });
  bool new_person = result == store::AddStaffResult::kAdded;
  print_line("已新增教職員 " + input.name + "（" + masked + "，" + format_date(input.birth_date) +
             (input.phone ? "，" + *input.phone : std::string()) + "）到 " +
             school_label(school.code, school.name) + "。" +
             (result == store::AddStaffResult::kRestored
                  ? "此人本學年度曾自本校移除，已恢復其聘約。"
              : new_person ? ""
                           : "此人在其他學校已有聘約，沿用同一筆人員資料。"));
  return kExitOk;
}

int run_staff_list(Ctl& ctl, const Options& options) {
  std::string code = trimmed(options.required("--school"));
  ctl.set_target("school:" + code);
  int year = options.get("--year") ? school_year_option(ctl, options.get("--year"))
                                   : effective_school_year(ctl);
  store::SchoolRow school = school_or_refuse(ctl, code);
  auto rows = store::list_staff(ctl.db(), school.id, year);
  print_line(school_label(school.code, school.name) + "：教職員 " + std::to_string(rows.size()) +
             " 人（職務為 " + std::to_string(year) + " 學年度）");
  for (const store::StaffListing& row : rows) {
    print_line(row.id_masked + "\t" + row.name + "\t" + format_date(row.birth_date) + "\t" +
               row.phone.value_or("-") + "\t" +
               (row.duties.empty() ? "（無職務）" : join(row.duties, "、")) + "\t" +
               (row.has_account ? "已有帳號" : "尚無帳號") +
               (row.removed ? "\t（本學年度已自本校移除）" : ""));
  }
  ctl.audit("staff.list", "school:" + code);
  return kExitOk;
}

}  // namespace

const Command& staff_add_command() {
  static const Command command{
      "staff add",
      "staff add --school CODE --national-id ID --name NAME --birth-date YYYY-MM-DD [--phone P]",
      "在學校 CODE 新增一筆教職員聘約。\n"
      "  ID          身分證字號或外籍人士統一證號（檢查碼須正確；只保存雜湊值與遮罩 A12****789）\n"
      "  NAME        姓名（最多 50 個字）\n"
      "  YYYY-MM-DD  出生日期（實際存在的日期，1900-01-01 至今天）\n"
      "  P           聯絡電話：手機 0912-345-678 或含區碼市話 02-2345-6789#123\n"
      "同一人在另一所學校已有聘約時沿用同一筆人員資料（出生日期須相同）；同校重複時拒絕。",
      {"--school", "--national-id", "--name", "--birth-date", "--phone"},
      {},
      0,
      0,
      "staff.add",
      run_staff_add};
  return command;
}

const Command& staff_list_command() {
  static const Command command{
      "staff list",
      "staff list --school CODE [--year ROC_YEAR]",
      "列出學校 CODE 的教職員：遮罩後的證號、姓名、出生日期、電話、該學年度的職務、是否已有帳號。\n"
      "學年度預設為目前啟用的學年度。",
      {"--school", "--year"},
      {},
      0,
      0,
      "staff.list",
      run_staff_list};
  return command;
}

}  // namespace xueji::ctl
