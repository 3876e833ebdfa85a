// cluster_support.cpp: the helpers of cluster_support.h.
#include "tests/cluster/cluster_support.h"

#include <chrono>
#include <cstdlib>
#include <stdexcept>
#include <thread>

#include "core/crypto.h"
#include "core/national_id.h"
#include "core/personal_data.h"
#include "tests/integration/support/login_support.h"
#include "tests/integration/support/stack.h"

namespace xueji::testing {
namespace {

std::string env(const char* name) {
  const char* v = std::getenv(name);
  if (!v || !*v) throw std::runtime_error(std::string(name) + " is not set: run scripts/cluster test");
  return v;
}

}  // namespace

std::string cluster_dir() { return env("XUEJI_CLUSTER_DIR"); }
std::string app_address(int node) {
  return "127.0.0.2" + std::to_string(node) + ":" + env("XUEJI_CLUSTER_APP_PORT");
}
std::string db_socket(int node) {
  return cluster_dir() + "/db" + std::to_string(node) + "/run/mysqld.sock";
}
void use_db_node(int node) { setenv("XUEJI_TEST_DB_SOCKET", db_socket(node).c_str(), 1); }

// A read that sees every write committed anywhere in the cluster before it.
std::string causal(const std::string& select) {
  return trimmed(sql("SET SESSION wsrep_sync_wait = 1; " + select));
}

std::string cluster(const std::string& args) {
  return run(source_dir() + "/scripts/cluster " + args);
}

// A person on a school's staff who may apply, as `xueji-ctl staff add` leaves them.
Applicant new_applicant() {
  static std::string school = [] {
    std::string code = "GC" + digits(8);
    sql("INSERT INTO schools (code, name, created_at) VALUES ('" + code +
        "', '叢集測試國小', UTC_TIMESTAMP(6))");
    return trimmed(sql("SELECT id FROM schools WHERE code = '" + code + "'"));
  }();
  Applicant a;
  a.national_id = new_national_id();
  a.address = "gc" + digits(10) + "@example.com";
  a.account = "gz" + digits(8) + "x";  // not "gc…": G, C and 8 digits is an old 統一證號
  std::string hmac = xueji::crypto::to_hex(xueji::national_id_hmac(server_secret(), a.national_id));
  sql("INSERT INTO persons (id_hmac, id_masked, birth_date, name, phone, created_at) VALUES "
      "(UNHEX('" + hmac + "'), '" + xueji::mask_national_id(a.national_id) + "', '" +
      a.birth_date + "', '吳青', '0912-345-678', UTC_TIMESTAMP(6)); "
      "INSERT INTO staff (school_id, person_id, name, birth_date, phone, created_at) SELECT " +
      school + ", id, '吳青', '" + a.birth_date + "', '0912-345-678', UTC_TIMESTAMP(6) FROM "
      "persons WHERE id_hmac = UNHEX('" + hmac + "')");
  return a;
}

std::string newest_code(const std::string& address) {
  return causal("SELECT REGEXP_SUBSTR(body, '[A-Z]{2}-[0-9]{6}') FROM outbox WHERE recipient = '" +
                address + "' AND subject = '" + kCodeSubject + "' ORDER BY id DESC LIMIT 1");
}

void Visitor::next_node() {
  if (alternate) b.connect_to(app_address(steps++ % 2 + 1));
}

HttpResponse Visitor::get(const std::string& path) {
  next_node();
  return b.get(path);
}

HttpResponse Visitor::post(const std::string& path, const FormFields& fields) {
  next_node();
  return b.post(path, fields);
}

HttpResponse Visitor::submit(const std::string& path, const std::string& form, FormFields fields) {
  HttpResponse page = get(path);
  if (page.status != 200) return page;
  if (!form.empty()) {
    get("/captcha?form=" + form);
    fields.push_back({"captcha", captcha_answer()});
  }
  fields.push_back({"csrf", csrf_of(page.body)});
  return post(path, fields);
}

bool redirects_to(const HttpResponse& r, const std::string& path) {
  return r.status == 303 && r.header("location") == path;
}

// The whole wizard; false (with the step in `why`) when a step did not go as a person expects.
// A step answered 5xx is tried again, as a person presses reload, up to `patience` times.
bool apply(Visitor& v, const Applicant& a, std::string& why, int patience) {
  auto step = [&](const char* name, auto&& once, const std::string& next) {
    for (int tries = 0;; ++tries) {
      HttpResponse r = once();
      if (redirects_to(r, next)) return true;
      if (r.status < 500 || tries >= patience) {
        why = std::string(name) + ": " + std::to_string(r.status) + " " + r.header("location");
        // The message next to the field, when the page refused the form.
        std::size_t at = r.body.find("class=\"field-error\"");
        if (at != std::string::npos) why += " " + r.body.substr(at, 200);
        return false;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(500));
    }
  };
  return step("identity", [&] {
           return v.submit("/apply/identity", "apply_identity",
                           {{"national_id", a.national_id}, {"birth_date", a.birth_date}});
         }, "/apply/email") &&
         step("email", [&] {
           return v.submit("/apply/email", "apply_email", {{"email", a.address}});
         }, "/apply/verify") &&
         step("verify", [&] {
           std::string code = newest_code(a.address);
           return v.submit("/apply/verify", "", {{"code", code.size() == 9 ? code.substr(3) : ""}});
         }, "/apply/account") &&
         step("account", [&] {
           return v.submit("/apply/account", "apply_account",
                           {{"account", a.account}, {"password", kApplyPassword},
                            {"password_confirm", kApplyPassword}, {"phone", "0912-345-678"}});
         }, "/apply/done") &&
         [&] {
           HttpResponse done = v.get("/apply/done");
           if (done.status == 200 && contains(done.body, "已申請完成")) return true;
           why = "done: " + std::to_string(done.status);
           return false;
         }();
}

int accounts_named(const std::string& account) {
  return std::stoi(causal("SELECT COUNT(*) FROM accounts WHERE login_key = LOWER('" + account + "')"));
}

}  // namespace xueji::testing
