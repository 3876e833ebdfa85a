// smtp_sender.cpp: libcurl SMTP — envelope, upload of the message, TLS as XUEJI_SMTP_TLS asks
// (core/smtp_tls.h), AUTH when configured — and the classification of what went wrong.
#include "mailer/smtp_sender.h"

#include <curl/curl.h>

#include <algorithm>
#include <cstring>
#include <stdexcept>

#include "core/address_mask.h"
#include "core/mail_format.h"

namespace xueji::mailer {
namespace {

constexpr long kConnectTimeoutSeconds = 10;
// A whole conversation; kept well inside the mailer's lease and systemd's stop timeout.
constexpr long kTotalTimeoutSeconds = 20;

struct Upload {
  const std::string* data = nullptr;
  std::size_t offset = 0;
};

// Called by libcurl for the DATA phase; never throws (a C callback).
std::size_t read_message(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* upload = static_cast<Upload*>(user);
  std::size_t room = size * count;
  std::size_t left = upload->data->size() - upload->offset;
  std::size_t n = std::min(room, left);
  std::memcpy(buffer, upload->data->data() + upload->offset, n);
  upload->offset += n;
  return n;
}

// What the conversation said: the verb of our latest command, and the first refusal (a 4xx or
// 5xx reply) with the command it answered. libcurl goes on to send QUIT after a refusal, so the
// last reply is not the one that matters. A 5xx only condemns the message when it answers RCPT
// or DATA: after EHLO, AUTH or MAIL FROM it is about our setup (the server, the credentials,
// XUEJI_MAIL_FROM), not this message, and must not fail every mail in the queue; those are
// retried until fixed.
struct Conversation {
  std::string last_command;
  std::string last_reply;
  std::string refused_command;
  std::string refusal;  // the reply line, e.g. "550 5.1.1 <x@y>: Recipient address rejected"
};

std::string first_line(const char* data, std::size_t size) {
  std::string line(data, size);
  line.erase(std::find_if(line.begin(), line.end(), [](char c) { return c == '\r' || c == '\n'; }),
             line.end());
  return line;
}

// The reply code at the start of a line ("550 …" or "550-…"), 0 when there is none.
int reply_code(const std::string& line) {
  if (line.size() < 3) return 0;
  for (int i = 0; i < 3; ++i) {
    if (line[i] < '0' || line[i] > '9') return 0;
  }
  return std::stoi(line.substr(0, 3));
}

int trace(CURL*, curl_infotype type, char* data, std::size_t size, void* user) {
  auto* conversation = static_cast<Conversation*>(user);
  try {
    if (type == CURLINFO_HEADER_OUT) {
      // Only the verb is kept: an AUTH line carries credentials.
      std::string line = first_line(data, size);
      std::string verb = line.substr(0, line.find(' '));
      std::transform(verb.begin(), verb.end(), verb.begin(),
                     [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
      conversation->last_command = verb;
    } else if (type == CURLINFO_HEADER_IN) {
      conversation->last_reply = first_line(data, size);
      if (reply_code(conversation->last_reply) >= 400 && conversation->refusal.empty()) {
        conversation->refusal = conversation->last_reply;
        conversation->refused_command = conversation->last_command;
      }
    }
  } catch (...) {
    // only bookkeeping for the error text; nothing may escape into libcurl
  }
  return 0;
}

struct SlistDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

bool is_unreachable(CURLcode code) {
  return code == CURLE_COULDNT_CONNECT || code == CURLE_COULDNT_RESOLVE_HOST ||
         code == CURLE_COULDNT_RESOLVE_PROXY;
}

// No TLS the policy accepts: the same for every message until the relay or the settings change,
// so, like an unreachable server, the rest of the batch is not tried now. The hint names the
// setting to look at.
const char* tls_failure_hint(CURLcode code) {
  switch (code) {
    case CURLE_USE_SSL_FAILED:
      return "the SMTP server does not offer STARTTLS, and XUEJI_SMTP_TLS requires TLS";
    case CURLE_PEER_FAILED_VERIFICATION:
      return "the SMTP server's certificate does not verify against the trusted CAs "
             "(XUEJI_SMTP_CA_FILE, or the system store) or does not name the host of "
             "XUEJI_SMTP_URL";
    case CURLE_SSL_CACERT_BADFILE:
      return "the CA bundle of XUEJI_SMTP_CA_FILE cannot be used";
    case CURLE_SSL_CONNECT_ERROR:
      return "the TLS handshake with the SMTP server failed";
    default:
      return nullptr;
  }
}

}  // namespace

struct SmtpSender::Handle {
  CURL* curl = nullptr;
  Handle() : curl(curl_easy_init()) {
    if (!curl) throw std::runtime_error("curl_easy_init failed");
  }
  ~Handle() { curl_easy_cleanup(curl); }
};

void init_curl() {
  if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
    throw std::runtime_error("curl_global_init failed");
  }
}

SmtpSender::SmtpSender(const Config& config)
    : config_(config),
      tls_(effective_smtp_tls(config.smtp_tls, config.smtp_url)),
      handle_(std::make_unique<Handle>()) {}

SmtpSender::~SmtpSender() = default;

SendResult SmtpSender::send(const std::string& recipient, const std::string& message) {
  CURL* curl = handle_->curl;
  Upload upload{&message, 0};
  Conversation conversation;
  char error_buffer[CURL_ERROR_SIZE] = {0};
  std::string from = "<" + mailbox_address(config_.mail_from) + ">";
  std::unique_ptr<curl_slist, SlistDeleter> rcpt(
      curl_slist_append(nullptr, ("<" + recipient + ">").c_str()));
  if (!rcpt) throw std::runtime_error("curl_slist_append failed");

  curl_easy_setopt(curl, CURLOPT_URL, config_.smtp_url.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, rcpt.get());
  curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(curl, CURLOPT_READFUNCTION, read_message);
  curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
  curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(message.size()));
  // smtps:// is TLS from the start; smtp:// upgrades with STARTTLS, or fails when the server does
  // not offer it and TLS is required. Either way the certificate and the host name are verified.
  curl_easy_setopt(curl, CURLOPT_USE_SSL,
                   static_cast<long>(tls_ == SmtpTls::kRequired ? CURLUSESSL_ALL : CURLUSESSL_TRY));
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
  if (!config_.smtp_ca_file.empty()) {
    curl_easy_setopt(curl, CURLOPT_CAINFO, config_.smtp_ca_file.c_str());
  }
  if (!config_.smtp_user.empty()) {
    curl_easy_setopt(curl, CURLOPT_USERNAME, config_.smtp_user.c_str());
    curl_easy_setopt(curl, CURLOPT_PASSWORD, config_.smtp_password.c_str());
  }
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, kConnectTimeoutSeconds);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, kTotalTimeoutSeconds);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_buffer);
  // The trace sees the command/reply lines only when verbose is on; it prints nothing itself.
  curl_easy_setopt(curl, CURLOPT_VERBOSE, 1L);
  curl_easy_setopt(curl, CURLOPT_DEBUGFUNCTION, trace);
  curl_easy_setopt(curl, CURLOPT_DEBUGDATA, &conversation);

  CURLcode code = curl_easy_perform(curl);
  // The handle outlives these locals: drop the pointers to them before returning.
  curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, nullptr);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, nullptr);
  curl_easy_setopt(curl, CURLOPT_READDATA, nullptr);
  curl_easy_setopt(curl, CURLOPT_DEBUGDATA, nullptr);

  if (code == CURLE_OK) return {SendOutcome::kSent, ""};

  std::string error = curl_easy_strerror(code);
  if (error_buffer[0] != '\0') error += ": " + std::string(error_buffer);
  const char* tls_hint = tls_failure_hint(code);
  if (tls_hint) error += std::string(" — ") + tls_hint;
  if (!conversation.refusal.empty()) {
    error +=
        " (server replied to " + conversation.refused_command + ": " + conversation.refusal + ")";
  } else if (!conversation.last_reply.empty()) {
    error += " (server's last reply: " + conversation.last_reply + ")";
  }
  int refusal_code = reply_code(conversation.refusal);
  bool message_refused =
      refusal_code >= 500 && refusal_code <= 599 &&
      (conversation.refused_command == "RCPT" || conversation.refused_command == "DATA");
  // Servers quote the recipient back ("550 5.1.1 <x@y>: …"): the error goes to the log and the
  // outbox list, so its addresses are masked here, once.
  error = mask_addresses(error);
  if (message_refused) return {SendOutcome::kPermanent, error};
  // No greeting at all within the timeout is as unreachable as a refused connection.
  bool silent = code == CURLE_OPERATION_TIMEDOUT && conversation.last_reply.empty();
  if (is_unreachable(code) || silent || tls_hint) return {SendOutcome::kUnreachable, error};
  return {SendOutcome::kTemporary, error};
}

}  // namespace xueji::mailer
