// login_support.h: what the integration tests of login and its defences share — staff records
// and legacy accounts made as xueji-ctl leaves them, a login through the captcha, the forced
// steps, TOTP codes from oathtool, and reading the database back.
#pragma once
#include <string>

#include "tests/integration/support/http_client.h"
#include "tests/integration/support/stack.h"

namespace xueji::testing {

inline constexpr const char* kNeutral = "帳號或密碼錯誤，請重新輸入。";
inline constexpr const char* kLocked = "帳號已暫時停用";
inline constexpr const char* kNoDuty =
    "貴校教務/人事尚未配置您的權限，故無功能可使用，請洽貴校承辦人修正。";
inline constexpr const char* kOldPasswordHint =
    "若忘記原密碼可使用登入頁面【忘記密碼】功能或由學校權限AA帳號持有者協助。";
inline constexpr const char* kStrongPassword = "Blue-Kite-Harbor-42";
inline constexpr const char* kStrongPassword2 = "Green+Lamp+River+77";

std::string digits(int n);
// A fresh, valid 身分證字號 (letter, 1, 7 random digits, the check digit that fits).
std::string new_national_id();
std::string server_secret();
std::string quoted(const std::string& text);
// xueji-ctl of the build under test, configured like the stack (VAR/env).
std::string ctl(const std::string& args);
int active_year();

// A person on a school's staff, as `xueji-ctl school add / staff add / duty assign` leave them.
struct Staff {
  std::string national_id;
  std::string name;
  std::string school_code;
  std::string school_name;
  std::string email;
};

// With `national_id` the record is that number's (any kind: 身分證字號 or 統一證號).
Staff new_staff(bool with_duty = true, const std::string& national_id = "");
std::string add_legacy(const Staff& s, const std::string& account, const std::string& password,
                       const std::string& changed = "");
std::string good_name();
// A legacy name that breaks today's rules without being an ID number: letters only, no digit.
std::string legacy_name();
std::string account_sql(const std::string& name, const std::string& column);
std::string outbox_subjects(const std::string& recipient);

// POSTs wait out nginx's per-address POST limit as a person would (see the definition).
HttpResponse post(Browser& b, const std::string& path, const FormFields& fields);
std::string location(const HttpResponse& r);
// The text inside the element with this id (first match, tags not expected inside).
std::string text_of_id(const std::string& html, const std::string& id);
std::string totp_now(const std::string& key, int offset_seconds = 0);
// GET /login, a captcha, POST /login.
HttpResponse login(Browser& b, const std::string& account, const std::string& password,
                   const std::string& captcha = captcha_answer());
// GETs a form page, then posts it with the page's CSRF token and a fresh captcha of `form`.
HttpResponse submit(Browser& b, const std::string& path, const std::string& captcha_form,
                    FormFields fields);
HttpResponse logout(Browser& b);
// Binds TOTP on /2fa/bind (the session must stand there); returns the key the page showed.
std::string bind_totp(Browser& b);

// An account that meets today's rules, bound to TOTP, logged out again.
struct Ready {
  Staff staff;
  std::string account;
  std::string key;
};

Ready ready_account(bool with_duty = true);

}  // namespace xueji::testing
