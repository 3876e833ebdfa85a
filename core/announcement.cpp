// announcement.cpp: the rules of core/announcement.h.
#include "core/announcement.h"

#include "core/utf8.h"

namespace xueji {
namespace {

std::size_t utf8_chars(std::string_view text) {
  std::size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

std::string_view trim(std::string_view line) {
  while (!line.empty() && (line.front() == ' ' || line.front() == '\t' || line.front() == '\r')) {
    line.remove_prefix(1);
  }
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) {
    line.remove_suffix(1);
  }
  return line;
}

AnnouncementParagraph parts_of(std::string_view line) {
  AnnouncementParagraph parts;
  while (!line.empty()) {
    std::size_t at = line.find(kManualWords);
    if (at != 0) parts.push_back({std::string(line.substr(0, at)), false});
    if (at == std::string_view::npos) break;
    parts.push_back({std::string(kManualWords), true});
    line.remove_prefix(at + kManualWords.size());
  }
  return parts;
}

}  // namespace

std::vector<std::string> announcement_problems(std::string_view text) {
  std::vector<std::string> problems;
  if (!is_valid_utf8(text)) {
    problems.push_back("公告須為 UTF-8 文字檔");
    return problems;
  }
  if (announcement_paragraphs(text).empty()) problems.push_back("公告不得為空白");
  if (utf8_chars(text) > kMaxAnnouncementChars) {
    problems.push_back("公告最多 " + std::to_string(kMaxAnnouncementChars) + " 字");
  }
  for (unsigned char c : text) {
    if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7F) {
      problems.push_back("公告不得含有控制字元");
      break;
    }
  }
  return problems;
}

std::vector<AnnouncementParagraph> announcement_paragraphs(std::string_view text) {
  std::vector<AnnouncementParagraph> paragraphs;
  while (!text.empty()) {
    std::size_t end = text.find('\n');
    std::string_view line = trim(text.substr(0, end));
    if (!line.empty()) paragraphs.push_back(parts_of(line));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return paragraphs;
}

}  // namespace xueji
