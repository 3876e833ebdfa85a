// account_notices.cpp: subject and text of each account notice mail.
#include "mail/account_notices.h"

#include "core/lockout.h"
#include "core/national_id.h"
#include "core/taipei_time.h"
#include "sql/audit_store.h"
#include "sql/outbox_store.h"

namespace xueji {
namespace {

constexpr const char* kSubjectPrefix = "【國民中小學學籍管理系統 2.0】";
constexpr const char* kNotMe = "若非您本人操作，請立即使用登入頁面【忘記密碼】功能重設密碼，並洽貴"
                               "校學校權限AA帳號持有者協助。";

// Legacy account names are often ID numbers; a mail (and the outbox row holding it) must not
// carry one in clear, so any ID-shaped part of the name is masked as on every page.
std::string name_for_mail(const std::string& name) {
  constexpr std::size_t kIdLength = 10;
  std::string out = name;
  for (std::size_t i = 0; i + kIdLength <= out.size(); ++i) {
    std::string window = normalize_national_id(std::string_view(out).substr(i, kIdLength));
    if (window.size() == kIdLength && contains_any_national_id(window)) {
      out.replace(i, kIdLength, mask_national_id(window));
      i += kIdLength - 1;
    }
  }
  return out;
}

struct Notice {
  std::string subject;
  std::string what;  // the sentence saying what happened
};

Notice notice_for(const store::Account& a, AccountEvent event, const std::string& when,
                  const std::string& detail) {
  const std::string name = "「" + name_for_mail(a.login_name) + "」";
  switch (event) {
    case AccountEvent::kLocked:
    case AccountEvent::kLockedByCodes:
      return {"帳號暫時停用通知",
              "您的個人業務帳號" + name + "於 " + when +
                  (event == AccountEvent::kLocked ? " 因帳密連續輸入 3 次錯誤"
                                                  : " 因雙因子驗證碼連續輸入 5 次錯誤") +
                  "，已暫時停用 15 分鐘，" +
                  (detail.empty() ? std::string("請稍後") : detail + " 以後") + "才能再次登入。"};
    case AccountEvent::kPasswordChanged:
      return {"密碼變更通知", "您的個人業務帳號" + name + "已於 " + when + " 修改密碼。"};
    case AccountEvent::kPasswordReset:
      return {"密碼重設通知", "您的個人業務帳號" + name + "的密碼已於 " + when +
                                  " 由系統管理者重設，下次登入時須修改密碼。"};
    case AccountEvent::kRenamed:
      return {"帳號變更通知", "您的個人業務帳號已於 " + when + " 修改為「" + name_for_mail(detail) +
                                  "」，請使用新帳號登入。"};
    case AccountEvent::kTotpBound:
      return {"雙因子認證綁定通知",
              "您的個人業務帳號" + name + "已於 " + when + " 完成雙因子認證綁定。"};
    case AccountEvent::kTotpReset:
      return {"雙因子認證重設通知", "您的個人業務帳號" + name + "的雙因子認證已於 " + when +
                                        " 由系統管理者重設，下次登入時須重新綁定。"};
  }
  return {};
}

}  // namespace

void queue_account_notice(store::Db& db, const store::Account& account, AccountEvent event,
                          TimePoint now, const std::string& detail) {
  if (!account.email || account.email->empty()) return;
  if (!store::reserve_notice(db, account.id, taipei_date(now), kMaxNoticesPerDay)) {
    store::audit(db, {"system", "notice.suppressed", "account:" + std::to_string(account.id), "", ""},
                 now);
    return;
  }
  Notice n = notice_for(account, event, format_taipei(now), detail);
  std::string greeting = account.display_name.empty() ? "您好：" : account.display_name + " 您好：";
  std::string body = greeting + "\n\n" + n.what + "\n\n" + kNotMe +
                     "\n\n此信件由系統自動發送，請勿直接回覆。\n國民中小學學籍管理系統 2.0\n";
  store::queue_mail(db, {*account.email, kSubjectPrefix + n.subject, body}, now);
}

}  // namespace xueji
