// mail_test.cpp: the outbox and xueji-mailer against real SMTP servers — headers of a delivered
// message, 200 messages queued while the sink is down all arriving once after it is back, a
// permanent 550 failing only its own message, temporary failures and the 24-hour limit, two
// mailers never sending a message twice, a dead mailer's claim coming back after its lease,
// recipients masked in the mailer's log and xueji-ctl's output, and XUEJI_SMTP_TLS against sinks
// with and without STARTTLS (tls_sink.py) and certificates made by openssl for the run.
#include <cppunit/extensions/HelperMacros.h>
#include <dirent.h>

#include <chrono>
#include <map>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "tests/integration/support/cli_runner.h"
#include "tests/integration/support/stack.h"

using namespace xueji::testing;
using std::chrono::seconds;

namespace {

int number(const std::string& statement) { return std::stoi(scalar(statement)); }

// A tag unique to this run, put in every recipient address a test uses.
std::string new_tag() {
  std::random_device device;
  return std::to_string(100000000 + device() % 900000000);
}

std::string maildir() { return var_dir() + "/mail/new"; }

// How many delivered messages went to each recipient containing `tag` (the sink records the
// envelope recipient as X-RcptTo).
std::map<std::string, int> delivered(const std::string& tag) {
  std::map<std::string, int> counts;
  DIR* dir = opendir(maildir().c_str());
  if (!dir) return counts;
  while (dirent* entry = readdir(dir)) {
    if (entry->d_name[0] == '.') continue;
    std::string text = slurp(maildir() + "/" + entry->d_name);
    std::size_t at = text.find("\nX-RcptTo: ");
    if (at == std::string::npos) continue;
    std::size_t end = text.find('\n', at + 1);
    std::string rcpt = trimmed(text.substr(at + 11, end - at - 11));
    if (contains_text(rcpt, tag)) ++counts[rcpt];
  }
  closedir(dir);
  return counts;
}

std::string delivered_file(const std::string& recipient) {
  DIR* dir = opendir(maildir().c_str());
  std::string found;
  while (dir && !found.size()) {
    dirent* entry = readdir(dir);
    if (!entry) break;
    if (entry->d_name[0] == '.') continue;
    std::string path = maildir() + "/" + entry->d_name;
    if (contains_text(slurp(path), "\nX-RcptTo: " + recipient + "\n")) found = path;
  }
  if (dir) closedir(dir);
  return found;
}

// `count` messages to PREFIX-TAG-N@example.org, queued as writers do (pending, due now), the
// queueing time `created` (SQL) being now unless a test needs an older message.
void queue(const std::string& prefix, const std::string& tag, int count,
           const std::string& created = "UTC_TIMESTAMP(6)") {
  sql("INSERT INTO outbox (recipient, subject, body, state, attempts, next_attempt_at, created_at) "
      "SELECT CONCAT('" +
      prefix + "-" + tag +
      "-', seq, '@example.org'), CONCAT('測試信 #', seq), "
      "'內容', 'pending', 0, UTC_TIMESTAMP(6), " +
      created + " FROM seq_1_to_" + std::to_string(count));
}

int in_state(const std::string& like, const std::string& state) {
  return number("SELECT COUNT(*) FROM outbox WHERE recipient LIKE '" + like + "' AND state = '" +
                state + "'");
}

const char* kSmtpPortFromEnv = "${XUEJI_SMTP_PORT:?}";

void stop_sink() { stack_procs(with_stack_env() + "proc_stop 15 smtp-sink"); }

// Starts NAME as the stack's smtp-sink (so `scripts/stack down` stops it) and waits for its port.
void start_sink(const std::string& command) {
  stack_procs(with_stack_env() + "proc_start smtp-sink " + command +
              "; wait_until 20 port_in_use " + kSmtpPortFromEnv +
              " || { tail -n 20 \"$XUEJI_VAR_DIR/log/smtp-sink.log\" >&2; exit 1; }");
}

void start_standard_sink() {
  start_sink(std::string("/usr/bin/python3 -m aiosmtpd -n -l 127.0.0.1:") + kSmtpPortFromEnv +
             " -c aiosmtpd.handlers.Mailbox \"$XUEJI_VAR_DIR/mail\"");
}

void start_rejecting_sink() {
  start_sink("/usr/bin/python3 " +
             quote_arg(source_dir() + "/tests/integration/support/rejecting_sink.py") +
             " 127.0.0.1 " + kSmtpPortFromEnv + " \"$XUEJI_VAR_DIR/mail\"");
}

// Whatever a test did to the sink, the stack has its standard sink again afterwards.
struct StandardSinkAfterwards {
  ~StandardSinkAfterwards() {
    try {
      stop_sink();
      start_standard_sink();
    } catch (const std::exception& e) {
      std::fprintf(stderr, "could not restore the SMTP sink: %s\n", e.what());
    }
  }
};

// The log of the latest run of a process started by proc_start (after its "--- … starting" line).
std::string latest_log(const std::string& name) {
  std::string text = slurp(var_dir() + "/log/" + name + ".log");
  std::size_t start = text.rfind("\n--- ");
  return start == std::string::npos ? text : text.substr(start);
}

// A test CA, and a certificate for 127.0.0.1 and localhost signed by it: made by openssl once per
// run under VAR/tls-test (CA ca.crt; server server.crt + server.key).
const std::string& tls_dir() {
  static const std::string dir = [] {
    std::string d = var_dir() + "/tls-test";
    CliResult r = run_shell(
        "set -euo pipefail; rm -rf " + quote_arg(d) + "; mkdir -p " + quote_arg(d) + "; cd " +
        quote_arg(d) +
        "; openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes "
        "-keyout ca.key -out ca.crt -days 2 -subj '/CN=xueji test CA'"
        "; openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes "
        "-keyout server.key -out server.csr -subj /CN=127.0.0.1"
        "; printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\\nbasicConstraints=CA:FALSE\\n"
        "extendedKeyUsage=serverAuth\\n' >server.ext"
        "; openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial "
        "-out server.crt -days 2 -extfile server.ext"
        "; openssl verify -CAfile ca.crt server.crt");
    if (r.status != 0) {
      throw std::runtime_error("openssl could not make the test certificates:\n" + r.out + r.err);
    }
    return d;
  }();
  return dir;
}

std::string ca_file() { return tls_dir() + "/ca.crt"; }

// tls_sink.py as the stack's smtp-sink: "none" (no STARTTLS), "starttls" (offered and required
// before MAIL FROM) or "smtps"; each delivered message records its TLS version in X-Xueji-TLS.
void start_tls_sink(const std::string& mode) {
  std::string command = "/usr/bin/python3 " +
                        quote_arg(source_dir() + "/tests/integration/support/tls_sink.py") +
                        " 127.0.0.1 " + kSmtpPortFromEnv + " \"$XUEJI_VAR_DIR/mail\" " + mode;
  if (mode != "none") {
    command +=
        " " + quote_arg(tls_dir() + "/server.crt") + " " + quote_arg(tls_dir() + "/server.key");
  }
  stop_sink();
  start_sink(command);
}

// Replaces the stack's mailer with one that has `settings` (VAR=value words, quoted for the
// shell) on top of VAR/env, and waits for its start line.
void restart_mailer(const std::string& settings) {
  stack_procs("proc_stop 15 mailer");
  stack_procs(with_stack_env() + "proc_start mailer env " + settings +
              " \"$XUEJI_BUILD_DIR/xueji-mailer\"");
  if (!eventually([] { return contains_text(latest_log("mailer"), "xueji-mailer: started"); },
                  seconds(10))) {
    throw std::runtime_error("the mailer did not start:\n" + latest_log("mailer"));
  }
}

// Whatever a test did to the mailer, the stack has its own mailer (VAR/env only) again afterwards.
struct StandardMailerAfterwards {
  ~StandardMailerAfterwards() {
    try {
      restart_mailer("");
    } catch (const std::exception& e) {
      std::fprintf(stderr, "could not restore the mailer: %s\n", e.what());
    }
  }
};

// Waits until no message of another test is due, so the next one queued is the only one a
// freshly started mailer tries (a batch stops at the first server it cannot use).
void wait_for_a_quiet_outbox() {
  CPPUNIT_ASSERT_MESSAGE(
      "messages of other tests still due",
      eventually(
          [] {
            return number(
                       "SELECT COUNT(*) FROM outbox WHERE state IN ('pending', 'sending') "
                       "AND next_attempt_at <= UTC_TIMESTAMP(6)") == 0;
          },
          seconds(30)));
}

std::string state_of(const std::string& recipient) {
  return scalar("SELECT CONCAT(state, '|', attempts) FROM outbox WHERE recipient = '" + recipient +
                "'");
}

std::string last_error_of(const std::string& recipient) {
  return scalar("SELECT COALESCE(last_error, '') FROM outbox WHERE recipient = '" + recipient +
                "'");
}

void due_now(const std::string& recipient) {
  sql("UPDATE outbox SET next_attempt_at = UTC_TIMESTAMP(6) WHERE recipient = '" + recipient +
      "' AND state = 'pending'");
}

// The X-Xueji-TLS header tls_sink.py wrote into the message delivered to `recipient`.
std::string tls_of_delivered(const std::string& recipient) {
  std::string text = slurp(delivered_file(recipient));
  std::size_t at = text.find("\nX-Xueji-TLS: ");
  if (at == std::string::npos) return "";
  std::size_t end = text.find('\n', at + 1);
  return trimmed(text.substr(at + 14, end - at - 14));
}

int occurrences(const std::string& text, const std::string& needle) {
  int n = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1))
    ++n;
  return n;
}

}  // namespace

class MailTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(MailTest);
  CPPUNIT_TEST(queued_mail_arrives_as_a_proper_mime_message);
  CPPUNIT_TEST(two_hundred_messages_queued_while_the_sink_is_down_arrive_once);
  CPPUNIT_TEST(permanent_rejection_fails_only_its_message_and_can_be_retried);
  CPPUNIT_TEST(temporary_failures_back_off_and_give_up_after_a_day);
  CPPUNIT_TEST(two_mailers_deliver_each_message_once);
  CPPUNIT_TEST(a_dead_mailers_claim_comes_back_after_its_lease);
  CPPUNIT_TEST(required_tls_keeps_mail_queued_without_starttls_and_opportunistic_sends_it);
  CPPUNIT_TEST(required_tls_delivers_over_starttls_and_smtps_to_a_trusted_certificate);
  CPPUNIT_TEST(an_untrusted_certificate_stops_delivery_in_both_modes);
  CPPUNIT_TEST(the_mailer_refuses_bad_tls_settings_at_start);
  CPPUNIT_TEST_SUITE_END();

 public:
  void queued_mail_arrives_as_a_proper_mime_message() {
    std::string to = "header-" + new_tag() + "@example.org";
    CliResult queued = run_ctl({"mail", "test", "--to", to});
    CPPUNIT_ASSERT_EQUAL_MESSAGE(queued.err, 0, queued.status);
    // xueji-ctl names the recipient masked, never in clear.
    CPPUNIT_ASSERT_MESSAGE(queued.out, contains_text(queued.out, "收件者 h***@example.org"));
    CPPUNIT_ASSERT_MESSAGE(queued.out, !contains_text(queued.out + queued.err, to));
    std::string file;
    CPPUNIT_ASSERT(eventually([&] { return !(file = delivered_file(to)).empty(); }, seconds(20)));
    std::string text = slurp(file);
    CPPUNIT_ASSERT(contains_text(text, "\nSubject: =?UTF-8?B?"));
    CPPUNIT_ASSERT(contains_text(text, "\nMessage-ID: <"));
    CPPUNIT_ASSERT(contains_text(text, "\nContent-Transfer-Encoding: base64"));
    CPPUNIT_ASSERT(contains_text(text, "\nContent-Type: text/plain; charset=UTF-8"));
    // Python's standard parser reads back the subject, the Taipei date and the Chinese body.
    CliResult parsed = run_shell(
        "/usr/bin/python3 -c 'import sys\n"
        "from email import policy\n"
        "from email.parser import BytesParser\n"
        "m = BytesParser(policy=policy.default).parse(open(sys.argv[1], \"rb\"))\n"
        "print(m[\"Subject\"]); print(m[\"Date\"].datetime.utcoffset()); print(m[\"To\"])\n"
        "print(m.get_content())' " +
        quote_arg(file));
    CPPUNIT_ASSERT_EQUAL_MESSAGE(parsed.err, 0, parsed.status);
    CPPUNIT_ASSERT_MESSAGE(
        parsed.out,
        contains_text(parsed.out, "【國民中小學學籍管理系統 2.0】測試信\n8:00:00\n" + to + "\n"));
    CPPUNIT_ASSERT(contains_text(parsed.out, "xueji-ctl mail test"));
    CPPUNIT_ASSERT_EQUAL(
        std::string("sent|1"),
        scalar("SELECT CONCAT(state, '|', attempts) FROM outbox WHERE recipient = '" + to + "'"));
  }

  void two_hundred_messages_queued_while_the_sink_is_down_arrive_once() {
    StandardSinkAfterwards restore;
    std::string tag = new_tag();
    std::string like = "bulk-" + tag + "-%";
    stop_sink();
    queue("bulk", tag, 200);
    // The mailer tries each one, cannot reach the server, and schedules a retry: none is lost.
    CPPUNIT_ASSERT(eventually(
        [&] {
          return number("SELECT COUNT(*) FROM outbox WHERE recipient LIKE '" + like +
                        "' AND state = "
                        "'pending' AND attempts >= 1 AND last_error IS NOT NULL") == 200;
        },
        seconds(60)));
    CPPUNIT_ASSERT(delivered(tag).empty());
    CPPUNIT_ASSERT_EQUAL(0,
                         number("SELECT COUNT(*) FROM outbox WHERE recipient LIKE '" + like +
                                "' AND next_attempt_at < UTC_TIMESTAMP(6) + INTERVAL 20 SECOND"));
    start_standard_sink();
    // Instead of waiting out the backoff, the retries fall due now.
    sql("UPDATE outbox SET next_attempt_at = UTC_TIMESTAMP(6) WHERE recipient LIKE '" + like +
        "' AND state = 'pending'");
    CPPUNIT_ASSERT(eventually([&] { return in_state(like, "sent") == 200; }, seconds(90)));
    std::map<std::string, int> counts = delivered(tag);
    CPPUNIT_ASSERT_EQUAL(std::size_t{200}, counts.size());
    for (const auto& [recipient, n] : counts) CPPUNIT_ASSERT_EQUAL_MESSAGE(recipient, 1, n);
  }

  void permanent_rejection_fails_only_its_message_and_can_be_retried() {
    StandardSinkAfterwards restore;
    std::string tag = new_tag();
    stop_sink();
    start_rejecting_sink();
    // The refused message is queued first, so the others come after it in the same batch.
    queue("reject", tag, 1);
    queue("fine", tag, 6);
    CPPUNIT_ASSERT(eventually(
        [&] {
          return in_state("fine-" + tag + "-%", "sent") == 6 &&
                 in_state("reject-" + tag + "-%", "failed") == 1;
        },
        seconds(30)));
    std::string rejected_id =
        scalar("SELECT id FROM outbox WHERE recipient LIKE 'reject-" + tag + "-%'");
    CPPUNIT_ASSERT_EQUAL(std::string("1"),
                         scalar("SELECT attempts FROM outbox WHERE id = " + rejected_id));
    std::string error = scalar("SELECT last_error FROM outbox WHERE id = " + rejected_id);
    CPPUNIT_ASSERT_MESSAGE(error, contains_text(error, "550"));
    // The server quoted the recipient back; the error kept and logged has it masked.
    CPPUNIT_ASSERT_MESSAGE(error, contains_text(error, "<r***@example.org>"));
    CPPUNIT_ASSERT_MESSAGE(error, !contains_text(error, tag));
    std::string log = slurp(var_dir() + "/log/mailer.log");
    CPPUNIT_ASSERT_MESSAGE(log, contains_text(log, "refused by the server: "));
    CPPUNIT_ASSERT_MESSAGE(log, !contains_text(log, tag));
    CPPUNIT_ASSERT_EQUAL(std::size_t{6}, delivered(tag).size());
    // Kept and visible to the administrator, the recipient masked.
    CliResult list = run_ctl({"outbox", "list", "--state", "failed", "--limit", "1000"});
    CPPUNIT_ASSERT_EQUAL(0, list.status);
    CPPUNIT_ASSERT_MESSAGE(
        list.out, contains_text(list.out, rejected_id + "\tfailed\t1\tr***@example.org\t"));
    CPPUNIT_ASSERT(contains_text(list.out, "550"));
    CPPUNIT_ASSERT_MESSAGE(list.out, !contains_text(list.out, tag));
    // outbox retry puts it back; the server refuses it again, once.
    CliResult retry = run_ctl({"outbox", "retry", "--id", rejected_id});
    CPPUNIT_ASSERT_EQUAL_MESSAGE(retry.err, 0, retry.status);
    CPPUNIT_ASSERT(eventually(
        [&] {
          return scalar(
                     "SELECT CONCAT(state, '|', attempts, '|', queued_at IS NOT NULL) FROM outbox "
                     "WHERE id = " +
                     rejected_id) == "failed|1|1";
        },
        seconds(30)));
    CPPUNIT_ASSERT_EQUAL(1, run_ctl({"outbox", "retry", "--id", rejected_id + "0000"}).status);
  }

  void temporary_failures_back_off_and_give_up_after_a_day() {
    StandardSinkAfterwards restore;
    std::string tag = new_tag();
    stop_sink();
    start_rejecting_sink();
    queue("tempfail", tag, 1);
    // Queued a day and an hour ago: one more temporary failure and the mailer gives up.
    queue("tempfail-old", tag, 1, "UTC_TIMESTAMP(6) - INTERVAL 25 HOUR");
    std::string fresh = "recipient LIKE 'tempfail-" + tag + "-%'";
    CPPUNIT_ASSERT(eventually(
        [&] {
          return number("SELECT COUNT(*) FROM outbox WHERE " + fresh +
                        " AND attempts = 1 AND state = "
                        "'pending' AND last_error LIKE '%451%'") == 1 &&
                 in_state("tempfail-old-" + tag + "-%", "failed") == 1;
        },
        seconds(30)));
    int wait = number(
        "SELECT TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(6), next_attempt_at) FROM outbox WHERE " +
        fresh);
    CPPUNIT_ASSERT_MESSAGE(std::to_string(wait), wait >= 20 && wait <= 30);  // the first backoff
    std::string gave_up =
        scalar("SELECT last_error FROM outbox WHERE recipient LIKE 'tempfail-old-" + tag + "-%'");
    CPPUNIT_ASSERT_MESSAGE(
        gave_up, contains_text(gave_up, "gave up after 24 hours") && contains_text(gave_up, "451"));
    // The second failure waits twice as long.
    sql("UPDATE outbox SET next_attempt_at = UTC_TIMESTAMP(6) WHERE " + fresh);
    CPPUNIT_ASSERT(eventually(
        [&] {
          return number("SELECT COUNT(*) FROM outbox WHERE " + fresh +
                        " AND attempts = 2 AND state = 'pending'") == 1;
        },
        seconds(30)));
    wait = number(
        "SELECT TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(6), next_attempt_at) FROM outbox WHERE " +
        fresh);
    CPPUNIT_ASSERT_MESSAGE(std::to_string(wait), wait >= 50 && wait <= 60);
    sql("DELETE FROM outbox WHERE " + fresh + " AND state = 'pending'");
  }

  void two_mailers_deliver_each_message_once() {
    std::string tag = new_tag();
    // A second mailer beside the stack's own, registered like the stack's processes so
    // `scripts/stack down` stops it even if this test fails half way.
    stack_procs(with_stack_env() + "proc_start mailer2 \"$XUEJI_BUILD_DIR/xueji-mailer\"");
    bool stopped = false;
    try {
      CPPUNIT_ASSERT(
          eventually([] { return contains_text(latest_log("mailer2"), "started"); }, seconds(10)));
      queue("pair", tag, 200);
      CPPUNIT_ASSERT(
          eventually([&] { return in_state("pair-" + tag + "-%", "sent") == 200; }, seconds(90)));
      std::map<std::string, int> counts = delivered(tag);
      CPPUNIT_ASSERT_EQUAL(std::size_t{200}, counts.size());
      for (const auto& [recipient, n] : counts) CPPUNIT_ASSERT_EQUAL_MESSAGE(recipient, 1, n);
      // SIGTERM: the second mailer stops cleanly, and it did take part.
      stack_procs("proc_stop 15 mailer2");
      stopped = true;
      std::string log = latest_log("mailer2");
      CPPUNIT_ASSERT_MESSAGE(log, contains_text(log, "xueji-mailer: stopped"));
      CPPUNIT_ASSERT_MESSAGE(log, occurrences(log, ": sent") >= 1);
    } catch (...) {
      if (!stopped) stack_procs("proc_stop 15 mailer2");
      throw;
    }
  }

  void a_dead_mailers_claim_comes_back_after_its_lease() {
    std::string tag = new_tag();
    std::string expired = "lease-expired-" + tag + "@example.org";
    std::string held = "lease-held-" + tag + "@example.org";
    sql("INSERT INTO outbox (recipient, subject, body, state, attempts, next_attempt_at, "
        "created_at) "
        "VALUES ('" +
        expired +
        "', 'lease', 'x', 'sending', 1, UTC_TIMESTAMP(6) - INTERVAL 1 SECOND, "
        "UTC_TIMESTAMP(6)), ('" +
        held +
        "', 'lease', 'x', 'sending', 1, UTC_TIMESTAMP(6) + "
        "INTERVAL 1 HOUR, UTC_TIMESTAMP(6))");
    CPPUNIT_ASSERT(eventually(
        [&] {
          return scalar("SELECT CONCAT(state, '|', attempts) FROM outbox WHERE recipient = '" +
                        expired + "'") == "sent|2";
        },
        seconds(20)));
    CPPUNIT_ASSERT_EQUAL(
        std::string("sending|1"),
        scalar("SELECT CONCAT(state, '|', attempts) FROM outbox WHERE recipient = '" + held + "'"));
    CPPUNIT_ASSERT_EQUAL(std::size_t{1}, delivered(tag).size());
    sql("DELETE FROM outbox WHERE recipient = '" + held + "'");
  }

  // XUEJI_SMTP_TLS=required set explicitly holds for a loopback relay too, so the sink on
  // 127.0.0.1 stands in for a remote relay; the exemption itself is smtp_tls_test.cpp's.
  void required_tls_keeps_mail_queued_without_starttls_and_opportunistic_sends_it() {
    StandardSinkAfterwards restore_sink;
    StandardMailerAfterwards restore_mailer;
    wait_for_a_quiet_outbox();
    start_tls_sink("none");
    restart_mailer("XUEJI_SMTP_TLS=required");
    std::string tag = new_tag();
    std::string to = "tlsplain-" + tag + "-1@example.org";
    queue("tlsplain", tag, 1);
    CPPUNIT_ASSERT(eventually(
        [&] { return state_of(to) == "pending|1" && !last_error_of(to).empty(); }, seconds(20)));
    std::string error = last_error_of(to);
    CPPUNIT_ASSERT_MESSAGE(error, contains_text(error, "does not offer STARTTLS"));
    CPPUNIT_ASSERT(delivered(tag).empty());
    std::string log = latest_log("mailer");
    CPPUNIT_ASSERT_MESSAGE(log, contains_text(log, "TLS required"));
    CPPUNIT_ASSERT_MESSAGE(log, contains_text(log, "temporary failure, retry at"));
    CPPUNIT_ASSERT_MESSAGE(log, contains_text(log, "does not offer STARTTLS"));
    CPPUNIT_ASSERT_MESSAGE(log, !contains_text(log, tag));
    // Opportunistic: the same message, still queued, goes in clear.
    restart_mailer("XUEJI_SMTP_TLS=opportunistic");
    due_now(to);
    CPPUNIT_ASSERT(eventually([&] { return state_of(to) == "sent|2"; }, seconds(20)));
    CPPUNIT_ASSERT_EQUAL(std::string("none"), tls_of_delivered(to));
  }

  void required_tls_delivers_over_starttls_and_smtps_to_a_trusted_certificate() {
    StandardSinkAfterwards restore_sink;
    StandardMailerAfterwards restore_mailer;
    std::string tag = new_tag();
    // STARTTLS on smtp://127.0.0.1 (the certificate names that address), the test CA trusted.
    start_tls_sink("starttls");
    restart_mailer("XUEJI_SMTP_TLS=required XUEJI_SMTP_CA_FILE=" + quote_arg(ca_file()));
    std::string starttls = "tlsstart-" + tag + "-1@example.org";
    queue("tlsstart", tag, 1);
    CPPUNIT_ASSERT(eventually([&] { return state_of(starttls) == "sent|1"; }, seconds(20)));
    CPPUNIT_ASSERT_EQUAL(std::string("TLSv1.3"), tls_of_delivered(starttls));
    // smtps:// to localhost: TLS from the first byte, the name checked against the certificate.
    start_tls_sink("smtps");
    restart_mailer(std::string("XUEJI_SMTP_URL=smtps://localhost:") + kSmtpPortFromEnv +
                   " XUEJI_SMTP_TLS=required XUEJI_SMTP_CA_FILE=" + quote_arg(ca_file()));
    std::string smtps = "tlssmtps-" + tag + "-1@example.org";
    queue("tlssmtps", tag, 1);
    CPPUNIT_ASSERT(eventually([&] { return state_of(smtps) == "sent|1"; }, seconds(20)));
    CPPUNIT_ASSERT_EQUAL(std::string("TLSv1.3"), tls_of_delivered(smtps));
  }

  void an_untrusted_certificate_stops_delivery_in_both_modes() {
    StandardSinkAfterwards restore_sink;
    StandardMailerAfterwards restore_mailer;
    wait_for_a_quiet_outbox();
    start_tls_sink("starttls");
    // The system store does not know the test CA.
    restart_mailer("XUEJI_SMTP_TLS=required");
    std::string tag = new_tag();
    std::string to = "tlsuntrusted-" + tag + "-1@example.org";
    queue("tlsuntrusted", tag, 1);
    CPPUNIT_ASSERT(eventually(
        [&] { return state_of(to) == "pending|1" && !last_error_of(to).empty(); }, seconds(20)));
    std::string error = last_error_of(to);
    CPPUNIT_ASSERT_MESSAGE(error, contains_text(error, "certificate"));
    // Opportunistic TLS still verifies what the server offers: no fallback to clear text.
    restart_mailer("XUEJI_SMTP_TLS=opportunistic");
    due_now(to);
    CPPUNIT_ASSERT(eventually([&] { return state_of(to) == "pending|2"; }, seconds(20)));
    error = last_error_of(to);
    CPPUNIT_ASSERT_MESSAGE(error, contains_text(error, "certificate"));
    CPPUNIT_ASSERT(delivered(tag).empty());
    // Trusting the test CA, opportunistic TLS takes the STARTTLS the server offers.
    restart_mailer("XUEJI_SMTP_TLS=opportunistic XUEJI_SMTP_CA_FILE=" + quote_arg(ca_file()));
    due_now(to);
    CPPUNIT_ASSERT(eventually([&] { return state_of(to) == "sent|3"; }, seconds(20)));
    CPPUNIT_ASSERT_EQUAL(std::string("TLSv1.3"), tls_of_delivered(to));
  }

  void the_mailer_refuses_bad_tls_settings_at_start() {
    for (const std::string setting :
         {"XUEJI_SMTP_TLS=sometimes", "XUEJI_SMTP_CA_FILE=/nonexistent"}) {
      CliResult r = run_shell(with_stack_env() + "exec env " + setting +
                              " \"$XUEJI_BUILD_DIR/xueji-mailer\"");
      CPPUNIT_ASSERT_EQUAL_MESSAGE(r.err, 2, r.status);
      std::string variable = setting.substr(0, setting.find('='));
      CPPUNIT_ASSERT_MESSAGE(r.err,
                             contains_text(r.err, "configuration error: " + variable + ": "));
    }
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(MailTest);
