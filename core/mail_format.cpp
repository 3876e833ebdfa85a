// mail_format.cpp: MIME headers and body of an outgoing mail (RFC 5322, 2045, 2047).
#include "core/mail_format.h"

#include <cstdio>
#include <ctime>
#include <stdexcept>

#include "core/crypto.h"
#include "core/taipei_time.h"

namespace xueji {
namespace {

constexpr std::string_view kWordPrefix = "=?UTF-8?B?";
constexpr std::string_view kWordSuffix = "?=";
// Plain ASCII values longer than this are encoded too, so they are folded like the rest.
constexpr std::size_t kMaxPlainHeaderLength = 60;

bool is_printable_ascii(std::string_view text) {
  for (char c : text) {
    if (c < 0x20 || c > 0x7E) return false;
  }
  return true;
}

// Length in bytes of the UTF-8 character whose first byte is b (1 for a stray byte, so a
// malformed subject is still split somewhere rather than looping).
std::size_t utf8_char_length(unsigned char b) {
  if (b >= 0xF0 && b <= 0xF4) return 4;
  if (b >= 0xE0) return 3;
  if (b >= 0xC2 && b <= 0xDF) return 2;
  return 1;
}

// How many raw bytes fit in one encoded word that may take `room` characters.
std::size_t bytes_for_room(std::size_t room) {
  std::size_t overhead = kWordPrefix.size() + kWordSuffix.size();
  if (room > kMaxEncodedWordLength) room = kMaxEncodedWordLength;
  if (room <= overhead + 4) return 3;  // never less than one whole character's worth
  return (room - overhead) / 4 * 3;
}

std::string to_crlf(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 40);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      out += "\r\n";
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else if (text[i] == '\n') {
      out += "\r\n";
    } else {
      out += text[i];
    }
  }
  return out;
}

std::string wrap_base64(std::string_view data) {
  std::string encoded = crypto::base64(data);
  std::string out;
  for (std::size_t i = 0; i < encoded.size(); i += kBase64LineLength) {
    out.append(encoded, i, kBase64LineLength);
    out += "\r\n";
  }
  return out;
}

std::string domain_of(std::string_view address) {
  std::size_t at = address.rfind('@');
  if (at == std::string_view::npos || at + 1 >= address.size()) return "xueji.localhost";
  return std::string(address.substr(at + 1));
}

// Always-encoded form of encode_header_text: words split between UTF-8 characters, folded.
std::string encoded_words(std::string_view text, std::size_t header_name_length) {
  std::string out;
  // The first line also holds "Name: "; continuation lines start with one space.
  std::size_t room = kMaxEncodedLineLength - (header_name_length + 2);
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t budget = bytes_for_room(room);
    std::size_t end = i;
    while (end < text.size()) {
      std::size_t next = end + utf8_char_length(static_cast<unsigned char>(text[end]));
      if (next > text.size()) next = text.size();
      if (next - i > budget && end > i) break;
      end = next;
    }
    if (!out.empty()) out += "\r\n ";
    out += kWordPrefix;
    out += crypto::base64(text.substr(i, end - i));
    out += kWordSuffix;
    i = end;
    room = kMaxEncodedLineLength - 1;
  }
  return out;
}

// The From header's value: the display name (encoded when not plain ASCII) and the address.
std::string from_header_value(std::string_view from) {
  std::string address = mailbox_address(from);
  std::size_t open = from.find('<');
  if (open == std::string_view::npos) return address;
  std::string_view name = from.substr(0, open);
  while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
  while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
  if (name.empty()) return address;
  // A name with specials would need quoting; encoding it instead is just as valid and simpler.
  bool plain =
      is_printable_ascii(name) && name.find_first_of("\"\\()<>[]:;@,.") == std::string_view::npos;
  std::string shown = plain ? std::string(name) : encoded_words(name, 4);
  return shown + " <" + address + ">";
}

}  // namespace

std::string encode_header_text(std::string_view text, std::size_t header_name_length) {
  if (is_printable_ascii(text) && text.size() <= kMaxPlainHeaderLength &&
      text.find("=?") == std::string_view::npos) {
    return std::string(text);
  }
  return encoded_words(text, header_name_length);
}

std::string format_mail_date(TimePoint t) {
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  auto local = std::chrono::floor<std::chrono::seconds>(t + kTaipeiUtcOffset);
  std::time_t secs = static_cast<std::time_t>(local.time_since_epoch().count());
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d +0800", kDays[tm.tm_wday],
                tm.tm_mday, kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
                tm.tm_sec);
  return buf;
}

std::string message_id_for(std::int64_t outbox_id, TimePoint queued_at, std::string_view from) {
  auto micros =
      std::chrono::duration_cast<std::chrono::microseconds>(queued_at.time_since_epoch()).count();
  return "<" + std::to_string(micros) + "." + std::to_string(outbox_id) + "@" +
         domain_of(mailbox_address(from)) + ">";
}

std::string mailbox_address(std::string_view from) {
  std::size_t open = from.find('<');
  std::size_t close = from.rfind('>');
  if (open != std::string_view::npos && close != std::string_view::npos && close > open) {
    from = from.substr(open + 1, close - open - 1);
  }
  while (!from.empty() && from.front() == ' ') from.remove_prefix(1);
  while (!from.empty() && from.back() == ' ') from.remove_suffix(1);
  return std::string(from);
}

bool is_plain_address(std::string_view address) {
  if (address.empty() || address.size() > 254) return false;
  std::size_t at = address.find('@');
  if (at == 0 || at == std::string_view::npos || at + 1 >= address.size()) return false;
  if (address.find('@', at + 1) != std::string_view::npos) return false;
  for (char c : address) {
    if (c <= 0x20 || c >= 0x7F || c == '<' || c == '>' || c == '"' || c == '\\' || c == ',' ||
        c == ';' || c == '(' || c == ')') {
      return false;
    }
  }
  return true;
}

std::string format_mail(const MailMessage& mail) {
  std::string from_address = mailbox_address(mail.from);
  if (!is_plain_address(from_address)) {
    throw std::invalid_argument("unusable sender address (XUEJI_MAIL_FROM)");
  }
  if (!is_plain_address(mail.to)) throw std::invalid_argument("unusable recipient address");
  if (!is_printable_ascii(mail.message_id)) throw std::invalid_argument("bad Message-ID");
  std::string out;
  out += "From: " + from_header_value(mail.from) + "\r\n";
  out += "To: " + mail.to + "\r\n";
  out += "Subject: " + encode_header_text(mail.subject, 7) + "\r\n";
  out += "Date: " + format_mail_date(mail.date) + "\r\n";
  out += "Message-ID: " + mail.message_id + "\r\n";
  out += "MIME-Version: 1.0\r\n";
  out += "Content-Type: text/plain; charset=UTF-8\r\n";
  out += "Content-Transfer-Encoding: base64\r\n";
  // RFC 3834: tells vacation responders and list software not to answer.
  out += "Auto-Submitted: auto-generated\r\n";
  out += "\r\n";
  out += wrap_base64(to_crlf(mail.body));
  return out;
}

}  // namespace xueji
