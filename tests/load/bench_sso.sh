# bench_sso.sh: single sign-on (issue 17), sourced by scripts/bench after bench_more.sh (it uses
# that file's prepared complete session, bench_token 0, and bench_sql / measure_cookie). /auth is
# on every request of a protected application: its target is >= 40% of the FastCGI hello with
# p99 <= 5 ms at 32 connections, the median of 3 rounds, each beside a hello run of its own. The
# token endpoint (a code exchanged, an ES256 ID token signed) is measured in the same rounds.
# shellcheck shell=bash

sso_rounds=3
sso_results=()  # "auth_ratio auth_rate auth_p99 hello token_rate token_p99" per round

bench_sso_setup() {
  bench_sql -e "INSERT IGNORE INTO oidc_clients (client_id, name, secret_hash, redirect_uris, post_logout_redirect_uris, created_at, secret_set_at) VALUES ('benchclient', 'bench', UNHEX(SHA2('bench-secret', 256)), 'http://127.0.0.1:9/cb', '', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))"
  export XUEJI_BENCH_CLIENT_BASIC
  XUEJI_BENCH_CLIENT_BASIC=$(printf 'benchclient:bench-secret' | base64 -w0)
}

# Codes bcROUND-1 … bcROUND-N for the complete session's account, valid for an hour (enough for
# 10 s at any speed these two cores reach).
bench_sso_codes() {
  local round=$1
  bench_sql -e "INSERT INTO oidc_codes (code_hash, client_id, redirect_uri, account_id, scope, nonce, code_challenge, auth_time, expires_at) SELECT UNHEX(SHA2(CONCAT('bc$round-', s.seq), 256)), 'benchclient', 'http://127.0.0.1:9/cb', a.id, 'openid profile email xueji', 'n', 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6) + INTERVAL 1 HOUR FROM seq_1_to_150000 s, accounts a WHERE a.login_key = 'bench00001a'"
}

measure_sso_rounds() {
  wanted sso || return 0
  local XUEJI_BENCH_ONLY=  # the rounds' own measurements are all part of "sso"
  bench_sso_setup
  local round
  for ((round = 1; round <= sso_rounds; round++)); do
    bench_sso_codes "$round"
    measure "hello-sso-$round" 32 /__hello
    measure_cookie "auth-$round" "$(bench_token 0)" /auth
    XUEJI_BENCH_CODE_PREFIX="bc$round-" measure "token-$round" 32 /oidc/token token_codes.lua
    sso_results+=("$(awk -v a="${rate[auth-$round]}" -v h="${rate[hello-sso-$round]}" 'BEGIN { printf "%.0f", 100 * a / h }') ${rate[auth-$round]} ${p99[auth-$round]} ${rate[hello-sso-$round]} ${rate[token-$round]} ${p99[token-$round]}")
  done
}

report_sso() {
  ((${#sso_results[@]} > 0)) || return 0
  local median ratio auth auth_p99 hello token token_p99
  median=$(printf '%s\n' "${sso_results[@]}" | sort -n | sed -n "$(((${#sso_results[@]} + 1) / 2))p")
  read -r ratio auth auth_p99 hello token token_p99 <<<"$median"
  echo "targets (issue 17), the median of ${#sso_results[@]} rounds ($(printf '%s%% ' "${sso_results[@]%% *}")):"
  echo "  GET /auth / hello             = ${ratio}%: ${auth}/s beside ${hello}/s, p99 ${auth_p99} ms   (target >= 40%, p99 <= 5 ms)"
  echo "  POST /oidc/token              = ${token}/s, p99 ${token_p99} ms   (codes exchanged, ES256 ID tokens signed)"
}

measure_sso_rounds
