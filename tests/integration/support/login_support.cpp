// login_support.cpp: staff, legacy accounts and logins for the integration tests of login and
// its defences (see login_support.h).
#include "tests/integration/support/login_support.h"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>

#include <cppunit/extensions/HelperMacros.h>

#include "core/crypto.h"
#include "core/national_id.h"
#include "core/personal_data.h"
#include "core/school_year.h"

namespace xueji::testing {

namespace {

std::mt19937_64& rng() {
  static std::mt19937_64 engine{std::random_device{}()};
  return engine;
}

}  // namespace

std::string digits(int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += static_cast<char>('0' + rng()() % 10);
  return out;
}

// A fresh, valid 身分證字號 (letter, 1, 7 random digits, the check digit that fits).
std::string new_national_id() {
  for (;;) {
    std::string body = "A1" + digits(7);
    for (char c = '0'; c <= '9'; ++c) {
      if (xueji::is_valid_national_id(body + c)) return body + c;
    }
  }
}

std::string server_secret() {
  std::ifstream in(var_dir() + "/secret");
  std::stringstream text;
  text << in.rdbuf();
  std::string secret = text.str();
  while (!secret.empty() && (secret.back() == '\n' || secret.back() == '\r')) secret.pop_back();
  CPPUNIT_ASSERT_MESSAGE("the stack's secret file", secret.size() >= 32);
  return secret;
}

std::string quoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'')
      out += "'\\''";
    else
      out += c;
  }
  return out + "'";
}

// xueji-ctl of the build under test, configured like the stack (VAR/env).
std::string ctl(const std::string& args) {
  const char* build = std::getenv("XUEJI_BUILD_DIR");
  CPPUNIT_ASSERT_MESSAGE("XUEJI_BUILD_DIR is set", build && *build);
  return run("set -a; . " + quoted(var_dir() + "/env") + "; set +a; " +
             quoted(std::string(build) + "/xueji-ctl") + " " + args);
}

int active_year() {
  int current = xueji::school_year_at(std::chrono::system_clock::now());
  sql("INSERT IGNORE INTO settings (name, value, updated_at) VALUES ('active_school_year', '" +
      std::to_string(current) + "', UTC_TIMESTAMP(6))");
  return std::stoi(trimmed(sql("SELECT value FROM settings WHERE name = 'active_school_year'")));
}



Staff new_staff(bool with_duty, const std::string& national_id) {
  Staff s;
  s.national_id = national_id.empty() ? new_national_id() : national_id;
  s.name = "測試老師" + digits(3);
  s.school_code = "T" + digits(6);
  s.school_name = "測試國民小學" + s.school_code;
  s.email = "t" + digits(10) + "@example.com";
  std::string hmac = xueji::crypto::to_hex(xueji::national_id_hmac(server_secret(), s.national_id));
  sql("INSERT INTO schools (code, name, created_at) VALUES ('" + s.school_code + "', '" +
      s.school_name + "', UTC_TIMESTAMP(6))");
  sql("INSERT INTO persons (id_hmac, id_masked, birth_date, created_at) VALUES (UNHEX('" + hmac +
      "'), '" + xueji::mask_national_id(s.national_id) + "', '1980-05-17', UTC_TIMESTAMP(6))");
  sql("INSERT INTO staff (school_id, person_id, name, birth_date, created_at) SELECT sc.id, p.id, "
      "'" +
      s.name + "', '1980-05-17', UTC_TIMESTAMP(6) FROM schools sc, persons p WHERE sc.code = '" +
      s.school_code + "' AND p.id_hmac = UNHEX('" + hmac + "')");
  if (with_duty) {
    sql("INSERT INTO duties (staff_id, school_year, duty, created_at) SELECT st.id, " +
        std::to_string(active_year()) +
        ", '導師', UTC_TIMESTAMP(6) FROM staff st JOIN schools sc "
        "ON sc.id = st.school_id WHERE sc.code = '" +
        s.school_code + "'");
  }
  return s;
}

std::string add_legacy(const Staff& s, const std::string& account, const std::string& password,
                       const std::string& changed) {
  return ctl("account add-legacy --national-id " + s.national_id + " --account " + quoted(account) +
             " --password " + quoted(password) + " --email " + s.email +
             (changed.empty() ? "" : " --password-changed " + changed));
}

std::string good_name() { return "tch" + digits(8) + "x"; }

std::string legacy_name() {
  std::string name = "old";
  for (char d : digits(9)) name += static_cast<char>('a' + (d - '0'));
  return name;
}

std::string account_sql(const std::string& name, const std::string& column) {
  return trimmed(
      sql("SELECT " + column + " FROM accounts WHERE login_key = LOWER('" + name + "')"));
}

std::string outbox_subjects(const std::string& recipient) {
  return sql("SELECT subject FROM outbox WHERE recipient = '" + recipient + "' ORDER BY id");
}

// POSTs wait out nginx's per-address POST limit (10/s, burst 20) as a person would; a 429 never
// reached the worker, so sending again changes nothing else.
HttpResponse post(Browser& b, const std::string& path, const FormFields& fields) {
  for (int attempt = 0;; ++attempt) {
    HttpResponse r = b.post(path, fields);
    if (r.status != 429 || attempt >= 100) return r;
    std::this_thread::sleep_for(std::chrono::milliseconds(150));
  }
}

std::string location(const HttpResponse& r) { return r.header("location"); }

// The text inside the element with this id (first match, tags not expected inside).
std::string text_of_id(const std::string& html, const std::string& id) {
  std::size_t at = html.find("id=\"" + id + "\"");
  if (at == std::string::npos) return "";
  std::size_t start = html.find('>', at) + 1;
  return html.substr(start, html.find('<', start) - start);
}

std::string totp_now(const std::string& key, int offset_seconds) {
  auto now = std::chrono::duration_cast<std::chrono::seconds>(
                 std::chrono::system_clock::now().time_since_epoch())
                 .count();
  return trimmed(run("oathtool --totp -b --now '@" + std::to_string(now + offset_seconds) + "' " +
                     quoted(key)));
}

HttpResponse login(Browser& b, const std::string& account, const std::string& password,
                   const std::string& captcha) {
  HttpResponse page = b.get("/login");
  CPPUNIT_ASSERT_EQUAL(200L, page.status);
  b.get("/captcha?form=login");
  return post(b, "/login",
              {{"csrf", csrf_of(page.body)},
               {"account", account},
               {"password", password},
               {"captcha", captcha}});
}

// GETs a form page, then posts it with the page's CSRF token and a fresh captcha of `form`.
HttpResponse submit(Browser& b, const std::string& path, const std::string& captcha_form,
                    FormFields fields) {
  HttpResponse page = b.get(path);
  CPPUNIT_ASSERT_EQUAL_MESSAGE(path, 200L, page.status);
  if (!captcha_form.empty()) {
    b.get("/captcha?form=" + captcha_form);
    fields.push_back({"captcha", captcha_answer()});
  }
  fields.push_back({"csrf", csrf_of(page.body)});
  return post(b, path, fields);
}

HttpResponse logout(Browser& b) {
  HttpResponse page = b.get("/home");
  std::string csrf = csrf_of(page.body);
  return post(b, "/logout", {{"csrf", csrf}});
}

// Binds TOTP on /2fa/bind (the session must stand there); returns the key the page showed.
std::string bind_totp(Browser& b) {
  HttpResponse page = b.get("/2fa/bind");
  CPPUNIT_ASSERT_EQUAL(200L, page.status);
  std::string key = text_of_id(page.body, "totp-key");
  key.erase(std::remove(key.begin(), key.end(), ' '), key.end());
  CPPUNIT_ASSERT_EQUAL_MESSAGE("a 160-bit key in base32", std::size_t{32}, key.size());
  HttpResponse r = post(b, "/2fa/bind", {{"csrf", csrf_of(page.body)}, {"otp", totp_now(key)}});
  CPPUNIT_ASSERT_EQUAL(303L, r.status);
  CPPUNIT_ASSERT_EQUAL(std::string("/home"), location(r));
  return key;
}



Ready ready_account(bool with_duty) {
  Ready r{new_staff(with_duty), good_name(), ""};
  add_legacy(r.staff, r.account, kStrongPassword, "");
  // A fresh password: changed yesterday, so no change is forced (and the 1-day minimum passed).
  sql("UPDATE accounts SET password_changed_at = UTC_TIMESTAMP(6) - INTERVAL 2 DAY WHERE "
      "login_key = LOWER('" +
      r.account + "')");
  Browser b;
  HttpResponse first = login(b, r.account, kStrongPassword);
  CPPUNIT_ASSERT_EQUAL(std::string("/2fa/bind"), location(first));
  r.key = bind_totp(b);
  return r;
}

}  // namespace xueji::testing
