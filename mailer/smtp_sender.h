// smtp_sender.h: hands one formatted message to the SMTP server with libcurl and says what the
// server made of it: delivered, refused for good (a 5xx to RCPT or DATA), or try again later.
#pragma once
#include <memory>
#include <string>

#include "core/config.h"
#include "core/smtp_tls.h"

namespace xueji::mailer {

enum class SendOutcome {
  kSent,
  kPermanent,    // the server refused this message for good: mark it failed, never retry
  kTemporary,    // a 4xx, a dropped connection mid-way, …: retry this message later
  // No SMTP conversation at all, or none with the TLS XUEJI_SMTP_TLS asks for: retry, and do
  // not try the rest of the batch now.
  kUnreachable,
};

struct SendResult {
  SendOutcome outcome = SendOutcome::kTemporary;
  // libcurl's reason and the server's last reply, addresses masked; empty when sent
  std::string error;
};

// One libcurl handle, reused so consecutive messages share the SMTP connection. TLS follows
// effective_smtp_tls (core/smtp_tls.h): required → CURLUSESSL_ALL, opportunistic →
// CURLUSESSL_TRY; peer and host verification always on, against XUEJI_SMTP_CA_FILE when set.
class SmtpSender {
 public:
  explicit SmtpSender(const Config& config);
  ~SmtpSender();
  SmtpSender(const SmtpSender&) = delete;
  SmtpSender& operator=(const SmtpSender&) = delete;

  // `message` is the whole RFC 5322 text (format_mail); `recipient` and the configured sender
  // go in the envelope (RCPT TO / MAIL FROM).
  SendResult send(const std::string& recipient, const std::string& message);

 private:
  struct Handle;
  const Config& config_;
  SmtpTls tls_;  // effective_smtp_tls of the configuration
  std::unique_ptr<Handle> handle_;
};

// Call once at program start, before any SmtpSender (libcurl's global state).
void init_curl();

}  // namespace xueji::mailer
