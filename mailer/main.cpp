// main.cpp: xueji-mailer — delivers the outbox over SMTP until SIGTERM/SIGINT, finishing the
// message in hand first. Several may run at once (row locks keep their work apart).
#include <csignal>
#include <cstdio>
#include <string>

#include "core/config.h"
#include "core/smtp_tls.h"
#include "mailer/delivery.h"
#include "mailer/smtp_sender.h"
#include "sql/db.h"

namespace {

volatile std::sig_atomic_t g_stop = 0;

void on_stop(int) { g_stop = 1; }

void install_handlers() {
  struct sigaction action {};
  action.sa_handler = on_stop;
  sigemptyset(&action.sa_mask);
  // Restart interrupted reads and writes (database, SMTP): the flag is checked between messages.
  action.sa_flags = SA_RESTART;
  sigaction(SIGTERM, &action, nullptr);
  sigaction(SIGINT, &action, nullptr);
  std::signal(SIGPIPE, SIG_IGN);  // a peer closing its socket is an error code, not a death
}

// The SMTP URL for the log, without any user:password@ written into it.
std::string url_for_log(const std::string& url) {
  std::size_t scheme = url.find("://");
  std::size_t at = url.find('@');
  if (scheme == std::string::npos || at == std::string::npos || at < scheme) return url;
  return url.substr(0, scheme + 3) + url.substr(at + 1);
}

// What protects the connection, for the start-up line.
std::string tls_for_log(const xueji::Config& config) {
  using xueji::SmtpTls;
  SmtpTls tls = xueji::effective_smtp_tls(config.smtp_tls, config.smtp_url);
  std::string text = tls == SmtpTls::kRequired ? "TLS required" : "TLS when offered";
  if (!config.smtp_tls && tls == SmtpTls::kOpportunistic) text += " (loopback relay)";
  text += ", certificates verified against ";
  text += config.smtp_ca_file.empty() ? "the system store" : config.smtp_ca_file;
  return text;
}

}  // namespace

int main() {
  using namespace xueji;
  install_handlers();
  try {
    Config config = Config::from_environment(/*needs_secret=*/false);
    mailer::init_curl();
    store::Db db(config);
    mailer::SmtpSender sender(config);
    Clock clock;
    std::fprintf(stderr, "xueji-mailer: started, delivering to %s as %s; %s\n",
                 url_for_log(config.smtp_url).c_str(), config.mail_from.c_str(),
                 tls_for_log(config).c_str());
    mailer::Delivery(config, db, sender, clock, g_stop).run();
    std::fprintf(stderr, "xueji-mailer: stopped\n");
    return 0;
  } catch (const ConfigError& e) {
    std::fprintf(stderr, "xueji-mailer: configuration error: %s\n", e.what());
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "xueji-mailer: %s\n", e.what());
    return 1;
  }
}
