// announcement.h: the 系統公告 as text (site_texts 'announcement'): what may be stored, and how it
// is cut into paragraphs and parts for the login page, where every 「操作手冊」 links to it.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace xueji {

inline constexpr std::size_t kMaxAnnouncementChars = 3000;
inline constexpr std::string_view kManualWords = "操作手冊";

struct AnnouncementPart {
  std::string text;
  bool manual_link = false;  // the words 操作手冊, shown as a link to the manual
};
using AnnouncementParagraph = std::vector<AnnouncementPart>;

// What is wrong with a new announcement, in zh-TW; empty when it may be stored.
std::vector<std::string> announcement_problems(std::string_view text);
// One paragraph per non-blank line (spaces at either end dropped, CR ignored).
std::vector<AnnouncementParagraph> announcement_paragraphs(std::string_view text);

}  // namespace xueji
