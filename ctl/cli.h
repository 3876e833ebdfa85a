// cli.h: what every xueji-ctl command shares — its description (usage, options, audit action),
// option parsing, the two kinds of refusal and their exit codes, and the lazily opened
// configuration and database (so `--help` works without either).
#pragma once
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/config.h"
#include "sql/db.h"

namespace xueji::ctl {

inline constexpr int kExitOk = 0;
inline constexpr int kExitRefused = 1;  // bad input, a state that forbids it, or a failure
inline constexpr int kExitUsage = 2;    // the command line itself is wrong

// The command line is wrong (unknown option, missing value): exit 2 with the usage.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The input or the data forbids the command: exit 1, with an audit row "<action>.refused".
struct Refused : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// --name value options, --flag options and positional arguments of one command.
class Options {
 public:
  Options(const std::vector<std::string>& args, const std::vector<std::string_view>& valued,
          const std::vector<std::string_view>& flags);
  std::optional<std::string> get(std::string_view name) const;
  // Every value of a repeatable option (--redirect-uri), in order.
  std::vector<std::string> all(std::string_view name) const;
  std::string required(std::string_view name) const;  // UsageError when absent
  bool flag(std::string_view name) const;
  const std::vector<std::string>& positional() const { return positional_; }

 private:
  std::vector<std::pair<std::string, std::string>> values_;
  std::vector<std::string> flags_;
  std::vector<std::string> positional_;
};

class Ctl;

struct Command {
  std::string_view name;         // "staff add"
  std::string_view usage;        // the synopsis, after "xueji-ctl "
  std::string_view description;  // zh-TW, shown by --help
  std::vector<std::string_view> value_options;
  std::vector<std::string_view> flag_options;
  std::size_t min_positional = 0;
  std::size_t max_positional = 0;
  std::string_view audit_action;  // "staff.add"
  int (*run)(Ctl& ctl, const Options& options) = nullptr;
};

// The context a running command uses.
class Ctl {
 public:
  Ctl();
  ~Ctl();

  const Config& config();
  store::Db& db();
  bool db_opened() const { return db_ != nullptr; }
  TimePoint now() const { return clock_.now(); }
  // The Unix user running the command: the actor of its audit rows.
  const std::string& actor() const { return actor_; }

  // Writes an audit row now (inside the caller's transaction when there is one).
  void audit(std::string_view action, const std::string& target);
  // What a refusal's audit row names as its target; commands set it as soon as they know it.
  void set_target(std::string target) { target_ = std::move(target); }
  const std::string& target() const { return target_; }

 private:
  std::unique_ptr<Config> config_;
  std::unique_ptr<store::Db> db_;
  Clock clock_;
  std::string actor_;
  std::string target_;
};

// Every command of this program, in the order `xueji-ctl --help` lists them.
const std::vector<const Command*>& all_commands();

// Each command file defines one or more of these.
const Command& migrate_command();
const Command& school_add_command();
const Command& school_list_command();
const Command& staff_add_command();
const Command& staff_import_command();
const Command& staff_list_command();
const Command& duty_assign_command();
const Command& year_activate_command();
const Command& year_show_command();
const Command& outbox_list_command();
const Command& outbox_retry_command();
const Command& mail_test_command();
const Command& purge_command();
const Command& account_show_command();
const Command& account_unlock_command();
const Command& account_reset_password_command();
const Command& account_reset_2fa_command();
const Command& account_add_legacy_command();
const Command& client_add_command();
const Command& client_list_command();
const Command& client_remove_command();
const Command& client_rotate_secret_command();
const Command& keys_rotate_command();
const Command& announcement_set_command();
const Command& announcement_show_command();
const Command& posts_set_command();
const Command& posts_show_command();
const Command& helpdesk_add_command();
const Command& helpdesk_remove_command();

// Helpers shared by the commands.
// The active school year, or the school year of today in Taipei when none was ever activated.
int effective_school_year(Ctl& ctl);
// The school year of a --year option (an ROC year such as 115); Refused when malformed.
int school_year_option(Ctl& ctl, const std::optional<std::string>& text);
std::string school_label(const std::string& code, const std::string& name);  // "193601 示範國小"
void print_line(const std::string& text);                                    // to stdout
// The whole of a file named on the command line ("-" for stdin); Refused when it cannot be read
// or holds more than max_bytes (too_big: the zh-TW message then).
std::string read_input_file(const std::string& path, std::size_t max_bytes,
                            const std::string& too_big);

}  // namespace xueji::ctl
