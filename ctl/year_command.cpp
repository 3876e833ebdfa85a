// year_command.cpp: `xueji-ctl year activate|show` — the active school year (啟用學年度), which
// decides whose duties count at login; switching is forward only unless forced.
#include "core/school_year.h"
#include "ctl/cli.h"
#include "sql/settings_store.h"
#include "sql/staff_store.h"

namespace xueji::ctl {
namespace {

std::string year_text(int year) { return std::to_string(year) + " 學年度"; }

void print_duty_counts(Ctl& ctl, int year) {
  auto counts = store::duty_counts_per_school(ctl.db(), year);
  if (counts.empty()) {
    print_line("尚未建立任何學校。");
    return;
  }
  print_line("各校在 " + year_text(year) + "有職務的教職員人數：");
  for (const store::SchoolDutyCount& c : counts) {
    print_line("  " + school_label(c.code, c.name) + "：" + std::to_string(c.staff_with_duties) +
               " 人（全校教職員 " + std::to_string(c.staff_total) + " 人）");
  }
}

int run_year_activate(Ctl& ctl, const Options& options) {
  const std::string& text = options.positional().at(0);
  ctl.set_target("year:" + text);
  auto year = parse_roc_year(text);
  if (!year) {
    throw Refused("學年度須為民國年，例如 115（範圍 " + std::to_string(kMinRocSchoolYear) + " 至 " +
                  std::to_string(kMaxRocSchoolYear) + "），不是「" + text + "」");
  }
  bool force = options.flag("--force");
  store::Db& db = ctl.db();
  std::optional<int> before = db.transaction([&] {
    std::optional<int> current = store::lock_active_school_year(db);
    if (current && *year < *current && !force) {
      throw Refused("目前啟用的是 " + year_text(*current) + "，只能改為較新的學年度；確定要改回 " +
                    year_text(*year) + "請加上 --force");
    }
    if (current != year) {
      store::set_active_school_year(db, *year, ctl.now());
      std::string target = "year:" + std::to_string(*year) +
                           " from:" + (current ? std::to_string(*current) : std::string("none")) +
                           (force ? " forced" : "");
      ctl.audit("year.activate", target);
    } else {
      ctl.audit("year.activate.unchanged", "year:" + std::to_string(*year));
    }
    return current;
  });
  if (before == year) {
    print_line(year_text(*year) + "本來就是啟用中的學年度，未變更。");
  } else {
    print_line(
        "已啟用 " + year_text(*year) +
        (before ? "（原為 " + year_text(*before) + "）" : std::string("（先前未啟用任何學年度）")) +
        "。");
  }
  print_duty_counts(ctl, *year);
  return kExitOk;
}

int run_year_show(Ctl& ctl, const Options&) {
  std::optional<int> active = store::active_school_year(ctl.db());
  int today = school_year_at(ctl.now());
  if (active) {
    print_line("目前啟用的是 " + year_text(*active) + "（依今天的日期為 " + year_text(today) +
               "）。");
  } else {
    print_line("尚未啟用任何學年度；各指令以今天的日期所屬的 " + year_text(today) + "為準。");
  }
  print_duty_counts(ctl, active.value_or(today));
  ctl.audit("year.show", "year:" + std::to_string(active.value_or(today)));
  return kExitOk;
}

}  // namespace

int effective_school_year(Ctl& ctl) {
  if (auto active = store::active_school_year(ctl.db())) return *active;
  return school_year_at(ctl.now());
}

int school_year_option(Ctl&, const std::optional<std::string>& text) {
  auto year = parse_roc_year(text.value_or(""));
  if (!year) {
    throw Refused("學年度須為民國年，例如 115（範圍 " + std::to_string(kMinRocSchoolYear) + " 至 " +
                  std::to_string(kMaxRocSchoolYear) + "），不是「" + text.value_or("") + "」");
  }
  return *year;
}

const Command& year_activate_command() {
  static const Command command{
      "year activate",
      "year activate ROC_YEAR [--force]",
      "啟用新學年度（民國年，例如 115 = 2026-08-01 至 2027-07-31）。登入時只看啟用學年度的職務。\n"
      "只能往後切換；要改回較舊的學年度須加 --force。完成後列出各校在該學年度有職務的教職員人數。",
      {},
      {"--force"},
      1,
      1,
      "year.activate",
      run_year_activate};
  return command;
}

const Command& year_show_command() {
  static const Command command{
      "year show", "year show", "顯示目前啟用的學年度，以及各校在該學年度有職務的教職員人數。",
      {},          {},          0,
      0,           "year.show", run_year_show};
  return command;
}

}  // namespace xueji::ctl
