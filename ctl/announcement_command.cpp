// announcement_command.cpp: `xueji-ctl announcement set FILE|show` — the login page's 系統公告,
// site content that changes each term (site_texts 'announcement', core/announcement.h).
#include "core/announcement.h"
#include "ctl/cli.h"
#include "sql/site_text_store.h"

namespace xueji::ctl {
namespace {

constexpr std::size_t kMaxFileBytes = 64 * 1024;

int run_announcement_set(Ctl& ctl, const Options& options) {
  const std::string& path = options.positional().at(0);
  std::string text = read_input_file(path, kMaxFileBytes, "公告檔案超過 64 KB");
  std::vector<std::string> problems = announcement_problems(text);
  if (!problems.empty()) {
    std::string joined;
    for (const std::string& p : problems) joined += (joined.empty() ? "" : "；") + p;
    throw Refused(joined);
  }
  store::write_site_text(ctl.db(), store::kAnnouncementText, text, ctl.now());
  std::size_t paragraphs = announcement_paragraphs(text).size();
  ctl.audit("announcement.set", "paragraphs:" + std::to_string(paragraphs));
  print_line("已更新系統公告（" + std::to_string(paragraphs) + " 段），登入頁面立即顯示新的公告。");
  return kExitOk;
}

int run_announcement_show(Ctl& ctl, const Options&) {
  auto text = store::read_site_text(ctl.db(), store::kAnnouncementText);
  print_line(text ? *text : "（目前沒有系統公告）");
  return kExitOk;
}

}  // namespace

const Command& announcement_set_command() {
  static const Command command{
      "announcement set",
      "announcement set FILE",
      "以 FILE（UTF-8 文字檔，「-」為標準輸入）取代登入頁面的系統公告：每一行為一段，\n"
      "空白行略過，最多 3000 字；文字原樣顯示（不解讀 HTML），其中的「操作手冊」連到操作手冊。",
      {},
      {},
      1,
      1,
      "announcement.set",
      run_announcement_set};
  return command;
}

const Command& announcement_show_command() {
  static const Command command{"announcement show",
                               "announcement show",
                               "顯示目前登入頁面的系統公告文字。",
                               {},
                               {},
                               0,
                               0,
                               "announcement.show",
                               run_announcement_show};
  return command;
}

}  // namespace xueji::ctl
