// account_command.cpp: xueji-ctl account … — legacy accounts for demos and tests, and the
// administrator's look, unlock, password reset and two-factor reset.
#include <cstdio>
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
#include "ctl/cli.h"
#include "mail/account_notices.h"
#include "sql/account_store.h"
#include "sql/session_store.h"

namespace xueji::ctl {
namespace {

// A legacy password set "long ago" when no date is given: well past the 90-day limit.
constexpr std::chrono::days kDefaultLegacyAge{365};

std::string target_of(const store::Account& a) { return "account:" + std::to_string(a.id); }

// The account the command's one positional argument names; the refusal's audit row names it.
store::Account account_named(Ctl& ctl, const Options& options) {
  const std::string& name = options.positional().at(0);
  auto account = store::find_account_by_key(ctl.db(), account_login_key(name));
  if (!account) throw Refused("找不到帳號「" + name + "」");
  ctl.set_target(target_of(*account));
  return *account;
}

bool plain_account_name(const std::string& name) {
  if (name.empty() || name.size() > 64) return false;
  for (unsigned char c : name) {
    if (c <= ' ' || c == 0x7F) return false;
  }
  return true;
}

int add_legacy(Ctl& ctl, const Options& options) {
  std::string id = normalize_national_id(options.required("--national-id"));
  if (!is_valid_national_id(id)) throw Refused("--national-id 不是有效的身分證字號或統一證號");
  const std::string name = options.required("--account");
  // Legacy names may break today's rules (that is their point), but must be storable.
  if (!plain_account_name(name)) {
    throw Refused("--account 須為 1 至 64 個位元組，且不含空白或控制字元");
  }
  const std::string password = options.required("--password");
  if (password.empty() || password.size() > 256) throw Refused("--password 須為 1 至 256 個位元組");
  TimePoint now = ctl.now();
  TimePoint changed = now - kDefaultLegacyAge;
  if (auto changed_text = options.get("--password-changed")) {
    auto date = parse_iso_date(*changed_text);
    if (!date) throw Refused("--password-changed 的格式須為 YYYY-MM-DD");
    changed = taipei_midnight(*date);
    if (changed > now) throw Refused("--password-changed 不得是未來的日期");
  }
  std::optional<std::string> email;
  if (auto typed = options.get("--email")) {
    EmailProblem problem = email_problem(*typed);
    if (problem != EmailProblem::kNone) {
      throw Refused("--email：" + std::string(email_problem_message(problem)));
    }
    email = normalize_email(*typed);
  }

  store::Db& db = ctl.db();
  auto person = store::find_person_by_hmac(db, national_id_hmac(ctl.config().secret, id));
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
    ctl.audit("account.add_legacy", "account:" + std::to_string(new_id));
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

int show(Ctl& ctl, const Options& options) {
  store::Account a = account_named(ctl, options);
  TimePoint now = ctl.now();
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
  ctl.audit("account.show", target_of(a));
  return 0;
}

int unlock(Ctl& ctl, const Options& options) {
  store::Account a = account_named(ctl, options);
  bool was_locked = lock_state(a.locked_until, ctl.now()) == LockState::kLocked;
  store::Db& db = ctl.db();
  db.transaction([&] {
    store::unlock_account(db, a.id);
    ctl.audit("account.unlock", target_of(a));
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

int reset_password(Ctl& ctl, const Options& options) {
  store::Account a = account_named(ctl, options);
  crypto::Random random;
  std::string password = one_time_password(random);
  std::string hash = hash_password(password, random);
  TimePoint now = ctl.now();
  store::Db& db = ctl.db();
  db.transaction([&] {
    store::change_password(db, a.id, hash, now, true);
    store::revoke_devices(db, a.id);
    store::delete_account_sessions(db, a.id, std::string());
    queue_account_notice(db, a, AccountEvent::kPasswordReset, now);
    ctl.audit("account.reset_password", target_of(a));
  });
  std::printf("帳號「%s」的一次性密碼：%s\n"
              "（只顯示這一次；下次登入時須修改密碼；此帳號的登入工作階段已全部結束。）\n",
              a.login_name.c_str(), password.c_str());
  return 0;
}

int reset_2fa(Ctl& ctl, const Options& options) {
  store::Account a = account_named(ctl, options);
  TimePoint now = ctl.now();
  store::Db& db = ctl.db();
  db.transaction([&] {
    store::reset_two_factor(db, a.id);
    queue_account_notice(db, a, AccountEvent::kTotpReset, now);
    ctl.audit("account.reset_2fa", target_of(a));
  });
  std::printf("帳號「%s」的雙因子認證%s；下次登入時須重新綁定；此帳號的登入工作階段已全部結束。\n",
              a.login_name.c_str(), a.totp_bound_at ? "已重設" : "原本未綁定");
  return 0;
}

}  // namespace

const Command& account_show_command() {
  static const Command command{"account show", "account show ACCOUNT",
                               "顯示帳號的狀態：帳號規則、E-Mail、密碼設定日、停用與雙因子認證。",
                               {}, {}, 1, 1, "account.show", show};
  return command;
}

const Command& account_unlock_command() {
  static const Command command{"account unlock", "account unlock ACCOUNT",
                               "解除帳號的停用，並將密碼錯誤次數歸零。",
                               {}, {}, 1, 1, "account.unlock", unlock};
  return command;
}

const Command& account_reset_password_command() {
  static const Command command{
      "account reset-password", "account reset-password ACCOUNT",
      "發給帳號一組一次性密碼（只顯示一次），下次登入時須修改密碼；結束此帳號所有登入。",
      {}, {}, 1, 1, "account.reset_password", reset_password};
  return command;
}

const Command& account_reset_2fa_command() {
  static const Command command{"account reset-2fa", "account reset-2fa ACCOUNT",
                               "重設帳號的雙因子認證，下次登入時須重新綁定；結束此帳號所有登入。",
                               {}, {}, 1, 1, "account.reset_2fa", reset_2fa};
  return command;
}

const Command& account_add_legacy_command() {
  static const Command command{
      "account add-legacy",
      "account add-legacy --national-id ID --account NAME --password PW "
      "[--password-changed YYYY-MM-DD] [--email ADDRESS]",
      "新增一個如舊系統留下的帳號（示範與測試用）：名稱可不符合今日的帳號規則，密碼設定日預設為一年前。",
      {"--national-id", "--account", "--password", "--password-changed", "--email"},
      {}, 0, 0, "account.add_legacy", add_legacy};
  return command;
}

}  // namespace xueji::ctl
