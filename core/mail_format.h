// mail_format.h: the bytes of an outgoing mail — UTF-8 text as a base64 body, the subject as
// RFC 2047 encoded words, Date in Asia/Taipei, a stable Message-ID — and address checks.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "core/clock.h"

namespace xueji {

// RFC 2047: an encoded word is at most 75 characters, a header line holding one at most 76.
inline constexpr std::size_t kMaxEncodedWordLength = 75;
inline constexpr std::size_t kMaxEncodedLineLength = 76;
// RFC 2045: base64 lines are at most 76 characters.
inline constexpr std::size_t kBase64LineLength = 76;

struct MailMessage {
  std::string from;        // XUEJI_MAIL_FROM: "address" or "Display Name <address>"
  std::string to;          // a plain ASCII address
  std::string subject;     // UTF-8
  std::string body;        // UTF-8 plain text, LF or CRLF line ends
  std::string message_id;  // "<…@…>", see message_id_for
  TimePoint date;
};

// The whole message as sent after SMTP DATA: headers and base64 body, every line ending CRLF.
// Throws std::invalid_argument when an address is unusable (see is_plain_address).
std::string format_mail(const MailMessage& mail);

// A header value for `text`: unchanged when it is short printable ASCII, otherwise
// "=?UTF-8?B?…?=" words split between UTF-8 characters and folded with CRLF + space so that no
// line, counting "Name: " of a header whose name has `header_name_length` characters, is longer
// than kMaxEncodedLineLength.
std::string encode_header_text(std::string_view text, std::size_t header_name_length);

// "Sat, 01 Aug 2026 08:00:00 +0800" (RFC 5322, Asia/Taipei wall-clock time).
std::string format_mail_date(TimePoint t);

// "<1785542400000000.42@example.org>": built from the outbox row, so every retry of a message
// carries the same id and a receiver can tell a re-delivery from a new message.
std::string message_id_for(std::int64_t outbox_id, TimePoint queued_at, std::string_view from);

// The bare address of "Name <address>" or "address" (surrounding spaces dropped).
std::string mailbox_address(std::string_view from);

// ASCII, one '@' with text on both sides, no spaces, control characters, quotes or angle
// brackets, at most 254 characters: the only addresses the mailer puts on the wire.
bool is_plain_address(std::string_view address);

}  // namespace xueji
