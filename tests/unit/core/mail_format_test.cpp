// mail_format_test.cpp: subjects as RFC 2047 words split between characters, base64 bodies,
// Date in Asia/Taipei, Message-ID — and a 40-character Chinese subject read back by Python's
// standard MIME parser.
#include "core/mail_format.h"

#include <cppunit/extensions/HelperMacros.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/utf8.h"

namespace xueji {
namespace {

using namespace std::chrono;

const std::string kSubject40 =
    "【國民中小學學籍管理系統２．０】電子郵件驗證通知信請於五分鐘內完成驗證以免失效。";

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find("\r\n", start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 2;
  }
  return lines;
}

int base64_value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

std::string base64_decode(const std::string& text) {
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  for (char c : text) {
    int v = base64_value(c);
    if (v < 0) continue;
    buffer = (buffer << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xFF);
    }
  }
  return out;
}

MailMessage sample() {
  MailMessage m;
  m.from = "學籍系統 <no-reply@example.org>";
  m.to = "teacher@example.org";
  m.subject = kSubject40;
  m.body = "王小明 您好：\n您的驗證代碼為 SB-617580。\n";
  m.message_id = "<1.2@example.org>";
  m.date = TimePoint{sys_days{year{2026} / 8 / 1}} + hours(3);
  return m;
}

// Runs the system's Python email parser on `message` and returns what it prints.
std::string python_parse(const std::string& message) {
  char path[] = "/tmp/xueji-mail-test-XXXXXX";
  int fd = mkstemp(path);
  CPPUNIT_ASSERT(fd >= 0);
  CPPUNIT_ASSERT_EQUAL(static_cast<ssize_t>(message.size()),
                       write(fd, message.data(), message.size()));
  close(fd);
  std::string command =
      "/usr/bin/python3 -c 'import sys\n"
      "from email import policy\n"
      "from email.parser import BytesParser\n"
      "m = BytesParser(policy=policy.default).parse(open(sys.argv[1], \"rb\"))\n"
      "sys.stdout.write(m[\"Subject\"] + \"\\n\" + str(m[\"From\"].addresses[0].display_name) + "
      "\"\\n\" + str(m[\"Date\"].datetime.isoformat()) + \"\\n\" + m.get_content())' ";
  command += path;
  FILE* pipe = popen(command.c_str(), "r");
  CPPUNIT_ASSERT(pipe != nullptr);
  std::string out;
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
  int status = pclose(pipe);
  unlink(path);
  CPPUNIT_ASSERT_EQUAL_MESSAGE("python3 email parser failed:\n" + out, 0, status);
  return out;
}

}  // namespace

class MailFormatTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(MailFormatTest);
  CPPUNIT_TEST(ascii_subject_stays_plain);
  CPPUNIT_TEST(chinese_subject_is_split_between_characters);
  CPPUNIT_TEST(every_header_line_fits);
  CPPUNIT_TEST(control_characters_cannot_inject_headers);
  CPPUNIT_TEST(body_is_base64_of_crlf_text_in_short_lines);
  CPPUNIT_TEST(date_is_taipei_time);
  CPPUNIT_TEST(message_id_is_stable_per_outbox_row);
  CPPUNIT_TEST(addresses);
  CPPUNIT_TEST(bad_recipient_is_refused);
  CPPUNIT_TEST(forty_chinese_characters_round_trip_through_python);
  CPPUNIT_TEST_SUITE_END();

 public:
  void ascii_subject_stays_plain() {
    CPPUNIT_ASSERT_EQUAL(std::string("xueji test"), encode_header_text("xueji test", 7));
    std::string long_ascii(100, 'a');
    CPPUNIT_ASSERT(encode_header_text(long_ascii, 7).rfind("=?UTF-8?B?", 0) == 0);
    // Text that looks like an encoded word is encoded, so a reader never decodes it by mistake.
    CPPUNIT_ASSERT(encode_header_text("=?x?=", 7).rfind("=?UTF-8?B?", 0) == 0);
  }

  void chinese_subject_is_split_between_characters() {
    CPPUNIT_ASSERT_EQUAL(std::size_t{40}, utf8_length(kSubject40));
    std::string value = encode_header_text(kSubject40, 7);
    std::string decoded;
    std::size_t words = 0;
    for (const std::string& line : split_lines(value)) {
      std::string word = line[0] == ' ' ? line.substr(1) : line;
      CPPUNIT_ASSERT(word.rfind("=?UTF-8?B?", 0) == 0);
      CPPUNIT_ASSERT(word.size() >= 12 && word.compare(word.size() - 2, 2, "?=") == 0);
      CPPUNIT_ASSERT(word.size() <= kMaxEncodedWordLength);
      std::string part = base64_decode(word.substr(10, word.size() - 12));
      // Each word holds whole characters: it is valid UTF-8 on its own.
      CPPUNIT_ASSERT_MESSAGE(part, is_valid_utf8(part));
      decoded += part;
      ++words;
    }
    CPPUNIT_ASSERT_EQUAL(kSubject40, decoded);
    CPPUNIT_ASSERT(words >= 3);
  }

  void every_header_line_fits() {
    std::string message = format_mail(sample());
    std::string headers = message.substr(0, message.find("\r\n\r\n"));
    for (const std::string& line : split_lines(headers)) {
      CPPUNIT_ASSERT_MESSAGE(line, line.size() <= kMaxEncodedLineLength);
      for (char c : line) CPPUNIT_ASSERT(c >= 0x20 && c < 0x7F);  // 7-bit headers only
    }
  }

  void control_characters_cannot_inject_headers() {
    MailMessage m = sample();
    m.subject = "hello\r\nBcc: victim@example.org";
    std::string message = format_mail(m);
    CPPUNIT_ASSERT(message.find("\r\nBcc:") == std::string::npos);
  }

  void body_is_base64_of_crlf_text_in_short_lines() {
    MailMessage m = sample();
    m.body = std::string(300, 'x') + "\n第二行\r\n第三行";
    std::string message = format_mail(m);
    std::string body = message.substr(message.find("\r\n\r\n") + 4);
    std::string joined;
    for (const std::string& line : split_lines(body)) {
      CPPUNIT_ASSERT(line.size() <= kBase64LineLength);
      joined += line;
    }
    CPPUNIT_ASSERT_EQUAL(std::string(300, 'x') + "\r\n第二行\r\n第三行", base64_decode(joined));
    CPPUNIT_ASSERT(message.find("Content-Type: text/plain; charset=UTF-8\r\n") !=
                   std::string::npos);
    CPPUNIT_ASSERT(message.find("Content-Transfer-Encoding: base64\r\n") != std::string::npos);
    CPPUNIT_ASSERT(message.find("MIME-Version: 1.0\r\n") != std::string::npos);
  }

  void date_is_taipei_time() {
    // 2026-07-31 16:00:00 UTC is Saturday 2026-08-01 00:00 in Taipei.
    TimePoint t = TimePoint{sys_days{year{2026} / 7 / 31}} + hours(16);
    CPPUNIT_ASSERT_EQUAL(std::string("Sat, 01 Aug 2026 00:00:00 +0800"), format_mail_date(t));
    TimePoint t2 = TimePoint{sys_days{year{2027} / 1 / 5}} + hours(1) + minutes(2) + seconds(3);
    CPPUNIT_ASSERT_EQUAL(std::string("Tue, 05 Jan 2027 09:02:03 +0800"), format_mail_date(t2));
  }

  void message_id_is_stable_per_outbox_row() {
    TimePoint t = TimePoint{sys_days{year{2026} / 8 / 1}} + microseconds(5);
    std::string id = message_id_for(42, t, "學籍系統 <no-reply@school.example.org>");
    CPPUNIT_ASSERT_EQUAL(std::string("<1785542400000005.42@school.example.org>"), id);
    CPPUNIT_ASSERT_EQUAL(id, message_id_for(42, t, "no-reply@school.example.org"));
    CPPUNIT_ASSERT(id != message_id_for(43, t, "no-reply@school.example.org"));
    CPPUNIT_ASSERT(message_id_for(1, t, "nobody").find("@xueji.localhost>") != std::string::npos);
  }

  void addresses() {
    CPPUNIT_ASSERT_EQUAL(std::string("a@b.tw"), mailbox_address("  a@b.tw "));
    CPPUNIT_ASSERT_EQUAL(std::string("a@b.tw"), mailbox_address("學籍 <a@b.tw>"));
    CPPUNIT_ASSERT(is_plain_address("first.last+tag@school.edu.tw"));
    CPPUNIT_ASSERT(!is_plain_address(""));
    CPPUNIT_ASSERT(!is_plain_address("no-at-sign"));
    CPPUNIT_ASSERT(!is_plain_address("@b.tw"));
    CPPUNIT_ASSERT(!is_plain_address("a@"));
    CPPUNIT_ASSERT(!is_plain_address("a@b@c"));
    CPPUNIT_ASSERT(!is_plain_address("a b@c.tw"));
    CPPUNIT_ASSERT(!is_plain_address("a@b.tw\r\nRCPT TO:<x@y>"));
    CPPUNIT_ASSERT(!is_plain_address("王@b.tw"));
    CPPUNIT_ASSERT(!is_plain_address(std::string(250, 'a') + "@b.tw"));
  }

  void bad_recipient_is_refused() {
    MailMessage m = sample();
    m.to = "x@y\r\nBcc: z@w";
    CPPUNIT_ASSERT_THROW(format_mail(m), std::invalid_argument);
    m = sample();
    m.from = "nobody";
    CPPUNIT_ASSERT_THROW(format_mail(m), std::invalid_argument);
  }

  void forty_chinese_characters_round_trip_through_python() {
    std::string out = python_parse(format_mail(sample()));
    std::istringstream lines(out);
    std::string subject, from_name, date;
    std::getline(lines, subject);
    std::getline(lines, from_name);
    std::getline(lines, date);
    std::string body((std::istreambuf_iterator<char>(lines)), std::istreambuf_iterator<char>());
    CPPUNIT_ASSERT_EQUAL(kSubject40, subject);
    CPPUNIT_ASSERT_EQUAL(std::string("學籍系統"), from_name);
    CPPUNIT_ASSERT_EQUAL(std::string("2026-08-01T11:00:00+08:00"), date);
    CPPUNIT_ASSERT_EQUAL(std::string("王小明 您好：\r\n您的驗證代碼為 SB-617580。\r\n"), body);
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(MailFormatTest);

}  // namespace xueji
