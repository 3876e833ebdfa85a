// school_command.cpp: `xueji-ctl school add|list` — the schools staff records belong to.
#include "ctl/cli.h"
#include "core/staff_fields.h"
#include "sql/staff_store.h"

namespace xueji::ctl {
namespace {

int run_school_add(Ctl& ctl, const Options& options) {
  std::string code = trimmed(options.required("--code"));
  std::string name = trimmed(options.required("--name"));
  ctl.set_target("school:" + code);
  if (std::string p = school_code_problem(code); !p.empty()) throw Refused(p);
  if (std::string p = school_name_problem(name); !p.empty()) throw Refused(p);

  store::Db& db = ctl.db();
  auto id = db.transaction([&] {
    auto new_id = store::insert_school(db, code, name, ctl.now());
    if (new_id) ctl.audit("school.add", "school:" + code);
    return new_id;
  });
  if (!id) {
    auto existing = store::find_school_by_code(db, code);
    throw Refused("學校代碼 " + code + " 已存在" +
                  (existing ? "（" + existing->name + "）" : std::string()) + "，未新增");
  }
  print_line("已新增學校 " + school_label(code, name) + "。");
  return kExitOk;
}

int run_school_list(Ctl& ctl, const Options&) {
  std::vector<store::SchoolRow> schools = store::list_schools(ctl.db());
  if (schools.empty())
    print_line("尚未建立任何學校（xueji-ctl school add --code CODE --name NAME）。");
  for (const store::SchoolRow& school : schools) print_line(school.code + "\t" + school.name);
  ctl.audit("school.list", std::to_string(schools.size()) + " schools");
  return kExitOk;
}

}  // namespace

const Command& school_add_command() {
  static const Command command{
      "school add",
      "school add --code CODE --name NAME",
      "新增一所學校。CODE 為學校代碼（1 至 16 個英數字，例如 193601），NAME 為校名。\n"
      "代碼已存在時拒絕。",
      {"--code", "--name"},
      {},
      0,
      0,
      "school.add",
      run_school_add};
  return command;
}

const Command& school_list_command() {
  static const Command command{"school list",
                               "school list",
                               "列出所有學校：每行「代碼<TAB>校名」，依代碼排序。",
                               {},
                               {},
                               0,
                               0,
                               "school.list",
                               run_school_list};
  return command;
}

}  // namespace xueji::ctl
