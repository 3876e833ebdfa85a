#!/usr/bin/python3
"""oidc_client.py: a real OpenID Connect relying party (Debian's python3-authlib over
python3-requests) driving xueji's provider through the whole code flow, as tests/integration/
oidc_test.cpp asks: discovery, authorize, the login in front (captcha, password, TOTP), token,
the ID token checked against the JWKS, userinfo, logout; and the refusals.

    oidc_client.py SCENARIO  (settings in the environment, see main())

Prints one line "ok: …" per check and a final JSON line of what the C++ side asserts; any
failure raises, so the exit status is non-zero with a traceback naming the check.
"""
import base64
import hashlib
import hmac
import json
import os
import re
import struct
import subprocess
import sys
import time
import urllib.parse

import requests
from authlib.common.security import generate_token
from authlib.integrations.requests_client import OAuth2Session
from authlib.jose import JsonWebKey, JsonWebToken
from authlib.jose.errors import BadSignatureError
from authlib.oidc.core import CodeIDToken

ENV = os.environ
BASE = ENV["OIDC_BASE"]
ISSUER = ENV["OIDC_ISSUER"]
CLIENT_ID = ENV["OIDC_CLIENT_ID"]
CLIENT_SECRET = ENV["OIDC_CLIENT_SECRET"]
REDIRECT = ENV["OIDC_REDIRECT_URI"]
AFTER_LOGOUT = ENV["OIDC_POST_LOGOUT_URI"]
SCOPE = "openid profile email xueji"


def check(condition, what):
    if not condition:
        raise AssertionError(what)
    print("ok:", what)


def sql(statement):
    return subprocess.run(["mariadb", "--no-defaults", "-N", "-B", "--socket=" + ENV["OIDC_DB_SOCKET"],
                           "-uroot", "xueji", "-e", statement], check=True, capture_output=True,
                          text=True).stdout.strip()


def totp(key, offset=30):
    raw = base64.b32decode(key.upper() + "=" * (-len(key) % 8))
    digest = hmac.new(raw, struct.pack(">Q", (int(time.time()) + offset) // 30), hashlib.sha1).digest()
    at = digest[-1] & 15
    return "%06d" % ((struct.unpack(">I", digest[at:at + 4])[0] & 0x7FFFFFFF) % 1000000)


def csrf_of(html):
    match = re.search(r'name="csrf"\s+value="([^"]*)"', html)
    return match.group(1) if match else ""


def location(response):
    return response.headers.get("Location", "")


class Person:
    """A browser (cookie jar, no redirects followed) of one person."""

    def __init__(self):
        self.http = requests.Session()
        self.http.headers["X-Forwarded-For"] = "127.0.0.1"

    def get(self, url):
        return self.http.get(url if url.startswith("http") else BASE + url, allow_redirects=False)

    def post(self, path, fields):
        return self.http.post(BASE + path, data=fields, allow_redirects=False)

    def login(self):
        """The whole login in front, from the login page to where /home sends it on."""
        page = self.get("/login")
        self.get("/captcha?form=login")
        r = self.post("/login", {"csrf": csrf_of(page.text), "account": ENV["OIDC_ACCOUNT"],
                                 "password": ENV["OIDC_PASSWORD"], "captcha": ENV["OIDC_CAPTCHA"]})
        check(r.status_code == 303 and location(r) == "/2fa", "right password and captcha lead to /2fa")
        page = self.get("/2fa")
        # Codes are single use per 30-second step; this account's binding (and any login before)
        # may have used the step the code below falls in, so the replay guard starts afresh.
        sql("UPDATE accounts SET totp_last_step = NULL WHERE login_key = LOWER('%s')" % ENV["OIDC_ACCOUNT"])
        r = self.post("/2fa", {"csrf": csrf_of(page.text), "otp": totp(ENV["OIDC_TOTP_KEY"])})
        check(location(r) == "/home", "the TOTP code completes the factors")
        r = self.get("/home")
        return r


def metadata():
    meta = requests.get(BASE + "/.well-known/openid-configuration").json()
    check(meta["issuer"] == ISSUER, "discovery names the issuer")
    check(meta["code_challenge_methods_supported"] == ["S256"], "discovery: PKCE S256 only")
    check(meta["id_token_signing_alg_values_supported"] == ["ES256"], "discovery: ES256 only")
    check(meta["response_types_supported"] == ["code"], "discovery: code flow only")
    return meta


def client(**extra):
    return OAuth2Session(CLIENT_ID, CLIENT_SECRET, scope=SCOPE, redirect_uri=REDIRECT,
                         code_challenge_method="S256", **extra)


def authorize(meta, person, rp, nonce, verifier, login=True, **params):
    """The authorization request through the person's browser, to the redirect with the code."""
    url, state = rp.create_authorization_url(meta["authorization_endpoint"], nonce=nonce,
                                             code_verifier=verifier, **params)
    r = person.get(url)
    if login:
        check(r.status_code == 303 and location(r) == "/login", "no login yet: 303 to /login")
        r = person.login()
        check(location(r) == "/oidc/authorize?pending=1", "after the login, /home goes back to the request")
        r = person.get(location(r))
    check(r.status_code == 303 and location(r).startswith(REDIRECT + "?"), "303 to the registered redirect URI")
    query = urllib.parse.parse_qs(urllib.parse.urlparse(location(r)).query)
    check(query["state"] == [state], "state echoed")
    check(query["iss"] == [ISSUER], "iss in the authorization response (RFC 9207)")
    return location(r), query["code"][0]


def verify_id_token(meta, id_token, nonce, jwks=None):
    keys = JsonWebKey.import_key_set(jwks or requests.get(meta["jwks_uri"]).json())
    claims = JsonWebToken(["ES256"]).decode(
        id_token, keys, claims_cls=CodeIDToken,
        claims_options={"iss": {"essential": True, "value": ISSUER}},
        claims_params={"nonce": nonce, "client_id": CLIENT_ID})
    claims.validate()
    return claims


def token_post(meta, fields, auth=(CLIENT_ID, CLIENT_SECRET)):
    return requests.post(meta["token_endpoint"], data=fields, auth=auth)


def scenario_flow():
    meta = metadata()
    person, rp = Person(), client()
    nonce, verifier = generate_token(20), generate_token(48)
    response_url, code = authorize(meta, person, rp, nonce, verifier)
    token = rp.fetch_token(meta["token_endpoint"], authorization_response=response_url,
                           code_verifier=verifier)
    check(token["token_type"] == "Bearer" and token["expires_in"] == 300, "Bearer token for 5 minutes")
    jwks = requests.get(meta["jwks_uri"]).json()
    check(all(k["kty"] == "EC" and k["crv"] == "P-256" and k["alg"] == "ES256" and k["use"] == "sig"
              and "d" not in k for k in jwks["keys"]), "JWKS: public EC P-256 keys only")
    claims = verify_id_token(meta, token["id_token"], nonce, jwks)
    check(claims["amr"] == ["pwd", "otp"], "amr says password and one-time code")
    check(abs(claims["auth_time"] - time.time()) < 120, "auth_time is this login")
    header = json.loads(base64.urlsafe_b64decode(token["id_token"].split(".")[0] + "=="))
    check(header["alg"] == "ES256" and header["kid"] in [k["kid"] for k in jwks["keys"]],
          "ID token signed ES256 with a published key")

    # A changed payload no longer verifies.
    head, payload, sig = token["id_token"].split(".")
    data = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    data["preferred_username"] = "someone-else"
    forged = base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()
    try:
        verify_id_token(meta, ".".join([head, forged, sig]), nonce, jwks)
        raise AssertionError("a tampered ID token verified")
    except BadSignatureError:
        check(True, "a tampered ID token is refused")

    info = rp.get(meta["userinfo_endpoint"]).json()
    check(info["sub"] == claims["sub"], "userinfo names the same sub")
    check(requests.get(meta["userinfo_endpoint"], headers={"Authorization": "Bearer nope"}).status_code == 401,
          "userinfo refuses an unknown token")

    # The second use of the code is refused and revokes the token the first use got.
    again = token_post(meta, {"grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT,
                              "code_verifier": verifier})
    check(again.status_code == 400 and again.json()["error"] == "invalid_grant", "a reused code: invalid_grant")
    check(rp.get(meta["userinfo_endpoint"]).status_code == 401, "the reuse revoked the first access token")

    # RP-initiated logout with the ID token: the session ends, back to the registered page.
    query = urllib.parse.urlencode({"id_token_hint": token["id_token"], "post_logout_redirect_uri": AFTER_LOGOUT,
                                    "state": "bye-1"})
    r = person.get(meta["end_session_endpoint"] + "?" + query)
    check(r.status_code == 303 and location(r) == AFTER_LOGOUT + "?state=bye-1",
          "logout returns to the registered post-logout URI with state")
    check(location(person.get("/home")).startswith("/login"), "the session has ended")
    print(json.dumps({"sub": claims["sub"], "preferred_username": claims["preferred_username"],
                      "name": claims["name"], "email": claims.get("email"),
                      "xueji_duties": claims["xueji_duties"], "userinfo": info}, ensure_ascii=False))


def scenario_refusals():
    meta = metadata()
    person = Person()
    person.login()
    rp = client()
    verifier = generate_token(48)

    url, _ = rp.create_authorization_url(meta["authorization_endpoint"], nonce="n", code_verifier=verifier)
    wrong = url.replace(urllib.parse.quote(REDIRECT, safe=""), urllib.parse.quote(REDIRECT + "x", safe=""))
    check(wrong != url, "(the wrong redirect URI is in the request)")
    r = person.get(wrong)
    check(r.status_code == 400 and "Location" not in r.headers and "redirect_uri" in r.text,
          "an unregistered redirect URI gets an error page, not a redirect")
    r = person.get(url.replace("client_id=" + CLIENT_ID, "client_id=nobody"))
    check(r.status_code == 400 and "Location" not in r.headers, "an unknown client gets an error page")

    bare = OAuth2Session(CLIENT_ID, CLIENT_SECRET, scope=SCOPE, redirect_uri=REDIRECT)
    url, _ = bare.create_authorization_url(meta["authorization_endpoint"], nonce="n")
    r = person.get(url)
    query = urllib.parse.parse_qs(urllib.parse.urlparse(location(r)).query)
    check(query.get("error") == ["invalid_request"], "no PKCE: invalid_request back to the client")
    r = person.get(url + "&code_challenge=" + "a" * 43 + "&code_challenge_method=plain")
    query = urllib.parse.parse_qs(urllib.parse.urlparse(location(r)).query)
    check(query.get("error") == ["invalid_request"], "PKCE plain: invalid_request")

    def fresh_code():
        return authorize(meta, person, client(), "n", verifier, login=False)[1]

    code = fresh_code()
    r = token_post(meta, {"grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT,
                          "code_verifier": generate_token(48)})
    check(r.status_code == 400 and r.json()["error"] == "invalid_grant", "a mismatched code_verifier: invalid_grant")
    r = token_post(meta, {"grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT})
    check(r.status_code == 400 and r.json()["error"] == "invalid_grant", "a missing code_verifier: invalid_grant")
    r = token_post(meta, {"grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT + "x",
                          "code_verifier": verifier})
    check(r.status_code == 400 and r.json()["error"] == "invalid_grant", "another redirect_uri: invalid_grant")
    r = token_post(meta, {"grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT,
                          "code_verifier": verifier}, auth=(CLIENT_ID, "wrong-secret"))
    check(r.status_code == 401 and r.json()["error"] == "invalid_client", "a wrong client secret: invalid_client")
    r = requests.post(meta["token_endpoint"], data={"grant_type": "authorization_code", "code": code,
                                                   "redirect_uri": REDIRECT, "code_verifier": verifier,
                                                   "client_id": CLIENT_ID, "client_secret": CLIENT_SECRET})
    check(r.status_code == 200 and "id_token" in r.json(),
          "after those refusals the code still works, with client_secret_post")

    code = fresh_code()
    # Time-based rule tested by moving the timestamp: the code is 61 seconds old.
    sql("UPDATE oidc_codes SET expires_at = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND "
        "WHERE code_hash = UNHEX(SHA2('%s', 256))" % code)
    r = token_post(meta, {"grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT,
                          "code_verifier": verifier})
    check(r.status_code == 400 and r.json()["error"] == "invalid_grant", "an expired code: invalid_grant")
    print(json.dumps({"refusals": "done"}))


def scenario_prompt_login():
    """prompt=login asks a logged-in person for the whole login again before the code."""
    meta = metadata()
    person = Person()
    person.login()
    rp = client()
    verifier = generate_token(48)
    url, _ = rp.create_authorization_url(meta["authorization_endpoint"], nonce="n", code_verifier=verifier)
    r = person.get(url)
    check(r.status_code == 303 and location(r).startswith(REDIRECT + "?code="), "logged in: the code at once")
    url, _ = rp.create_authorization_url(meta["authorization_endpoint"], nonce="n", code_verifier=verifier,
                                         prompt="login")
    r = person.get(url)
    check(location(r) == "/login", "prompt=login: back to the login page despite the session")
    r = person.login()
    check(location(r) == "/oidc/authorize?pending=1", "after the fresh login, on to the client")
    r = person.get(location(r))
    check(location(r).startswith(REDIRECT + "?code="), "the code after the fresh login")
    print(json.dumps({"prompt_login": "done"}))


def main():
    scenario = sys.argv[1] if len(sys.argv) > 1 else ""
    scenarios = {"flow": scenario_flow, "refusals": scenario_refusals, "prompt_login": scenario_prompt_login}
    if scenario not in scenarios:
        sys.exit("usage: oidc_client.py " + "|".join(scenarios))
    scenarios[scenario]()


if __name__ == "__main__":
    main()
