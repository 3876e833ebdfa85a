// duty_command.cpp: `xueji-ctl duty assign` — a duty (職務) for a staff member in one school year.
#include "core/national_id.h"
#include "core/personal_data.h"
#include "ctl/cli.h"
#include "core/staff_fields.h"
#include "sql/staff_store.h"

namespace xueji::ctl {
namespace {

int run_duty_assign(Ctl& ctl, const Options& options) {
  std::string code = trimmed(options.required("--school"));
  std::string duty = trimmed(options.required("--duty"));
  ctl.set_target("school:" + code);
  std::string id;
  if (std::string p = national_id_problem(options.required("--national-id"), id); !p.empty()) {
    throw Refused(p);
  }
  if (!is_known_duty(duty)) {
    throw Refused("不認得的職務「" + duty + "」；可用的職務：" + known_duties_text());
  }
  int year = options.get("--year") ? school_year_option(ctl, options.get("--year"))
                                   : effective_school_year(ctl);
  std::string masked = mask_national_id(id);
  std::string target =
      "school:" + code + " person:" + masked + " year:" + std::to_string(year) + " duty:" + duty;
  ctl.set_target(target);

  store::Db& db = ctl.db();
  auto school = store::find_school_by_code(db, code);
  if (!school) throw Refused("找不到學校代碼 " + code + "（請先以 xueji-ctl school add 建立學校）");
  std::string school_text = school_label(school->code, school->name);
  auto person = store::find_person_row(db, national_id_hmac(ctl.config().secret, id));
  auto staff = person ? store::find_staff_row(db, school->id, person->id) : std::nullopt;
  if (!staff) {
    throw Refused(masked + " 不是 " + school_text +
                  " 的教職員（請先以 xueji-ctl staff add 建立聘約）");
  }
  bool added = db.transaction([&] {
    bool inserted = store::insert_duty(db, staff->id, year, duty, ctl.now());
    ctl.audit(inserted ? "duty.assign" : "duty.assign.unchanged", target);
    return inserted;
  });
  std::string what = std::to_string(year) + " 學年度職務「" + duty + "」";
  if (added) {
    print_line("已指派 " + what + "給 " + staff->name + "（" + masked + "），" + school_text +
               "。");
  } else {
    print_line(staff->name + "（" + masked + "）在 " + school_text + " 本來就有 " + what +
               "，未變更。");
  }
  return kExitOk;
}

}  // namespace

const Command& duty_assign_command() {
  static const Command command{
      "duty assign",
      "duty assign --school CODE --national-id ID --duty DUTY [--year ROC_YEAR]",
      "指派一項職務給學校 CODE 的教職員（須已有聘約），職務按學年度分開。\n"
      "  DUTY      校長、教務、人事、學務、總務、輔導、導師、任課教師、例外人員、學校權限AA、\n"
      "            校長代理人 之一\n"
      "  ROC_YEAR  民國學年度（例如 115 = 2026-08-01 至 2027-07-31）；預設為目前啟用的學年度，\n"
      "            尚未啟用任何學年度時為今天（臺北時間）所屬的學年度。\n"
      "已有同一職務時不重複新增（結束代碼 0）。",
      {"--school", "--national-id", "--duty", "--year"},
      {},
      0,
      0,
      "duty.assign",
      run_duty_assign};
  return command;
}

}  // namespace xueji::ctl
