// oidc_test.cpp: single sign-on over HTTP against the real stack (issue 17). A real OpenID
// Connect client from Debian (python3-authlib, tests/integration/support/oidc_client.py) drives
// discovery, authorize, the login in front (captcha, password, TOTP), token, the ID token's
// signature against the JWKS, userinfo and logout, and the refusals; here too: the no-duty page
// instead of a code, nginx forward-auth (/auth, /login?rd=, the demo /app/), no open redirect,
// and xueji-ctl client / keys.
#include <cppunit/extensions/HelperMacros.h>

#include <regex>

#include "core/crypto.h"
#include "tests/integration/support/login_support.h"

using namespace xueji::testing;

namespace {

const std::string kRedirect = "http://127.0.0.1:9/callback";
const std::string kAfterLogout = "http://127.0.0.1:9/signed-out";

struct Client {
  std::string id;
  std::string secret;
};

std::string field_of(const std::string& out, const std::string& name) {
  std::smatch m;
  std::regex pattern(name + ": (\\S+)");
  CPPUNIT_ASSERT_MESSAGE(out, std::regex_search(out, m, pattern));
  return m[1];
}

Client add_client() {
  std::string out = ctl("client add --name " + quoted("測試應用 " + digits(4)) +
                        " --redirect-uri " + quoted(kRedirect) + " --redirect-uri " +
                        quoted(kRedirect + "2") + " --post-logout-redirect-uri " +
                        quoted(kAfterLogout));
  return {field_of(out, "client_id"), field_of(out, "client_secret")};
}

// Runs the relying party's scenario; its output (one "ok: …" line per check, then JSON).
std::string relying_party(const std::string& scenario, const Client& c, const Ready& r) {
  std::string env = "OIDC_BASE=" + quoted(base_url()) + " OIDC_ISSUER=" + quoted(base_url()) +
                    " OIDC_CLIENT_ID=" + quoted(c.id) + " OIDC_CLIENT_SECRET=" + quoted(c.secret) +
                    " OIDC_REDIRECT_URI=" + quoted(kRedirect) +
                    " OIDC_POST_LOGOUT_URI=" + quoted(kAfterLogout) +
                    " OIDC_ACCOUNT=" + quoted(r.account) + " OIDC_PASSWORD=" + quoted(kStrongPassword) +
                    " OIDC_CAPTCHA=" + quoted(captcha_answer()) + " OIDC_TOTP_KEY=" + quoted(r.key) +
                    " OIDC_DB_SOCKET=" + quoted(var_dir() + "/run/mysqld.sock");
  // run() fails loudly (with the script's traceback) when a check or a package is missing.
  return run("env " + env + " /usr/bin/python3 " +
             quoted(source_dir() + "/tests/integration/support/oidc_client.py") + " " + scenario);
}

std::string account_id_of(const std::string& account) { return account_sql(account, "id"); }

// An authorization URL with a valid (unused) PKCE challenge.
std::string authorize_url(const Client& c) {
  return "/oidc/authorize?response_type=code&client_id=" + c.id + "&redirect_uri=" +
         url_encode(kRedirect) + "&scope=openid%20profile%20xueji&state=s1&nonce=n1"
         "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256";
}

// Password and TOTP in `b`; returns the answer to the /2fa POST (303 to /home).
HttpResponse password_and_code(Browser& b, const Ready& r) {
  HttpResponse first = login(b, r.account, kStrongPassword);
  CPPUNIT_ASSERT_EQUAL(std::string("/2fa"), location(first));
  HttpResponse page = b.get("/2fa");
  return post(b, "/2fa", {{"csrf", csrf_of(page.body)}, {"otp", totp_now(r.key, 30)}});
}

}  // namespace

class OidcTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(OidcTest);
  CPPUNIT_TEST(a_debian_oidc_client_completes_the_code_flow);
  CPPUNIT_TEST(the_client_library_meets_every_refusal);
  CPPUNIT_TEST(prompt_login_asks_for_the_whole_login_again);
  CPPUNIT_TEST(a_person_without_duty_gets_the_no_duty_page_not_a_code);
  CPPUNIT_TEST(auth_lets_a_complete_login_through_with_its_headers);
  CPPUNIT_TEST(login_rd_returns_to_same_site_paths_only);
  CPPUNIT_TEST(a_forced_rename_keeps_the_way_back_to_the_client);
  CPPUNIT_TEST(ctl_manages_clients_and_rotates_keys);
  CPPUNIT_TEST_SUITE_END();

 public:
  void a_debian_oidc_client_completes_the_code_flow() {
    Ready r = ready_account();
    Client c = add_client();
    std::string out = relying_party("flow", c, r);
    CPPUNIT_ASSERT_MESSAGE(out, contains(out, "ok: the session has ended"));
    std::string sub = field_of(out, "\"sub\"");
    // sub: stable and opaque, never the account name or the ID number.
    CPPUNIT_ASSERT_MESSAGE(out, !contains(sub, r.account) && !contains(sub, r.staff.national_id));
    CPPUNIT_ASSERT_MESSAGE(out, contains(out, "\"preferred_username\": \"" + r.account + "\""));
    CPPUNIT_ASSERT_MESSAGE(out, contains(out, "\"name\": \"" + r.staff.name + "\""));
    CPPUNIT_ASSERT_MESSAGE(out, contains(out, "\"school_code\": \"" + r.staff.school_code +
                                                  "\", \"school_name\": \"" + r.staff.school_name +
                                                  "\", \"duties\": [\"導師\"]"));
    // Audited: the code, the token, the reuse and the logout; nothing stored in clear.
    std::string target = "account:" + account_id_of(r.account);
    for (std::string action : {"oidc.code", "oidc.token", "oidc.token.code_reused"}) {
      CPPUNIT_ASSERT_EQUAL_MESSAGE(action, std::string("1"),
                                   trimmed(sql("SELECT COUNT(*) > 0 FROM audit_log WHERE action = '" +
                                               action + "' AND (target LIKE '" + target +
                                               "%' OR target = 'client:" + c.id + "')")));
    }
    CPPUNIT_ASSERT_EQUAL(std::string("1"),
                         trimmed(sql("SELECT COUNT(*) FROM audit_log WHERE action = 'oidc.logout' "
                                     "AND actor = '" + target + "'")));
    CPPUNIT_ASSERT_EQUAL(std::string("1"),
                         trimmed(sql("SELECT COUNT(*) FROM oidc_tokens t JOIN accounts a ON "
                                     "a.id = t.account_id WHERE a.login_key = LOWER('" + r.account +
                                     "') AND t.revoked_at IS NOT NULL")));
    // The same person gets the same sub next time.
    CPPUNIT_ASSERT_EQUAL(sub, field_of(relying_party("flow", c, r), "\"sub\""));
  }

  void the_client_library_meets_every_refusal() {
    Ready r = ready_account();
    std::string out = relying_party("refusals", add_client(), r);
    CPPUNIT_ASSERT_MESSAGE(out, contains(out, "ok: an expired code: invalid_grant"));
  }

  void prompt_login_asks_for_the_whole_login_again() {
    Ready r = ready_account();
    std::string out = relying_party("prompt_login", add_client(), r);
    CPPUNIT_ASSERT_MESSAGE(out, contains(out, "ok: the code after the fresh login"));
  }

  void a_person_without_duty_gets_the_no_duty_page_not_a_code() {
    Ready r = ready_account(false);
    Client c = add_client();
    Browser b;
    CPPUNIT_ASSERT_EQUAL(std::string("/login"), location(b.get(authorize_url(c))));
    CPPUNIT_ASSERT_EQUAL(std::string("/home"), location(password_and_code(b, r)));
    HttpResponse home = b.get("/home");
    CPPUNIT_ASSERT_EQUAL(200L, home.status);
    CPPUNIT_ASSERT(contains(home.body, kNoDuty));
    HttpResponse again = b.get(authorize_url(c));
    CPPUNIT_ASSERT_EQUAL(std::string("/home"), location(again));
    CPPUNIT_ASSERT_EQUAL(std::string("0"),
                         trimmed(sql("SELECT COUNT(*) FROM oidc_codes WHERE account_id = " +
                                     account_id_of(r.account))));
    CPPUNIT_ASSERT_EQUAL(401L, b.get("/auth").status);
  }

  void auth_lets_a_complete_login_through_with_its_headers() {
    Ready r = ready_account();
    Browser b;
    CPPUNIT_ASSERT_EQUAL(401L, b.get("/auth").status);
    HttpResponse app = b.get("/app/");
    CPPUNIT_ASSERT_EQUAL(303L, app.status);
    CPPUNIT_ASSERT_EQUAL(std::string("/login?rd=/app/"), location(app));
    CPPUNIT_ASSERT_EQUAL(200L, b.get("/login?rd=/app/").status);
    HttpResponse code = password_and_code(b, r);
    CPPUNIT_ASSERT_EQUAL(401L, b.get("/auth").status);  // factors passed, login not complete yet
    CPPUNIT_ASSERT_EQUAL(std::string("/home"), location(code));
    CPPUNIT_ASSERT_EQUAL(std::string("/app/"), location(b.get("/home")));
    HttpResponse auth = b.get("/auth");
    CPPUNIT_ASSERT_EQUAL(200L, auth.status);
    CPPUNIT_ASSERT_EQUAL(r.account, auth.header("x-xueji-account"));
    CPPUNIT_ASSERT_EQUAL(url_encode(r.staff.name), auth.header("x-xueji-name"));
    CPPUNIT_ASSERT_EQUAL(r.staff.school_code + ":" + url_encode("導師"),
                         auth.header("x-xueji-duties"));
    CPPUNIT_ASSERT_EQUAL(std::size_t{43}, auth.header("x-xueji-sub").size());
    // The application sees the person from nginx, and a header the client forges is replaced.
    b.add_header("X-Xueji-Name: forged-name");
    HttpResponse page = b.get("/app/");
    CPPUNIT_ASSERT_EQUAL(200L, page.status);
    CPPUNIT_ASSERT(contains(page.body, r.staff.name));
    CPPUNIT_ASSERT(contains(page.body, r.staff.school_code));
    CPPUNIT_ASSERT(contains(page.body, "導師"));
    CPPUNIT_ASSERT(!contains(page.body, "forged-name"));
    // A POST is guarded too: /auth is asked as a GET, and the application answers it (the demo
    // page takes GET only, so 405 from it, not 500 from a failed subrequest).
    HttpResponse posted = post(b, "/app/", {{"x", "1"}});
    CPPUNIT_ASSERT_EQUAL(405L, posted.status);
    CPPUNIT_ASSERT_EQUAL(std::string("GET, HEAD"), posted.header("allow"));
    // Logged out, /auth refuses again, and a POST is sent to the login like a GET.
    logout(b);
    HttpResponse refused = post(b, "/app/", {{"x", "1"}});
    CPPUNIT_ASSERT_EQUAL(303L, refused.status);
    CPPUNIT_ASSERT_EQUAL(std::string("/login?rd=/app/"), location(refused));
    CPPUNIT_ASSERT_EQUAL(401L, b.get("/auth").status);
    CPPUNIT_ASSERT_EQUAL(303L, b.get("/app/").status);
  }

  void login_rd_returns_to_same_site_paths_only() {
    Ready r = ready_account();
    for (std::string rd : {"//evil.example/", "https://evil.example/", "/\\evil.example"}) {
      Browser b;
      b.get("/login?rd=" + url_encode(rd));
      CPPUNIT_ASSERT_EQUAL(std::string("/home"), location(password_and_code(b, r)));
      HttpResponse home = b.get("/home");
      CPPUNIT_ASSERT_EQUAL_MESSAGE(rd, 200L, home.status);
      logout(b);
      sql("UPDATE accounts SET totp_last_step = NULL WHERE login_key = LOWER('" + r.account + "')");
    }
  }

  // A login interrupted by a forced rename starts again at /login; the authorization request it
  // was for still waits, and the code goes to the client after the second login.
  void a_forced_rename_keeps_the_way_back_to_the_client() {
    Ready r = ready_account();
    Client c = add_client();
    sql("UPDATE accounts SET must_change_name = 1 WHERE login_key = LOWER('" + r.account + "')");
    Browser b;
    CPPUNIT_ASSERT_EQUAL(std::string("/login"), location(b.get(authorize_url(c))));
    CPPUNIT_ASSERT_EQUAL(std::string("/account/change"), location(password_and_code(b, r)));
    std::string new_name = good_name();
    HttpResponse renamed =
        submit(b, "/account/change", "account_change", {{"new_account", new_name}});
    CPPUNIT_ASSERT_EQUAL(std::string("/login?notice=renamed"), location(renamed));
    CPPUNIT_ASSERT_EQUAL(401L, b.get("/auth").status);
    // The same code step may not serve twice; the second login uses the next one.
    sql("UPDATE accounts SET totp_last_step = NULL WHERE login_key = LOWER('" + new_name + "')");
    Ready renamed_ready = r;
    renamed_ready.account = new_name;
    CPPUNIT_ASSERT_EQUAL(std::string("/home"), location(password_and_code(b, renamed_ready)));
    std::string resume = location(b.get("/home"));
    CPPUNIT_ASSERT_EQUAL(std::string("/oidc/authorize?pending=1"), resume);
    std::string back = location(b.get(resume));
    CPPUNIT_ASSERT_MESSAGE(back, back.rfind(kRedirect + "?code=", 0) == 0);
    CPPUNIT_ASSERT_MESSAGE(back, contains(back, "&state=s1"));
  }

  void ctl_manages_clients_and_rotates_keys() {
    Client c = add_client();
    std::string list = ctl("client list");
    CPPUNIT_ASSERT(contains(list, c.id));
    CPPUNIT_ASSERT(contains(list, kRedirect));
    CPPUNIT_ASSERT(!contains(list, c.secret));
    // Stored hashed: neither the secret nor its text is in the row.
    std::string stored = sql("SELECT HEX(secret_hash) FROM oidc_clients WHERE client_id = '" + c.id + "'");
    CPPUNIT_ASSERT_EQUAL(xueji::crypto::to_hex(xueji::crypto::sha256(c.secret)),
                         [&] { std::string s = trimmed(stored); for (char& ch : s) ch = static_cast<char>(std::tolower(ch)); return s; }());
    std::string rotated = ctl("client rotate-secret " + c.id);
    CPPUNIT_ASSERT(field_of(rotated, "client_secret") != c.secret);
    CPPUNIT_ASSERT_EQUAL(std::string("1"),
                         trimmed(sql("SELECT COUNT(*) FROM audit_log WHERE action = "
                                     "'client.rotate_secret' AND target = 'client:" + c.id + "'")));

    Browser b;
    std::string before = b.get("/oidc/jwks").body;
    ctl("keys rotate");
    std::string after = b.get("/oidc/jwks").body;
    CPPUNIT_ASSERT(after.size() > before.size());  // the old key stays published beside the new
    CPPUNIT_ASSERT(!contains(after, "\"d\""));
    CPPUNIT_ASSERT_EQUAL(std::string("1"),
                         trimmed(sql("SELECT COUNT(*) FROM oidc_signing_keys WHERE retired_at IS NULL")));

    ctl("client remove " + c.id);
    CPPUNIT_ASSERT(!contains(ctl("client list"), c.id));
    HttpResponse gone = b.get(authorize_url(c));
    CPPUNIT_ASSERT_EQUAL(400L, gone.status);
    CPPUNIT_ASSERT(gone.header("location").empty());
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(OidcTest);
