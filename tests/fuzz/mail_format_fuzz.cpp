// mail_format_fuzz.cpp: the mail formatter never lets a value start a header of its own: an
// encoded subject decodes back to the text, keeps RFC 2047's line and word lengths, and a whole
// mail has exactly our headers, CRLF line ends only and a body that decodes back.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/crypto.h"
#include "core/mail_format.h"
#include "core/utf8.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

using namespace xueji;

constexpr std::string_view kWordPrefix = "=?UTF-8?B?";
constexpr std::string_view kWordSuffix = "?=";

bool printable_ascii(std::string_view text) {
  for (char c : text) {
    if (c < 0x20 || c > 0x7E) return false;
  }
  return true;
}

// No CR without LF after it, no LF without CR before it.
bool only_crlf(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n')) return false;
    if (text[i] == '\n' && (i == 0 || text[i - 1] != '\r')) return false;
  }
  return true;
}

std::vector<std::string_view> split(std::string_view text, std::string_view separator) {
  std::vector<std::string_view> parts;
  for (;;) {
    std::size_t at = text.find(separator);
    parts.push_back(text.substr(0, at));
    if (at == std::string_view::npos) return parts;
    text.remove_prefix(at + separator.size());
  }
}

std::string crlf_lines(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' || text[i] == '\n') {
      out += "\r\n";
      if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

void check_header_value(std::string_view text, std::size_t name_length) {
  std::string value = encode_header_text(text, name_length);
  if (value == text) {  // left as it was: short, printable, nothing that looks encoded
    FUZZ_CHECK(printable_ascii(text) && text.size() <= 60 && text.find("=?") == text.npos);
    return;
  }
  std::string decoded;
  bool first = true;
  for (std::string_view word : split(value, "\r\n ")) {
    FUZZ_CHECK(printable_ascii(word));
    FUZZ_CHECK(word.size() <= kMaxEncodedWordLength);
    FUZZ_CHECK((first ? name_length + 2 : 1) + word.size() <= kMaxEncodedLineLength);
    FUZZ_CHECK(word.starts_with(kWordPrefix) && word.ends_with(kWordSuffix));
    word.remove_prefix(kWordPrefix.size());
    word.remove_suffix(kWordSuffix.size());
    FUZZ_CHECK(!word.empty());
    auto bytes = crypto::base64_decode(word);
    FUZZ_CHECK(bytes.has_value());
    // Words are split between characters: readers decode each word on its own.
    if (is_valid_utf8(text)) FUZZ_CHECK(is_valid_utf8(*bytes));
    decoded += *bytes;
    first = false;
  }
  FUZZ_CHECK(decoded == text);
}

void check_mail(const MailMessage& mail) {
  std::string out;
  try {
    out = format_mail(mail);
  } catch (const std::invalid_argument&) {  // an unusable address or Message-ID
    return;
  }
  FUZZ_CHECK(only_crlf(out));
  FUZZ_CHECK(out.ends_with("\r\n"));
  std::size_t blank = out.find("\r\n\r\n");
  FUZZ_CHECK(blank != std::string::npos);
  static const std::vector<std::string_view> kNames = {
      "From",          "To",           "Subject",      "Date",
      "Message-ID",    "MIME-Version", "Content-Type", "Content-Transfer-Encoding",
      "Auto-Submitted"};
  std::vector<std::string_view> names;
  for (std::string_view line : split(std::string_view(out).substr(0, blank), "\r\n")) {
    FUZZ_CHECK(printable_ascii(line));
    FUZZ_CHECK(!line.empty());
    if (line.front() == ' ') {  // a folded continuation
      FUZZ_CHECK(!names.empty());
      continue;
    }
    std::size_t colon = line.find(": ");
    FUZZ_CHECK(colon != std::string_view::npos);
    names.push_back(line.substr(0, colon));
  }
  FUZZ_CHECK(names == kNames);

  std::string encoded;
  for (std::string_view line : split(std::string_view(out).substr(blank + 4), "\r\n")) {
    FUZZ_CHECK(line.size() <= kBase64LineLength);
    encoded += line;
  }
  auto body = crypto::base64_decode(encoded);
  FUZZ_CHECK(body.has_value());
  FUZZ_CHECK(*body == crlf_lines(mail.body));
}

}  // namespace

// Parts between 0xFF bytes: from, to, subject, body, Message-ID; the size also moves the date
// and the header name's length.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input = xueji::fuzz::as_text(data, size);
  auto parts = xueji::fuzz::split_parts(input, 5);

  check_header_value(parts[2], 7);          // "Subject"
  check_header_value(parts[2], size % 48);  // any header name up to 47 characters

  MailMessage mail;
  mail.from = parts[0];
  mail.to = parts[1];
  mail.subject = parts[2];
  mail.body = parts[3];
  mail.date = TimePoint{} + std::chrono::seconds(1785542400 + 7919 * static_cast<long>(size));
  mail.message_id = parts[4].empty()
                        ? message_id_for(static_cast<std::int64_t>(size), mail.date, mail.from)
                        : std::string(parts[4]);
  check_mail(mail);

  std::string address = mailbox_address(parts[0]);
  FUZZ_CHECK(address.empty() || (address.front() != ' ' && address.back() != ' '));
  if (is_plain_address(address)) {
    std::string id = message_id_for(42, mail.date, parts[0]);
    FUZZ_CHECK(printable_ascii(id) && id.front() == '<' && id.back() == '>');
    FUZZ_CHECK(id.find('@') == id.rfind('@'));
  }
  return 0;
}
