// posts_command.cpp: `xueji-ctl posts set|show` — the county's approved staffing (核定員額編制):
// how many holders of each administrative duty a school may have. The AA console assigns
// administrative duties only within it (「縣市必須先核定員額編制，學校方能配置各處室行政人員」).
#include "core/school_roles.h"
#include "core/staff_fields.h"
#include "ctl/cli.h"
#include "sql/school_admin_store.h"

namespace xueji::ctl {
namespace {

constexpr int kMaxPosts = 999;

store::SchoolRow school_or_refuse(Ctl& ctl, const std::string& code) {
  auto school = store::find_school_by_code(ctl.db(), code);
  if (!school) throw Refused("找不到學校代碼 " + code + "（請先以 xueji-ctl school add 建立學校）");
  return *school;
}

int parse_count(const std::string& text) {
  if (text.empty() || text.size() > 3) return -1;
  int n = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return -1;
    n = n * 10 + (c - '0');
  }
  return n;
}

int run_posts_set(Ctl& ctl, const Options& options) {
  std::string code = trimmed(options.required("--school"));
  std::string duty = trimmed(options.required("--duty"));
  std::string count_text = trimmed(options.required("--count"));
  std::string target = "school:" + code + " duty:" + duty + " count:" + count_text;
  ctl.set_target(target);
  if (!is_administrative_duty(duty)) {
    throw Refused("「" + duty + "」不是行政職務；核定員額只適用於：" +
                  [] {
                    std::string text;
                    for (std::string_view d : kDuties) {
                      if (!is_administrative_duty(d)) continue;
                      text += (text.empty() ? "" : "、") + std::string(d);
                    }
                    return text;
                  }());
  }
  int count = parse_count(count_text);
  if (count < 0 || count > kMaxPosts) {
    throw Refused("--count 須為 0 至 " + std::to_string(kMaxPosts) + " 的整數，不是「" +
                  count_text + "」");
  }
  store::SchoolRow school = school_or_refuse(ctl, code);
  store::Db& db = ctl.db();
  db.transaction([&] {
    store::set_posts(db, school.id, duty, count, ctl.now());
    ctl.audit("posts.set", target);
  });
  print_line("已核定 " + school_label(school.code, school.name) + " 的「" + duty + "」員額 " +
             std::to_string(count) + " 人。");
  return kExitOk;
}

int run_posts_show(Ctl& ctl, const Options& options) {
  std::string code = trimmed(options.required("--school"));
  ctl.set_target("school:" + code);
  store::SchoolRow school = school_or_refuse(ctl, code);
  int year = effective_school_year(ctl);
  auto posts = store::list_posts(ctl.db(), school.id, year);
  print_line(school_label(school.code, school.name) + "：" + std::to_string(year) +
             " 學年度行政職務（核定／已配置）");
  for (const store::PostCount& p : posts) {
    if (!is_administrative_duty(p.duty)) continue;
    print_line("  " + p.duty + "\t" + std::to_string(p.approved) + "／" +
               std::to_string(p.assigned));
  }
  ctl.audit("posts.show", "school:" + code);
  return kExitOk;
}

}  // namespace

const Command& posts_set_command() {
  static const Command command{
      "posts set",
      "posts set --school CODE --duty DUTY --count N",
      "設定縣市核定的員額編制：學校 CODE 的行政職務 DUTY 可配置 N 人（0 至 999）。\n"
      "學校權限AA帳號只能在核定員額內配置行政職務；未核定的職務不能配置。",
      {"--school", "--duty", "--count"},
      {},
      0,
      0,
      "posts.set",
      run_posts_set};
  return command;
}

const Command& posts_show_command() {
  static const Command command{
      "posts show", "posts show --school CODE",
      "列出學校 CODE 各行政職務的核定員額與目前啟用學年度已配置的人數。",
      {"--school"}, {}, 0, 0, "posts.show", run_posts_show};
  return command;
}

}  // namespace xueji::ctl
