// delivery.h: the mailer's loop — claim a few due outbox messages, send each, record the outcome
// (sent, retry later with backoff, or failed), and stop between messages when told to.
#pragma once
#include <chrono>
#include <csignal>
#include <string>

#include "core/clock.h"
#include "core/config.h"
#include "mailer/smtp_sender.h"
#include "sql/db.h"
#include "sql/outbox_delivery_store.h"

namespace xueji::mailer {

struct DeliverySettings {
  int batch = 5;  // messages claimed at once; small so several mailers share the work
  // Longer than a batch can take (batch × the sender's 20 s timeout), so a live mailer never
  // loses a claim; a dead mailer's messages come back this long after it claimed them.
  std::chrono::seconds lease{std::chrono::minutes(5)};
  std::chrono::milliseconds idle_wait{200};  // poll interval when nothing is due
  std::chrono::milliseconds error_wait{1000};
};

// "host:pid:start" naming this process in the claims it makes; whether the mailer a claim names
// still runs (a claim of another host counts as alive: only its lease can tell).
std::string own_claimant();
bool claimant_alive(const std::string& claimant, const std::string& host);

class Delivery {
 public:
  Delivery(const Config& config, store::Db& db, SmtpSender& sender, const Clock& clock,
           const volatile std::sig_atomic_t& stop, DeliverySettings settings = {});

  // One round: claims up to `batch` due messages and delivers them; returns how many it claimed.
  int deliver_due();
  // Rounds until `stop` is set; a message being sent is finished first, claimed ones not yet
  // tried are given back.
  void run();

 private:
  void deliver(const store::ClaimedMail& mail, bool& server_unreachable);
  void record_failure(const store::ClaimedMail& mail, const std::string& error);
  void wait(std::chrono::milliseconds how_long);
  // Gives back the claims of mailers of this host that are gone (killed, crashed).
  void take_over_dead_claims();

  const Config& config_;
  store::Db& db_;
  SmtpSender& sender_;
  const Clock& clock_;
  const volatile std::sig_atomic_t& stop_;
  DeliverySettings settings_;
  std::string claimant_;
  bool took_over_ = false;
  // True from start and after an unreachable server, until the next message is accepted.
  bool server_was_unreachable_ = true;
  // Set when this process found the server away: the oldest waiting message is then tried
  // again kServerProbe after the last failure, until one is accepted.
  bool probing_ = false;
  std::chrono::steady_clock::time_point last_probe_{};
};

}  // namespace xueji::mailer
