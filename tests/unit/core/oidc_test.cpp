// oidc_test.cpp: PKCE S256 (RFC 7636's example), exact redirect URIs, the same-site return path,
// the opaque subject, scopes and query building.
#include "core/oidc.h"

#include <cppunit/extensions/HelperMacros.h>

namespace xueji {

class OidcTest : public CppUnit::TestFixture {
  CPPUNIT_TEST_SUITE(OidcTest);
  CPPUNIT_TEST(pkce_matches_rfc7636_example);
  CPPUNIT_TEST(pkce_refuses_other_or_malformed_verifiers);
  CPPUNIT_TEST(redirect_uris_are_checked_and_matched_exactly);
  CPPUNIT_TEST(return_paths_are_same_site_only);
  CPPUNIT_TEST(subject_is_stable_opaque_and_keyed);
  CPPUNIT_TEST(scopes_are_words);
  CPPUNIT_TEST(queries_are_percent_encoded);
  CPPUNIT_TEST(lines_round_trip);
  CPPUNIT_TEST_SUITE_END();

 public:
  void pkce_matches_rfc7636_example() {
    CPPUNIT_ASSERT(oidc::pkce_s256_matches("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk",
                                           "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
  }

  void pkce_refuses_other_or_malformed_verifiers() {
    const char* challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    CPPUNIT_ASSERT(!oidc::pkce_s256_matches("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXl", challenge));
    CPPUNIT_ASSERT(!oidc::pkce_s256_matches("", challenge));
    CPPUNIT_ASSERT(!oidc::pkce_s256_matches("short", challenge));
    CPPUNIT_ASSERT(!oidc::pkce_s256_matches(std::string(129, 'a'), challenge));
    CPPUNIT_ASSERT(!oidc::valid_code_verifier(std::string(43, ' ')));
    CPPUNIT_ASSERT(oidc::valid_code_verifier(std::string(128, '~')));
    CPPUNIT_ASSERT(!oidc::valid_code_challenge("plain-verifier-used-as-challenge"));
    CPPUNIT_ASSERT(!oidc::valid_code_challenge(std::string(43, '=')));
  }

  void redirect_uris_are_checked_and_matched_exactly() {
    CPPUNIT_ASSERT(oidc::valid_redirect_uri("https://app.example.edu.tw/cb"));
    CPPUNIT_ASSERT(oidc::valid_redirect_uri("http://127.0.0.1:8000/cb"));
    CPPUNIT_ASSERT(oidc::valid_redirect_uri("http://localhost/cb?x=1"));
    CPPUNIT_ASSERT(!oidc::valid_redirect_uri("http://app.example.edu.tw/cb"));
    CPPUNIT_ASSERT(!oidc::valid_redirect_uri("http://127.0.0.1.evil.com/cb"));
    CPPUNIT_ASSERT(!oidc::valid_redirect_uri("https://app/cb#frag"));
    CPPUNIT_ASSERT(!oidc::valid_redirect_uri("https:///cb"));
    CPPUNIT_ASSERT(!oidc::valid_redirect_uri("javascript:alert(1)"));
    CPPUNIT_ASSERT(!oidc::valid_redirect_uri("https://a b/"));
    std::vector<std::string> registered{"https://app.example.edu.tw/cb"};
    CPPUNIT_ASSERT(oidc::redirect_uri_registered(registered, "https://app.example.edu.tw/cb"));
    CPPUNIT_ASSERT(!oidc::redirect_uri_registered(registered, "https://app.example.edu.tw/cb/"));
    CPPUNIT_ASSERT(!oidc::redirect_uri_registered(registered, "https://app.example.edu.tw/cb?x"));
    CPPUNIT_ASSERT(!oidc::redirect_uri_registered(registered, "https://APP.example.edu.tw/cb"));
    CPPUNIT_ASSERT(!oidc::redirect_uri_registered(registered, "https://app.example.edu.tw/c"));
    CPPUNIT_ASSERT(!oidc::redirect_uri_registered(registered, ""));
  }

  void return_paths_are_same_site_only() {
    CPPUNIT_ASSERT(oidc::safe_local_path("/app/"));
    CPPUNIT_ASSERT(oidc::safe_local_path("/oidc/authorize?pending=1"));
    CPPUNIT_ASSERT(!oidc::safe_local_path("//evil.example/"));
    CPPUNIT_ASSERT(!oidc::safe_local_path("/\\evil.example/"));
    CPPUNIT_ASSERT(!oidc::safe_local_path("https://evil.example/"));
    CPPUNIT_ASSERT(!oidc::safe_local_path("app/"));
    CPPUNIT_ASSERT(!oidc::safe_local_path(""));
    CPPUNIT_ASSERT(!oidc::safe_local_path("/a\r\nLocation: x"));
    CPPUNIT_ASSERT(!oidc::safe_local_path("/a b"));
    CPPUNIT_ASSERT(!oidc::safe_local_path("/" + std::string(500, 'a')));
  }

  void subject_is_stable_opaque_and_keyed() {
    std::string secret = "server secret of at least thirty-two bytes";
    std::string sub = oidc::subject_of(secret, 42);
    CPPUNIT_ASSERT_EQUAL(sub, oidc::subject_of(secret, 42));
    CPPUNIT_ASSERT(sub != oidc::subject_of(secret, 43));
    CPPUNIT_ASSERT(sub != oidc::subject_of("another server secret, thirty-two bytes", 42));
    CPPUNIT_ASSERT_EQUAL(std::size_t{43}, sub.size());
    CPPUNIT_ASSERT(sub.find("42") == std::string::npos || sub.size() == 43);
  }

  void scopes_are_words() {
    CPPUNIT_ASSERT(oidc::has_scope("openid profile xueji", "xueji"));
    CPPUNIT_ASSERT(!oidc::has_scope("openidx profile", "openid"));
    CPPUNIT_ASSERT(!oidc::has_scope("", "openid"));
    CPPUNIT_ASSERT_EQUAL(std::size_t{2}, oidc::scope_words("  openid  email ").size());
  }

  void queries_are_percent_encoded() {
    CPPUNIT_ASSERT_EQUAL(std::string("https://a/cb?code=x&state=a%20b%26c%3D"),
                         oidc::add_query(oidc::add_query("https://a/cb", "code", "x"), "state", "a b&c="));
    CPPUNIT_ASSERT_EQUAL(std::string("https://a/cb?x=1&iss=https%3A%2F%2Fh"),
                         oidc::add_query("https://a/cb?x=1", "iss", "https://h"));
  }

  void lines_round_trip() {
    std::vector<std::string> uris{"https://a/1", "https://b/2"};
    CPPUNIT_ASSERT(uris == oidc::split_lines(oidc::join_lines(uris)));
    CPPUNIT_ASSERT(oidc::split_lines("").empty());
  }
};

CPPUNIT_TEST_SUITE_REGISTRATION(OidcTest);

}  // namespace xueji
