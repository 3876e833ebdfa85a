// account_command.cpp: xueji-ctl account … — legacy accounts for demos and tests, and the
// administrator's look, unlock, password reset and two-factor reset.
#include "ctl/account_command.h"

#include <pwd.h>
#include <unistd.h>

#include <cstdio>
#include <map>
#include <stdexcept>
#include <string>

#include "core/account_policy.h"
#include "core/crypto.h"
#include "core/email_address.h"
#include "core/lockout.h"
#include "core/national_id.h"
#include "core/password_hash.h"
#include "core/password_policy.h"
#include "core/personal_data.h"
#include "core/taipei_time.h"
#include "mail/account_notices.h"
#include "sql/account_store.h"
#include "sql/audit_store.h"
#include "sql/session_store.h"

namespace xueji {
namespace {

constexpr const char* kUsage =
    "用法：xueji-ctl account show|unlock|reset-password|reset-2fa ACCOUNT\n"
    "      xueji-ctl account add-legacy --national-id ID --account NAME --password PW \\\n"
    "                [--password-changed YYYY-MM-DD] [--email ADDRESS]\n";

// A legacy password set "long ago" when no date is given: well past the 90-day limit.
constexpr std::chrono::days kDefaultLegacyAge{365};

struct Refused : std::runtime_error {  // bad input or a state that forbids the command: exit 1
  using std::runtime_error::runtime_error;
};
struct Usage : std::runtime_error {  // exit 2
  using std::runtime_error::runtime_error;
};

std::string unix_user() {
  if (const passwd* pw = getpwuid(geteuid())) return pw->pw_name;
  return "uid:" + std::to_string(geteuid());
}

void audit(store::Db& db, const std::string& action, const std::string& target) {
  store::audit(db, {unix_user(), action, target, "", ""}, std::chrono::system_clock::now());
}

// Best effort, like the other commands: a refusal is recorded when the database answers, and its
// own message is never hidden when it does not.
void audit_refusal(store::Db& db, const std::string& sub) {
  std::string action = "account." + sub + ".refused";
  for (char& c : action) {
    if (c == '-') c = '_';
  }
  try {
    audit(db, action, "");
  } catch (const std::exception& e) {
    std::fprintf(stderr, "xueji-ctl：（無法寫入稽核紀錄：%s）\n", e.what());
  }
}

std::string target_of(const store::Account& a) { return "account:" + std::to_string(a.id); }

store::Account account_named(store::Db& db, const std::string& name) {
  auto account = store::find_account_by_key(db, account_login_key(name));
  if (!account) throw Refused("找不到帳號「" + name + "」");
  return *account;
}

// --name value pairs; every option must be known and given once.
std::map<std::string, std::string> options(int argc, char** argv, int first,
                                           std::initializer_list<const char*> known) {
  std::map<std::string, std::string> out;
  for (int i = first; i < argc; i += 2) {
    std::string name = argv[i];
    bool ok = false;
    for (const char* k : known) ok = ok || name == k;
    if (!ok) throw Usage("不認得的選項「" + name + "」");
    if (i + 1 >= argc) throw Usage(name + " 缺少值");
    if (!out.emplace(name, argv[i + 1]).second) throw Usage(name + " 重複指定");
  }
  return out;
}

bool plain_account_name(const std::string& name) {
  if (name.empty() || name.size() > 64) return false;
  for (unsigned char c : name) {
    if (c <= ' ' || c == 0x7F) return false;
  }
  return true;
}

int add_legacy(int argc, char** argv, const Config& config, store::Db& db) {
  auto opts = options(
      argc, argv, 2, {"--national-id", "--account", "--password", "--password-changed", "--email"});
  for (const char* required : {"--national-id", "--account", "--password"}) {
    if (!opts.count(required)) throw Usage("缺少 " + std::string(required));
  }
  std::string id = normalize_national_id(opts["--national-id"]);
  if (!is_valid_national_id(id)) throw Refused("--national-id 不是有效的身分證字號或統一證號");
  const std::string& name = opts["--account"];
  // Legacy names may break today's rules (that is their point), but must be storable.
  if (!plain_account_name(name)) {
    throw Refused("--account 須為 1 至 64 個位元組，且不含空白或控制字元");
  }
  const std::string& password = opts["--password"];
  if (password.empty() || password.size() > 256) throw Refused("--password 須為 1 至 256 個位元組");
  TimePoint now = std::chrono::system_clock::now();
  TimePoint changed = now - kDefaultLegacyAge;
  if (opts.count("--password-changed")) {
    auto date = parse_iso_date(opts["--password-changed"]);
    if (!date) throw Refused("--password-changed 的格式須為 YYYY-MM-DD");
    changed = taipei_midnight(*date);
    if (changed > now) throw Refused("--password-changed 不得是未來的日期");
  }
  std::optional<std::string> email;
  if (opts.count("--email")) {
    EmailProblem problem = email_problem(opts["--email"]);
    if (problem != EmailProblem::kNone) {
      throw Refused("--email：" + std::string(email_problem_message(problem)));
    }
    email = normalize_email(opts["--email"]);
  }

  auto person = store::find_person_by_hmac(db, national_id_hmac(config.secret, id));
  if (!person) {
    throw Refused("沒有這個身分證號的教職員資料，請先以 xueji-ctl staff add 建立");
  }
  if (auto existing = store::account_name_of_person(db, person->id)) {
    throw Refused(person->id_masked + " 已有個人業務帳號「" + *existing + "」，未新增");
  }
  std::string key = account_login_key(name);
  if (store::login_key_taken(db, key, 0)) throw Refused("帳號「" + name + "」已有人使用，未新增");

  crypto::Random random;
  std::string hash = hash_password(password, random);
  std::int64_t account_id = db.transaction([&] {
    std::int64_t new_id =
        store::insert_legacy_account(db, person->id, name, key, hash, changed, email, now);
    audit(db, "account.add_legacy", "account:" + std::to_string(new_id));
    return new_id;
  });
  std::printf("已為 %s 新增舊系統帳號「%s」（編號 %lld），密碼設定日 %s，E-Mail %s。\n",
              person->id_masked.c_str(), name.c_str(), static_cast<long long>(account_id),
              format_date(taipei_date(changed)).c_str(),
              email ? (*email + "（未驗證）").c_str() : "無");
  return 0;
}

// One "label：value" line; labels padded by hand since printf counts bytes, not columns.
void field(const char* label, const std::string& value) {
  std::printf("%s：%s\n", label, value.c_str());
}

int show(const store::Account& a, store::Db& db) {
  TimePoint now = std::chrono::system_clock::now();
  AccountRuleContext rules;
  rules.birth_date = a.birth_date;
  auto name_problems = account_name_problems(a.login_name, rules);
  auto age = std::chrono::floor<std::chrono::days>(now - a.password_changed_at).count();
  field("帳號　　　", a.login_name + "（編號 " + std::to_string(a.id) + "）");
  field("身分證號　", a.id_masked + (a.display_name.empty() ? "" : "　" + a.display_name));
  field("帳號規則　", name_problems.empty() ? "符合" : "不符合：" + name_problems.front());
  field("E-Mail　　", !a.email ? "無"
                      : a.email_verified_at
                          ? *a.email + "（" + format_taipei(*a.email_verified_at) + " 驗證）"
                          : *a.email + "（未驗證）");
  field("密碼設定　", format_taipei(a.password_changed_at) + "（" + std::to_string(age) + " 天前" +
                          (password_expired(a.password_changed_at, now) ? "，已逾 90 天" : "") +
                          "）");
  field("須修改　　", std::string("密碼 ") + (a.must_change_password ? "是" : "否") + "，帳號 " +
                          (a.must_change_name ? "是" : "否"));
  field("密碼錯誤　", std::to_string(a.failed_count) + " 次");
  field("停用　　　", lock_state(a.locked_until, now) == LockState::kLocked
                          ? "停用至 " + format_taipei(*a.locked_until)
                          : "否");
  field("雙因子認證", a.totp_bound_at ? format_taipei(*a.totp_bound_at) + " 綁定" : "未綁定");
  audit(db, "account.show", target_of(a));
  return 0;
}

int unlock(const store::Account& a, store::Db& db) {
  bool was_locked =
      lock_state(a.locked_until, std::chrono::system_clock::now()) == LockState::kLocked;
  db.transaction([&] {
    store::unlock_account(db, a.id);
    audit(db, "account.unlock", target_of(a));
  });
  std::printf("帳號「%s」%s，密碼錯誤次數已歸零。\n", a.login_name.c_str(),
              was_locked ? "已解除停用" : "原本未停用");
  return 0;
}

// 16 characters from the four classes, without look-alikes (0/O, 1/l/I) for reading aloud.
std::string one_time_password(crypto::Random& random) {
  static const std::string kClasses[] = {"ABCDEFGHJKLMNPQRSTUVWXYZ", "abcdefghijkmnpqrstuvwxyz",
                                         "23456789", "!@#$%*+-=?"};
  for (;;) {
    std::string pw;
    for (int i = 0; i < 16; ++i) {
      // The first four characters cover the classes; then any class.
      const std::string& set = kClasses[i < 4 ? i : random.uniform(4)];
      pw += set[random.uniform(static_cast<std::uint32_t>(set.size()))];
    }
    for (std::size_t i = pw.size() - 1; i > 0; --i) {  // shuffle so the classes are not in order
      std::swap(pw[i], pw[random.uniform(static_cast<std::uint32_t>(i + 1))]);
    }
    if (password_problems(pw, {}).empty()) return pw;
  }
}

int reset_password(const store::Account& a, store::Db& db) {
  crypto::Random random;
  std::string password = one_time_password(random);
  std::string hash = hash_password(password, random);
  TimePoint now = std::chrono::system_clock::now();
  db.transaction([&] {
    store::change_password(db, a.id, hash, now, true);
    store::delete_account_sessions(db, a.id, std::string());
    queue_account_notice(db, a, AccountEvent::kPasswordReset, now);
    audit(db, "account.reset_password", target_of(a));
  });
  std::printf("帳號「%s」的一次性密碼：%s\n"
              "（只顯示這一次；下次登入時須修改密碼；此帳號的登入工作階段已全部結束。）\n",
              a.login_name.c_str(), password.c_str());
  return 0;
}

int reset_2fa(const store::Account& a, store::Db& db) {
  TimePoint now = std::chrono::system_clock::now();
  db.transaction([&] {
    store::clear_totp(db, a.id);
    store::delete_account_sessions(db, a.id, std::string());
    queue_account_notice(db, a, AccountEvent::kTotpReset, now);
    audit(db, "account.reset_2fa", target_of(a));
  });
  std::printf("帳號「%s」的雙因子認證%s；下次登入時須重新綁定；此帳號的登入工作階段已全部結束。\n",
              a.login_name.c_str(), a.totp_bound_at ? "已重設" : "原本未綁定");
  return 0;
}

}  // namespace

int run_account_command(int argc, char** argv, const Config& config, store::Db& db) {
  std::string sub = argc >= 2 ? argv[1] : "";
  try {
    if (argc < 2) throw Usage("缺少子指令");
    if (sub == "add-legacy") return add_legacy(argc, argv, config, db);
    if (sub != "show" && sub != "unlock" && sub != "reset-password" && sub != "reset-2fa") {
      throw Usage("不認得的子指令「" + sub + "」");
    }
    if (argc != 3) throw Usage(sub + " 需要剛好一個 ACCOUNT");
    store::Account account = account_named(db, argv[2]);
    if (sub == "show") return show(account, db);
    if (sub == "unlock") return unlock(account, db);
    if (sub == "reset-password") return reset_password(account, db);
    return reset_2fa(account, db);
  } catch (const Usage& e) {
    std::fprintf(stderr, "xueji-ctl account：%s\n%s", e.what(), kUsage);
    return 2;
  } catch (const Refused& e) {
    std::fprintf(stderr, "xueji-ctl account %s：%s\n", sub.c_str(), e.what());
    audit_refusal(db, sub);
    return 1;
  }
}

}  // namespace xueji
