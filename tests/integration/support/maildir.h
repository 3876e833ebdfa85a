// maildir.h: mail delivered to the test stack's SMTP sink (VAR/mail/new), decoded for asserts.
#pragma once
#include <string>
#include <vector>

namespace xueji::testing {

struct Mail {
  std::string to, subject, body;  // subject decoded from RFC 2047, body from base64, no CRs
};

std::string base64_decode(const std::string& in);
std::string decode_header(const std::string& value);
Mail parse_mail(const std::string& raw);
// Delivered mails to `address` with `subject`, polling up to 30 s until `count` have arrived.
std::vector<Mail> delivered(const std::string& address, const std::string& subject,
                            std::size_t count = 1);

}  // namespace xueji::testing
