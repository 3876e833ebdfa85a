// main.cpp: xueji-ctl — the administration command line (contract.md §4). Finds the command,
// answers --help, parses options, runs it, and turns its outcome into an exit code:
// 0 done, 1 refused or failed (with an audit row), 2 a wrong command line.
#include <cstdio>
#include <string>
#include <vector>

#include "ctl/cli.h"

namespace xueji::ctl {
namespace {

void print_overview(std::FILE* out) {
  std::fputs("用法：xueji-ctl 指令 [選項…]    （每個指令都可加 --help 看說明）\n\n指令：\n", out);
  for (const Command* command : all_commands()) {
    std::fprintf(out, "  %.*s\n", static_cast<int>(command->usage.size()), command->usage.data());
  }
  std::fputs(
      "\n設定取自環境變數 XUEJI_*（與各服務相同）；結束代碼 0 成功，1 資料被拒或執行失敗，"
      "2 指令用法錯誤。\n",
      out);
}

void print_help(const Command& command) {
  std::printf("用法：xueji-ctl %.*s\n\n%.*s\n", static_cast<int>(command.usage.size()),
              command.usage.data(), static_cast<int>(command.description.size()),
              command.description.data());
}

void print_usage_error(const Command& command, const std::string& message) {
  std::fprintf(stderr,
               "xueji-ctl %.*s：%s\n用法：xueji-ctl %.*s\n（說明：xueji-ctl %.*s --help）\n",
               static_cast<int>(command.name.size()), command.name.data(), message.c_str(),
               static_cast<int>(command.usage.size()), command.usage.data(),
               static_cast<int>(command.name.size()), command.name.data());
}

// The command named by the first one or two words, and how many words its name took.
const Command* find_command(const std::vector<std::string>& args, std::size_t& words) {
  for (const Command* command : all_commands()) {
    std::string name(command->name);
    if (args.size() >= 2 && name == args[0] + " " + args[1]) {
      words = 2;
      return command;
    }
    if (name == args[0]) {
      words = 1;
      return command;
    }
  }
  return nullptr;
}

bool is_group(const std::string& word) {
  for (const Command* command : all_commands()) {
    if (command->name.rfind(word + " ", 0) == 0) return true;
  }
  return false;
}

bool asks_for_help(const std::vector<std::string>& args) {
  for (const std::string& arg : args) {
    if (arg == "--help" || arg == "-h") return true;
  }
  return false;
}

// Best effort: a refusal is recorded when the database can be reached, and never hides the
// refusal's own message when it cannot.
void audit_refusal(Ctl& ctl, const Command& command) {
  try {
    ctl.audit(std::string(command.audit_action) + ".refused", ctl.target());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "xueji-ctl：（無法寫入稽核紀錄：%s）\n", e.what());
  }
}

int run(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    print_overview(stderr);
    return kExitUsage;
  }
  if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    print_overview(stdout);
    return kExitOk;
  }

  std::size_t words = 0;
  const Command* command = find_command(args, words);
  if (!command) {
    if (is_group(args[0])) {
      std::fprintf(stderr, "xueji-ctl：「%s」後面缺少或不認得子指令；可用的有：\n",
                   args[0].c_str());
      for (const Command* c : all_commands()) {
        if (c->name.rfind(args[0] + " ", 0) == 0) {
          std::fprintf(stderr, "  xueji-ctl %.*s\n", static_cast<int>(c->usage.size()),
                       c->usage.data());
        }
      }
    } else {
      std::fprintf(stderr, "xueji-ctl：不認得的指令「%s」（xueji-ctl --help 列出所有指令）\n",
                   args[0].c_str());
    }
    return kExitUsage;
  }
  std::vector<std::string> rest(args.begin() + static_cast<long>(words), args.end());
  if (asks_for_help(rest)) {
    print_help(*command);
    return kExitOk;
  }

  Ctl ctl;
  try {
    Options options(rest, command->value_options, command->flag_options);
    std::size_t n = options.positional().size();
    if (n < command->min_positional) throw UsageError("缺少參數");
    if (n > command->max_positional)
      throw UsageError("多出的參數「" + options.positional()[n - 1] + "」");
    return command->run(ctl, options);
  } catch (const UsageError& e) {
    print_usage_error(*command, e.what());
    return kExitUsage;
  } catch (const Refused& e) {
    std::fprintf(stderr, "xueji-ctl %.*s：%s\n", static_cast<int>(command->name.size()),
                 command->name.data(), e.what());
    audit_refusal(ctl, *command);
  } catch (const ConfigError& e) {
    std::fprintf(stderr, "xueji-ctl：設定錯誤：%s\n", e.what());
  } catch (const store::Unavailable& e) {
    std::fprintf(stderr, "xueji-ctl：無法連線到資料庫：%s\n", e.what());
  } catch (const sql::SQLException& e) {
    std::fprintf(stderr, "xueji-ctl %.*s：資料庫錯誤（%d）：%s\n",
                 static_cast<int>(command->name.size()), command->name.data(), e.getErrorCode(),
                 e.what());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "xueji-ctl %.*s：執行失敗：%s\n", static_cast<int>(command->name.size()),
                 command->name.data(), e.what());
  }
  return kExitRefused;
}

}  // namespace
}  // namespace xueji::ctl

int main(int argc, char** argv) { return xueji::ctl::run(argc, argv); }
