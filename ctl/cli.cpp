// cli.cpp: option parsing, the lazily opened configuration and database, and audit rows with
// the Unix user as actor.
#include "ctl/cli.h"

#include <pwd.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>

#include "sql/audit_store.h"

namespace xueji::ctl {
namespace {

bool listed(const std::vector<std::string_view>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// Valued options that may be given more than once (Options::all reads them).
bool repeatable(std::string_view name) {
  return name == "--redirect-uri" || name == "--post-logout-redirect-uri";
}

std::string unix_user() {
  if (const passwd* pw = getpwuid(geteuid())) return pw->pw_name;
  return "uid:" + std::to_string(geteuid());
}

}  // namespace

Options::Options(const std::vector<std::string>& args, const std::vector<std::string_view>& valued,
                 const std::vector<std::string_view>& flags) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg.size() < 3 || arg.compare(0, 2, "--") != 0) {
      positional_.push_back(arg);  // "-" (standard input) included
      continue;
    }
    std::string name = arg;
    std::optional<std::string> inline_value;
    if (std::size_t eq = arg.find('='); eq != std::string::npos) {
      name = arg.substr(0, eq);
      inline_value = arg.substr(eq + 1);
    }
    if (listed(flags, name)) {
      if (inline_value) throw UsageError("選項 " + name + " 不接受值");
      if (flag(name)) throw UsageError("選項 " + name + " 只能出現一次");
      flags_.push_back(name);
      continue;
    }
    if (!listed(valued, name)) throw UsageError("不認得的選項 " + name);
    if (get(name) && !repeatable(name)) throw UsageError("選項 " + name + " 只能出現一次");
    if (!inline_value) {
      if (i + 1 >= args.size()) throw UsageError("選項 " + name + " 後面缺少值");
      inline_value = args[++i];
    }
    values_.emplace_back(name, *inline_value);
  }
}

std::vector<std::string> Options::all(std::string_view name) const {
  std::vector<std::string> out;
  for (const auto& [key, value] : values_) {
    if (key == name) out.push_back(value);
  }
  return out;
}

std::optional<std::string> Options::get(std::string_view name) const {
  for (const auto& [key, value] : values_) {
    if (key == name) return value;
  }
  return std::nullopt;
}

std::string Options::required(std::string_view name) const {
  auto value = get(name);
  if (!value) throw UsageError("缺少必要的選項 " + std::string(name));
  return *value;
}

bool Options::flag(std::string_view name) const {
  return std::find(flags_.begin(), flags_.end(), name) != flags_.end();
}

Ctl::Ctl() : actor_(unix_user()) {}

Ctl::~Ctl() = default;

const Config& Ctl::config() {
  if (!config_) config_ = std::make_unique<Config>(Config::from_environment());
  return *config_;
}

store::Db& Ctl::db() {
  if (!db_) db_ = std::make_unique<store::Db>(config());
  return *db_;
}

void Ctl::audit(std::string_view action, const std::string& target) {
  store::audit(db(), {actor_, std::string(action), target, "", ""}, now());
}

std::string school_label(const std::string& code, const std::string& name) {
  return code + " " + name;
}

void print_line(const std::string& text) {
  std::fwrite(text.data(), 1, text.size(), stdout);
  std::fputc('\n', stdout);
}

std::string read_input_file(const std::string& path, std::size_t max_bytes,
                            const std::string& too_big) {
  std::string text;
  if (path == "-") {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Refused("無法開啟檔案 " + path);
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (in.bad()) throw Refused("讀取檔案 " + path + " 時發生錯誤");
  }
  if (text.size() > max_bytes) throw Refused(too_big);
  return text;
}

const std::vector<const Command*>& all_commands() {
  static const std::vector<const Command*> commands = {
      &migrate_command(),     &school_add_command(),    &school_list_command(),
      &staff_add_command(),   &staff_import_command(),  &staff_list_command(),
      &duty_assign_command(), &year_activate_command(), &year_show_command(),
      &outbox_list_command(), &outbox_retry_command(),  &mail_test_command(),
      &purge_command(),
      &account_show_command(), &account_unlock_command(), &account_reset_password_command(),
      &account_reset_2fa_command(), &account_add_legacy_command(),
      &client_add_command(), &client_list_command(), &client_remove_command(),
      &client_rotate_secret_command(), &keys_rotate_command(),
      &announcement_set_command(), &announcement_show_command(),
      &posts_set_command(), &posts_show_command(),
      &helpdesk_add_command(), &helpdesk_remove_command(),
  };
  return commands;
}

}  // namespace xueji::ctl
