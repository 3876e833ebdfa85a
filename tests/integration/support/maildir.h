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
// The sinks' Maildir "new" directories: VAR/mail/new, or those of XUEJI_TEST_MAIL_DIRS
// (colon separated: the app nodes of scripts/cluster, each with its own sink).
std::vector<std::string> mail_dirs();
// Every mail delivered so far, in all of them.
std::vector<Mail> all_delivered();
// Delivered mails to `address` with `subject`, polling up to 30 s until `count` have arrived.
std::vector<Mail> delivered(const std::string& address, const std::string& subject,
                            std::size_t count = 1);

}  // namespace xueji::testing
