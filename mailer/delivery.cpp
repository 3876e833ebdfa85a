// delivery.cpp: claim → format → send → record, with backoff for temporary failures and a
// permanent 5xx failing only the message it answered.
#include "mailer/delivery.h"

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <stdexcept>
#include <thread>

#include "core/address_mask.h"
#include "core/backoff.h"
#include "core/mail_format.h"
#include "core/taipei_time.h"

namespace xueji::mailer {
namespace {

// One line per event on stderr (the journal, or VAR/log/mailer.log in the dev stack). Ids and
// outcomes only: addresses and contents stay in the database. The sender already masks the
// addresses a server quotes back; masking the whole line again keeps any other text honest.
void log_line(const std::string& text) {
  std::fprintf(stderr, "xueji-mailer: %s\n", mask_addresses(text).c_str());
}

std::string label(const store::ClaimedMail& mail) {
  return "outbox #" + std::to_string(mail.id) + " (attempt " + std::to_string(mail.attempts) + ")";
}

// The last error of a message that waits only because the server could not be reached starts
// with this; when the server accepts a message again those retries fall due at once.
const std::string kUnreachablePrefix = "server unreachable: ";
constexpr auto kServerProbe = std::chrono::seconds(10);

std::string host_name() {
  char name[256] = {};
  if (gethostname(name, sizeof name - 1) != 0) return "localhost";
  return name;
}

// Field 22 of /proc/PID/stat, the process's start time: with the PID it names one process even
// after the number is reused. "" when there is no such process.
std::string start_time_of(long pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string stat;
  if (!std::getline(in, stat)) return "";
  std::size_t close = stat.rfind(')');
  if (close == std::string::npos) return "";
  std::size_t pos = close + 2;
  for (int field = 3; field < 22 && pos != std::string::npos; ++field) {
    pos = stat.find(' ', pos);
    if (pos != std::string::npos) ++pos;
  }
  if (pos == std::string::npos) return "";
  if (stat.compare(close + 2, 1, "Z") == 0) return "";  // a zombie has ended
  return stat.substr(pos, stat.find(' ', pos) - pos);
}

}  // namespace

std::string own_claimant() {
  return host_name() + ":" + std::to_string(getpid()) + ":" + start_time_of(getpid());
}

bool claimant_alive(const std::string& claimant, const std::string& host) {
  if (claimant.compare(0, host.size() + 1, host + ":") != 0) return true;  // another host's
  std::size_t colon = claimant.find(':', host.size() + 1);
  if (colon == std::string::npos) return false;
  long pid = std::strtol(claimant.c_str() + host.size() + 1, nullptr, 10);
  if (pid <= 0) return false;
  std::string start = start_time_of(pid);
  return !start.empty() && start == claimant.substr(colon + 1);
}

void Delivery::take_over_dead_claims() {
  std::string host = host_name();
  for (const std::string& claimant : store::claimants_like(db_, host + ":%")) {
    if (claimant == claimant_ || claimant_alive(claimant, host)) continue;
    int n = store::release_claims_of(db_, claimant);
    log_line("took back " + std::to_string(n) + " messages claimed by " + claimant +
             ", a mailer that is gone");
  }
}

Delivery::Delivery(const Config& config, store::Db& db, SmtpSender& sender, const Clock& clock,
                   const volatile std::sig_atomic_t& stop, DeliverySettings settings)
    : config_(config),
      db_(db),
      sender_(sender),
      clock_(clock),
      stop_(stop),
      settings_(settings),
      claimant_(own_claimant()) {}

void Delivery::record_failure(const store::ClaimedMail& mail, const std::string& error) {
  TimePoint now = clock_.now();
  auto next = next_attempt_after_failure(mail.attempts, mail.queued_at, now);
  if (!next) {
    store::mark_mail_failed(db_, mail, "gave up after 24 hours: " + error);
    log_line(label(mail) + ": failed, undeliverable for 24 hours: " + error);
    return;
  }
  if (store::schedule_mail_retry(db_, mail, *next, error)) {
    log_line(label(mail) + ": temporary failure, retry at " + format_taipei(*next) + ": " + error);
  }
}

void Delivery::deliver(const store::ClaimedMail& mail, bool& server_unreachable) {
  if (server_unreachable) {
    // The previous message could not reach the server at all, or not with the TLS
    // XUEJI_SMTP_TLS asks for; this one would fail the same way, so it joins the retry schedule
    // untried.
    record_failure(mail, kUnreachablePrefix +
                             "not tried: the previous message got no usable connection to the SMTP "
                             "server");
    return;
  }
  std::string message;
  try {
    // Date is when the writer queued the message (RFC 5322's origination time), and with the
    // Message-ID it stays the same on every retry.
    message =
        format_mail({config_.mail_from, mail.recipient, mail.subject, mail.body,
                     message_id_for(mail.id, mail.created_at, config_.mail_from), mail.created_at});
  } catch (const std::invalid_argument& e) {
    // An address no retry can fix (the writer's bug, or XUEJI_MAIL_FROM): record it, move on.
    store::mark_mail_failed(db_, mail, std::string("cannot be sent: ") + e.what());
    log_line(label(mail) + ": failed: " + e.what());
    return;
  }
  SendResult result = sender_.send(mail.recipient, message);
  switch (result.outcome) {
    case SendOutcome::kSent:
      if (server_was_unreachable_) {
        // The server answers again: what waited for it goes first, oldest first.
        server_was_unreachable_ = false;
        probing_ = false;
        if (int n = store::bring_forward_retries(db_, clock_.now(), kUnreachablePrefix)) {
          log_line("the SMTP server answers again; " + std::to_string(n) + " waiting messages due now");
        }
      }
      if (store::mark_mail_sent(db_, mail, clock_.now())) {
        log_line(label(mail) + ": sent");
      } else {
        log_line(label(mail) + ": sent, but its claim had expired and was taken over");
      }
      return;
    case SendOutcome::kPermanent:
      store::mark_mail_failed(db_, mail, result.error);
      log_line(label(mail) + ": failed, refused by the server: " + result.error);
      return;
    case SendOutcome::kUnreachable:
      server_unreachable = true;
      server_was_unreachable_ = true;
      probing_ = true;
      last_probe_ = std::chrono::steady_clock::now();
      record_failure(mail, kUnreachablePrefix + result.error);
      return;
    case SendOutcome::kTemporary:
      record_failure(mail, result.error);
      return;
  }
}

int Delivery::deliver_due() {
  std::vector<store::ClaimedMail> claimed =
      store::claim_due_mail(db_, clock_.now(), settings_.batch, settings_.lease, claimant_);
  bool server_unreachable = false;
  for (std::size_t i = 0; i < claimed.size(); ++i) {
    if (stop_) {
      // Told to stop: the message in hand was finished; the rest go back to the queue at once
      // for another mailer (or the next start) rather than waiting for the lease.
      for (std::size_t k = i; k < claimed.size(); ++k)
        store::release_mail(db_, claimed[k], clock_.now());
      break;
    }
    deliver(claimed[i], server_unreachable);
  }
  return static_cast<int>(claimed.size());
}

void Delivery::wait(std::chrono::milliseconds how_long) {
  // Short slices so SIGTERM ends the wait promptly.
  auto until = std::chrono::steady_clock::now() + how_long;
  while (!stop_ && std::chrono::steady_clock::now() < until) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

void Delivery::run() {
  bool database_down = false;
  while (!stop_) {
    try {
      if (!took_over_) {
        take_over_dead_claims();
        took_over_ = true;
      }
      int claimed = deliver_due();
      if (database_down) log_line("database reachable again");
      database_down = false;
      // While the server is away its messages wait out their backoff; the oldest is tried
      // again every kServerProbe, so the queue moves as soon as the server is back.
      auto now = std::chrono::steady_clock::now();
      if (probing_ && claimed == 0 && now - last_probe_ >= kServerProbe) {
        last_probe_ = now;
        if (store::bring_forward_oldest_retry(db_, clock_.now(), kUnreachablePrefix)) continue;
      }
      // A full batch means more may be due: go on at once.
      if (claimed < settings_.batch) wait(settings_.idle_wait);
    } catch (const store::Unavailable& e) {
      if (!database_down) log_line(std::string("database unavailable, retrying: ") + e.what());
      database_down = true;
      wait(settings_.error_wait);
    } catch (const std::exception& e) {
      log_line(std::string("error, retrying: ") + e.what());
      wait(settings_.error_wait);
    }
  }
}

}  // namespace xueji::mailer
