// cluster_support.h: what the cluster tests and the journey load share — the cluster's nodes,
// causal SQL, applicants made as `xueji-ctl staff add` leaves them, a visitor whose requests go
// to a chosen app node, and the whole application wizard as a person goes through it.
#pragma once
#include <string>

#include "tests/integration/support/http_client.h"

namespace xueji::testing {

inline const std::string kCodeSubject = "【國民中小學學籍管理系統 2.0】E-Mail 驗證通知信";
inline const std::string kSuccessSubject = "【國民中小學學籍管理服務系統 2.0】個人業務帳號申請成功";
inline const std::string kResetSubject = "【國民中小學學籍管理系統 2.0】重設密碼通知信";
inline constexpr const char* kApplyPassword = "Blue-Harbor-42x";

std::string cluster_dir();            // XUEJI_CLUSTER_DIR
std::string app_address(int node);    // "127.0.0.2N:PORT"
std::string db_socket(int node);      // dbN's socket
void use_db_node(int node);           // the test's SQL goes to dbN from now on
// A read that sees every write committed anywhere in the cluster before it (trimmed output).
std::string causal(const std::string& select);
std::string cluster(const std::string& args);  // scripts/cluster ARGS

struct Applicant {
  std::string national_id;
  std::string birth_date = "1986-01-02";
  std::string address;
  std::string account;
};
Applicant new_applicant();
std::string newest_code(const std::string& address);

// A visitor whose requests each go to the next app node (alternate), or wherever the base URL
// sends them (HAProxy).
struct Visitor {
  Browser b;
  int steps = 0;
  bool alternate = false;
  HttpResponse get(const std::string& path);
  HttpResponse post(const std::string& path, const FormFields& fields);
  // A form page, its captcha (unless form is "") and the POST with the page's CSRF token.
  HttpResponse submit(const std::string& path, const std::string& form, FormFields fields);

 private:
  void next_node();
};

bool redirects_to(const HttpResponse& r, const std::string& path);
// The whole wizard; false (with the step in `why`) when a step did not go as a person expects.
// A step answered 5xx is tried again, as a person presses reload, up to `patience` times.
bool apply(Visitor& v, const Applicant& a, std::string& why, int patience = 0);
int accounts_named(const std::string& account);

}  // namespace xueji::testing
