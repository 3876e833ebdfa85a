// apply_account.cpp: wizard step 3, 帳號申請 (manual 四 ⑮–⑳) — GET /apply/account shows the
// verified data read-only with 新帳號, 新密碼, 確認新密碼, 聯絡電話 and captcha; POST checks every
// rule of product.md §3 (each failure next to its field, entries kept but never the passwords)
// and creates the one account of the person with its success mail in one transaction.

#include "core/account_policy.h"
#include "core/password_hash.h"
#include "core/password_policy.h"
#include "core/phone.h"
#include "fcgi/audit.h"
#include "fcgi/form.h"
#include "fcgi/handler.h"
#include "flows/captcha.h"
#include "flows/rule_hints.h"
#include "flows/wizard.h"
#include "mail/application_mail.h"

namespace {

using namespace xueji;
using wizard::Step;

constexpr const char* kNameTaken = "此帳號已有人使用，請改用其他帳號。";
// Bounds well above the rules' own maxima, so an over-long entry gets its rule's message.
constexpr std::size_t kMaxAccountField = 256;
constexpr std::size_t kMaxPasswordField = 512;
constexpr std::size_t kMaxPhoneField = 128;

struct Entries {
  std::string account;
  std::string phone;
};

struct FieldErrors {
  std::vector<std::string> account, password, confirm, phone;
  std::string captcha, form;
  bool any() const {
    return !account.empty() || !password.empty() || !confirm.empty() || !phone.empty() ||
           !captcha.empty() || !form.empty();
  }
};

void show_all(ctemplate::TemplateDictionary& d, const char* section,
              const std::vector<std::string>& messages) {
  for (const auto& m : messages) show_message(d, section, m);
}

http::Response account_page(Context& ctx, const Session& session, const store::Applicant& applicant,
                            const Entries& entries, const FieldErrors& errors) {
  Page page("帳號申請", "apply_account.tpl");
  auto& body = page.body();
  wizard::add_step_bar(body, Step::kAccount);
  add_account_hint(body, "account-hint");
  add_password_hint(body, "password-hint", false);
  wizard::fill_applicant(body, applicant, session);
  body.SetValue("CSRF", session.csrf);
  body.SetValue("ACCOUNT", entries.account);
  body.SetValue("PHONE", entries.phone);
  show_all(body, "ACCOUNT_ERROR", errors.account);
  show_all(body, "PASSWORD_ERROR", errors.password);
  show_all(body, "CONFIRM_ERROR", errors.confirm);
  show_all(body, "PHONE_ERROR", errors.phone);
  if (!errors.account.empty()) body.ShowSection("ACCOUNT_INVALID");
  if (!errors.password.empty()) body.ShowSection("PASSWORD_INVALID");
  if (!errors.confirm.empty()) body.ShowSection("CONFIRM_INVALID");
  if (!errors.phone.empty()) body.ShowSection("PHONE_INVALID");
  if (!errors.captcha.empty()) show_message(body, "CAPTCHA_ERROR", errors.captcha);
  if (!errors.form.empty()) show_message(body, "MESSAGE", errors.form);
  if (errors.any()) {
    show_message(body, "SUMMARY", "申請資料有誤，請依各欄位下方的說明修正後再送出。");
  }
  http::Response r;
  r.body = page.render(ctx);
  return r;
}

// Every rule of product.md §3 for the name and the password (the holder's own ID number in the
// password is found through its HMAC, since the clear number is not kept).
void check_rules(Context& ctx, const store::Applicant& applicant, const Entries& entries,
                 const std::string& password, const std::string& confirm, FieldErrors& e) {
  e.account = account_name_problems(entries.account, {"", applicant.birth_date});
  e.password = password_problems(password, {entries.account, "", applicant.birth_date,
                                             ctx.config.secret, applicant.id_hmac});
  if (confirm.empty()) {
    e.confirm.emplace_back("請再次輸入新密碼。");
  } else if (confirm != password) {
    e.confirm.emplace_back("兩次輸入的新密碼不一致，請重新輸入。");
  }
  if (!entries.phone.empty() && !normalize_phone(entries.phone)) {
    e.phone.emplace_back(kPhoneInvalid);
  }
  if (e.account.empty() && store::login_key_in_use(ctx.db, account_login_key(entries.account))) {
    e.account.emplace_back(kNameTaken);
  }
}

http::Response submit(const http::Request& req, Context& ctx, Session& session,
                      const store::Applicant& applicant) {
  require_csrf(req, session);
  Entries entries{form_value(req, "account", kMaxAccountField),
                  form_value(req, "phone", kMaxPhoneField)};
  // Passwords are taken as typed: spaces are a rule to report, not something to trim away.
  std::string password(req.field("password"));
  std::string confirm(req.field("password_confirm"));
  if (password.size() > kMaxPasswordField || confirm.size() > kMaxPasswordField) {
    throw http::bad_request("password field over its bound");
  }
  FieldErrors errors;
  CaptchaCheck captcha =
      check_captcha(session, "apply_account", form_value(req, "captcha", 32), ctx);
  if (captcha != CaptchaCheck::kPassed) {
    // A double click: the first submit used the captcha and may have finished the wizard.
    if (auto again = find_session(req, ctx); again && wizard::current_step(*again) == Step::kDone) {
      return http::Response::redirect(wizard::path_of(Step::kDone));
    }
    errors.captcha = captcha_message(captcha);
    return account_page(ctx, session, applicant, entries, errors);
  }
  if (applicant.has_account) {
    errors.form = "您已申請過個人業務帳號，請至登入頁面登入；若忘記密碼，請使用【忘記密碼】功能。";
    return account_page(ctx, session, applicant, entries, errors);
  }
  check_rules(ctx, applicant, entries, password, confirm, errors);
  if (errors.any()) {
    audit_request(ctx, req, wizard::actor(session), "apply.account.refused", applicant.id_masked);
    return account_page(ctx, session, applicant, entries, errors);
  }

  TimePoint now = ctx.clock.now();
  store::NewAccount account;
  account.person_id = applicant.person_id;
  account.login_name = entries.account;
  account.login_key = account_login_key(entries.account);
  account.password_hash = hash_password(password, ctx.random);  // outside the transaction: slow
  account.email = session.value(wizard::kEmailKey);
  if (!entries.phone.empty()) account.phone = normalize_phone(entries.phone);
  // An account named by the ID number is no 個人業務帳號 (manual 二.4): the new one replaces it.
  account.retire_account = applicant.id_number_account;
  store::OutgoingMail mail = wizard::application_success_mail(account.email, applicant.name,
                                                             account.login_name, now);
  Session done = session;
  wizard::move_to(done, Step::kDone);
  auto created = store::create_applied_account(ctx.db, account, mail, now, [&](std::int64_t id) {
    save_session(done, ctx);
    audit_request(ctx, req, wizard::actor(session), "apply.account.created",
                  "account:" + std::to_string(id) + " " + applicant.id_masked);
    if (account.retire_account) {
      audit_request(ctx, req, wizard::actor(session), "account.id_number_retired",
                    "account:" + std::to_string(*account.retire_account) + " replaced_by:" +
                        std::to_string(id) + " " + applicant.id_masked);
    }
  });
  switch (created.result) {
    case store::CreateAccountResult::kCreated:
      return http::Response::redirect(wizard::path_of(Step::kDone));
    case store::CreateAccountResult::kNameTaken:
      errors.account.emplace_back(kNameTaken);
      return account_page(ctx, session, applicant, entries, errors);
    case store::CreateAccountResult::kPersonHasAccount:
      break;
  }
  // The same person's account appeared first: this session's own earlier submit (a double
  // click) has finished the wizard; anyone else is told the account exists.
  if (auto again = find_session(req, ctx); again && wizard::current_step(*again) == Step::kDone) {
    return http::Response::redirect(wizard::path_of(Step::kDone));
  }
  errors.form = "您已申請過個人業務帳號，請至登入頁面登入；若忘記密碼，請使用【忘記密碼】功能。";
  return account_page(ctx, session, applicant, entries, errors);
}

}  // namespace

xueji::http::Response handle_apply_account(const xueji::http::Request& req, xueji::Context& ctx) {
  wizard::Entry entry = wizard::enter(req, ctx, {Step::kAccount});
  if (!entry.session) return entry.response;
  Session& session = *entry.session;
  // Creating the account decides from the records (ID number, existing account); the page alone
  // shows the copy kept in the session.
  auto applicant = req.method == "POST" ? wizard::applicant_of(session, ctx)
                                        : wizard::shown_applicant(session, ctx);
  if (!applicant) return wizard::expired_page(ctx);
  if (req.method == "POST") return submit(req, ctx, session, *applicant);
  // 聯絡電話 starts as the staff record's (manual 四 ⑱).
  return account_page(ctx, session, *applicant, {"", applicant->phone.value_or("")}, {});
}
