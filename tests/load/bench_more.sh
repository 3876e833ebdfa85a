# bench_more.sh: the form and password benchmarks of the wizard and login issues, sourced by
# scripts/bench after its platform measurements (it uses that script's measure(), rate[], …).
# shellcheck shell=bash

load_dir=$XUEJI_REPO/tests/load
bench_password=Blue-Harbor-42x
bench_accounts=200
bench_sessions=2400
declare -A cycle_rate

bench_sql() {
  mariadb --no-defaults -N -B -uroot --socket="$XUEJI_VAR_DIR/run/mysqld.sock" xueji "$@"
}

ctl() {
  # shellcheck source=/dev/null
  (set -a && source "$XUEJI_VAR_DIR/env" && "$build_dir/xueji-ctl" "$@") >/dev/null
}

# A 43-character cookie value for prepared session n (the shape real ones have).
bench_token() {
  printf 'bench%038d' "$1"
}

# Data for the benchmarks: a school, a person with an account (identity POST), many accounts with
# one password (POST /login), one fully set-up account with a session (GET /home), sessions at
# each wizard step, and many applicants at the account step (POST /apply/account).
bench_setup_data() {
  say "preparing benchmark data"
  ctl school add --code 999001 --name 測試國小
  ctl year activate 115 --force
  ctl staff add --school 999001 --national-id A123456789 --name 王小明 --birth-date 1980-05-06
  ctl duty assign --school 999001 --national-id A123456789 --duty 教務 --year 115
  ctl account add-legacy --national-id A123456789 --account bench00000a --password "$bench_password"
  {
    echo "START TRANSACTION;"
    local n
    for ((n = 1; n <= bench_accounts + bench_sessions + 4; n++)); do
      # As `xueji-ctl staff add` leaves them: the person carries its staff record's name.
      echo "INSERT INTO persons (id_hmac, id_masked, birth_date, name, created_at) VALUES (UNHEX(SHA2('bench-person-$n', 256)), 'B12****$((n % 1000))', '1985-01-02', '測試$n', UTC_TIMESTAMP(6));"
      echo "INSERT INTO staff (school_id, person_id, name, birth_date, created_at) SELECT id, LAST_INSERT_ID(), '測試$n', '1985-01-02', UTC_TIMESTAMP(6) FROM schools WHERE code = '999001';"
    done
    # Accounts bench00001a… share the real hash of bench00000a: each login still verifies it.
    for ((n = 1; n <= bench_accounts; n++)); do
      printf "INSERT INTO accounts (person_id, login_name, login_key, password_hash, password_changed_at, created_at) SELECT p.id, 'bench%05da', 'bench%05da', a.password_hash, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6) FROM persons p, accounts a WHERE p.id_hmac = UNHEX(SHA2('bench-person-%d', 256)) AND a.login_key = 'bench00000a';\n" "$n" "$n" "$n"
    done
    # The home page's account: nothing left to do after the password, a duty this year.
    echo "UPDATE accounts SET totp_bound_at = UTC_TIMESTAMP(6), totp_secret_enc = UNHEX('00'), must_change_password = 0, must_change_name = 0, password_changed_at = UTC_TIMESTAMP(6) WHERE login_key = 'bench00001a';"
    echo "INSERT INTO duties (staff_id, school_year, duty, created_at) SELECT s.id, 115, '導師', UTC_TIMESTAMP(6) FROM staff s JOIN accounts a ON a.person_id = s.person_id WHERE a.login_key = 'bench00001a';"
    echo "INSERT INTO sessions (id_hash, kind, person_id, account_id, auth_stage, csrf_token, created_at, last_seen_at, expires_at) SELECT UNHEX(SHA2('$(bench_token 0)', 256)), 'login', person_id, id, 'complete', 'x', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), UTC_TIMESTAMP(6) + INTERVAL 1 DAY FROM accounts WHERE login_key = 'bench00001a';"
    # Wizard sessions: one at each step for the GET pages, then many at 帳號申請, each with the
    # copy of the applicant that 身分驗證 leaves in the session.
    local first=$((bench_accounts + 1))
    for step in email verify account; do
      echo "INSERT INTO sessions (id_hash, kind, person_id, wizard_step, csrf_token, data, created_at, last_seen_at, expires_at) SELECT UNHEX(SHA2('$(bench_token "9$first")', 256)), 'wizard', id, '$step', 'c$first', 'birth=1985-01-02&email=bench$first%40example.com&name=%E6%B8%AC%E8%A9%A6$first&idm=B12%2A%2A%2A%2A$((first % 1000))', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), UTC_TIMESTAMP(6) + INTERVAL 1 DAY FROM persons WHERE id_hmac = UNHEX(SHA2('bench-person-$first', 256));"
      if [[ $step == verify ]]; then
        echo "INSERT INTO email_codes (session_hash, purpose, address, prefix, code_hmac, sent_at, expires_at) VALUES (UNHEX(SHA2('$(bench_token "9$first")', 256)), 'apply', 'bench$first@example.com', 'SB', UNHEX(SHA2('x', 256)), UTC_TIMESTAMP(6), UTC_TIMESTAMP(6) + INTERVAL 1 DAY);"
      fi
      first=$((first + 1))
    done
    for ((n = first; n < first + bench_sessions; n++)); do
      echo "INSERT INTO sessions (id_hash, kind, person_id, wizard_step, csrf_token, data, created_at, last_seen_at, expires_at) SELECT UNHEX(SHA2('$(bench_token "$n")', 256)), 'wizard', id, 'account', 'c$n', 'birth=1985-01-02&email=bench$n%40example.com&name=%E6%B8%AC%E8%A9%A6$n&idm=B12%2A%2A%2A%2A$((n % 1000))', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), UTC_TIMESTAMP(6) + INTERVAL 1 DAY FROM persons WHERE id_hmac = UNHEX(SHA2('bench-person-$n', 256));"
    done
    echo "COMMIT;"
  } >"$results/data.sql"
  bench_sql <"$results/data.sql"
  # One file per round of the account POST (argon2_rounds): a session makes one account.
  local n round per_round=$((bench_sessions / argon2_round_count))
  for ((round = 1; round <= argon2_round_count; round++)); do
    for ((n = 0; n < per_round; n++)); do
      local k=$((bench_accounts + 4 + (round - 1) * per_round + n))
      echo "$(bench_token "$k") c$k $k"
    done >"$results/account-sessions-$round.txt"
  done
}

# measure_cycle NAME THREADS SCRIPT URL [SESSIONS]: wrk with one connection per thread running a
# Lua cycle; its "per_second" line is the rate of completed cycles (logins, accounts, identity
# checks). SESSIONS lists the prepared applicants of account_cycle.lua.
measure_cycle() {
  local name=$1 threads=$2 script=$3 path=$4 sessions=${5:-}
  local out=$results/$name.txt
  wanted "$name" || return 0
  XUEJI_LOAD_DIR=$load_dir XUEJI_BENCH_THREADS=$threads XUEJI_BENCH_ACCOUNTS=$bench_accounts \
    XUEJI_BENCH_PASSWORD=$bench_password XUEJI_BENCH_ID=A123456789 XUEJI_BENCH_BIRTH=1980-05-06 \
    XUEJI_BENCH_SESSIONS=$sessions \
    XUEJI_BENCH_CAPTCHA_SESSIONS=$results/captcha-sessions.txt \
    wrk "-t$threads" "-c$threads" "-d${seconds}s" -s "$load_dir/$script" "$base$path" >"$out" 2>&1 ||
    die "wrk failed for $name: $(tail -3 "$out")"
  cycle_rate[$name]=$(awk -F'per_second=' '/per_second=/ { printf "%.1f", $2 }' "$out")
  local failed
  failed=$(awk -F'failed=' '/failed=/ { split($2, a, " "); print a[1] }' "$out")
  printf '%-28s %6s conns %10s /s completed %7s failed\n' "$name" "$threads" "${cycle_rate[$name]:-}" "$failed"
}

# measure_audited NAME CONNECTIONS SCRIPT PATH ACTION SESSIONS: wrk with a script that has no
# response callback (see identity_post.lua) posting as the visitors listed in SESSIONS; the rate is
# the audit rows of ACTION written during the run, per second of it, so only requests that ran the
# whole check count.
measure_audited() {
  local name=$1 connections=$2 script=$3 path=$4 action=$5 sessions=$6
  local out=$results/$name.txt before after requests duration
  wanted "$name" || return 0
  local count_sql="SELECT COUNT(*) FROM audit_log WHERE action = '$action'"
  before=$(bench_sql -e "$count_sql")
  XUEJI_BENCH_THREADS=2 XUEJI_BENCH_ID=A123456789 XUEJI_BENCH_BIRTH=1980-05-06 \
    XUEJI_BENCH_CAPTCHA_SESSIONS=$sessions \
    wrk -t2 "-c$connections" "-d${seconds}s" -s "$load_dir/$script" "$base$path" >"$out" 2>&1 ||
    die "wrk failed for $name: $(tail -3 "$out")"
  # A child that was busy writes its last kept audit rows (fcgi/audit_batch.h) as soon as no
  # request waits: count until two counts agree.
  after=$(bench_sql -e "$count_sql")
  local again tries
  for ((tries = 0; tries < 20; tries++)); do
    sleep 0.2
    again=$(bench_sql -e "$count_sql")
    [[ $again == "$after" ]] && break
    after=$again
  done
  # "  15012 requests in 10.00s, 85.40MB read"
  requests=$(awk '/ requests in / { print $1 }' "$out")
  duration=$(awk '/ requests in / { sub(/s,$/, "", $4); print $4 }' "$out")
  cycle_rate[$name]=$(awk -v n=$((after - before)) -v d="$duration" 'BEGIN { printf "%.1f", n / d }')
  local failed=$((requests - (after - before)))
  ((failed > 0)) || failed=0
  printf '%-28s %6s conns %10s /s completed %7s failed\n' "$name" "$connections" "${cycle_rate[$name]}" "$failed"
}

measure_cookie() {
  local name=$1 token=$2 path=$3
  local out=$results/$name.txt
  wanted "$name" || return 0
  wrk -t2 -c32 "-d${seconds}s" --latency -H "Cookie: xueji_session=$token" "$base$path" >"$out" 2>&1
  rate[$name]=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$out")
  p99[$name]=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")
  bad[$name]=$(awk '/Non-2xx or 3xx responses:/ { n = $5 } END { print n + 0 }' "$out")
  printf '%-28s %6s conns %10s req/s %9s ms p99 %7s non-2xx\n' \
    "$name" 32 "${rate[$name]:-}" "${p99[$name]:-}" "${bad[$name]:-}"
}

# bench_captcha_sessions FILE ROUND: visitors holding a captcha for 身分驗證, enough for every
# thread to post for a whole run, listed in FILE; each round has visitors of its own.
bench_captcha_sessions() {
  local file=$1 round=$2 count=$((seconds * 5000))
  /usr/bin/python3 "$load_dir/captcha_sessions.py" "$XUEJI_VAR_DIR/secret" apply_identity 5823 \
    "$count" "$file" $((round * count)) >"${file%.txt}.sql"
  bench_sql <"${file%.txt}.sql"
}

# This machine's speed drifts: on a shared VM the hello ceiling and one Argon2id hash each moved
# by up to 1.7x within minutes. So each POST is compared with its ceiling measured right before
# and right after it (the mean of the two), not with one taken minutes earlier.
hello_now() {
  wrk -t2 -c32 "-d${seconds}s" "$base/__hello" | awk '/^Requests\/sec:/ { printf "%.0f", $2 }'
}
# argon2_now: "HASH VERIFY HASH_ALL VERIFY_ALL" in ms: one probe alone, then one probe per core
# at once (the mean of their medians). The second is the ceiling's: a 19 MiB hash alone can keep
# much of its area in the 32 MiB last-level cache, two at once cannot. Measured here, one hash
# alone took 35-42 ms in quiet minutes while two at once took 50-54 ms each, as every account
# POST on a busy machine does; in busy minutes both took 50-54 ms. Each probe takes the median of
# 40 hashes and 40 verifications (about 4 s): medians of 15 moved by up to 20% within a minute.
argon2_now() {
  local alone i probe=("$build_dir/tests/argon2_probe" 40)
  alone=$("${probe[@]}")
  for ((i = 0; i < cores; i++)); do "${probe[@]}" & done >"$results/argon2-every-core.txt"
  wait
  { echo "$alone"; cat "$results/argon2-every-core.txt"; } | awk -F'[= ]' '
    NR == 1 { hash = $2; verify = $4; next }
    { hash_all += $2; verify_all += $4; n++ }
    END { printf "%s %s %.2f %.2f\n", hash, verify, hash_all / n, verify_all / n }'
}
mean() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (a + b) / 2 }'; }
declare -A near_hello

# Waits (up to 60 s) until InnoDB has purged what earlier runs deleted: the identity runs leave
# tens of thousands of deleted captcha rows, and purging them took CPU from the run after.
quiet_database() {
  local tries history
  for ((tries = 0; tries < 120; tries++)); do
    history=$(bench_sql -e "SELECT COUNT FROM information_schema.INNODB_METRICS WHERE NAME = 'trx_rseg_history_len'")
    ((history < 100)) && return 0
    sleep 0.5
  done
  say "InnoDB still has $history transactions to purge; measuring anyway"
}

# beside_hello NAME COMMAND...: runs the measurement between two hello runs.
beside_hello() {
  local name=$1 before after
  shift
  wanted "$name" || return 0
  quiet_database
  before=$(hello_now)
  "$@"
  after=$(hello_now)
  near_hello[$name]=$(mean "$before" "$after")
  say "hello beside $name: $before and $after req/s"
}

# argon2_rounds NAME HASH|VERIFY COMMAND...: the Argon2-bound measurement, in rounds, each between
# two probes (argon2_now); "{round}" in the command's arguments becomes the round's number. One
# probe's 15 hashes gave medians from 43 to 52 ms within a minute here, so one round's ratio is
# only as good as its two probes: the report takes the median round.
argon2_round_count=3
declare -A argon2_round_results  # NAME → one "rate ms_every_core ms_alone" line per round
argon2_rounds() {
  local name=$1 kind=$2 round before after column_alone column_every
  shift 2
  wanted "$name" || return 0
  if [[ $kind == HASH ]]; then column_alone=0 column_every=2; else column_alone=1 column_every=3; fi
  argon2_round_results[$name]=""
  for ((round = 1; round <= argon2_round_count; round++)); do
    quiet_database
    read -ra before < <(argon2_now)
    "${@//'{round}'/$round}"
    read -ra after < <(argon2_now)
    argon2_round_results[$name]+="${cycle_rate[$name]} $(mean "${before[column_every]}" \
      "${after[column_every]}") $(mean "${before[column_alone]}" "${after[column_alone]}")"$'\n'
    say "$name round $round: one ${kind,,} took ${before[column_alone]} and" \
      "${after[column_alone]} ms alone, ${before[column_every]} and ${after[column_every]} ms" \
      "while every core did one"
  done
}

# mail_delivery: "SENT of QUEUED" for the outbox, once the mailer has nothing left that is due
# (up to 30 s): each account the benchmark made queued a mail, and the discard sink (scripts/bench)
# must have been handed every one of them.
mail_delivery() {
  wait_until 30 outbox_drained || true
  bench_sql -e "SELECT CONCAT(SUM(state = 'sent'), ' of ', COUNT(*)) FROM outbox"
}
outbox_drained() {
  (($(bench_sql -e "SELECT COUNT(*) FROM outbox WHERE state IN ('pending', 'sending')") == 0))
}

# The identity POST alone sits near its target, and on this VM one run's ratio moved by ±3 points
# between runs minutes apart: it is measured in rounds, each between two hello runs and with
# visitors of its own, and the median round is reported (every round is printed).
identity_rounds=3
identity_round_results=()  # "rate hello" per round
measure_identity_rounds() {
  local name=post-apply-identity-only round sessions
  wanted "$name" || return 0
  for ((round = 1; round <= identity_rounds; round++)); do
    sessions=$results/captcha-sessions-$round.txt
    bench_captcha_sessions "$sessions" "$round"
    beside_hello "$name" measure_audited "$name" 32 identity_post.lua /apply/identity \
      apply.identity.has_account "$sessions"
    identity_round_results+=("${cycle_rate[$name]} ${near_hello[$name]}")
  done
}

bench_setup_data
cores=$(nproc)

measure get-apply-identity 32 /apply/identity
measure_cookie get-apply-email "$(bench_token "9$((bench_accounts + 1))")" /apply/email
measure_cookie get-apply-verify "$(bench_token "9$((bench_accounts + 2))")" /apply/verify
measure_cookie get-apply-account "$(bench_token "9$((bench_accounts + 3))")" /apply/account
measure_cookie get-home "$(bench_token 0)" /home
# The Argon2-bound measurements first: run after the identity runs, which delete tens of
# thousands of captcha rows, they measured 77% where they measure 82–86% alone (InnoDB purging
# those rows in the background, most likely).
argon2_rounds post-login VERIFY measure_cycle post-login 8 login_cycle.lua /login
argon2_rounds post-apply-account HASH measure_cycle post-apply-account 8 account_cycle.lua \
  /apply/account "$results/account-sessions-{round}.txt"
wanted post-apply-account && mail_after_accounts=$(mail_delivery)
beside_hello post-apply-identity measure_cycle post-apply-identity 8 identity_cycle.lua /apply/identity
measure_identity_rounds

# middle_line LINES: the median line of lines sorted by their first field; percent_list LINES:
# their first fields as "a%, b%, c%".
middle_line() { awk -v n="$(wc -l <<<"$1")" 'NR == int((n + 1) / 2)' <<<"$1"; }
percent_list() { awk '{ printf "%s%s%%", (NR > 1 ? ", " : ""), $1 }' <<<"$1"; }

report_more() {
  pct() {
    awk -v a="$1" -v b="$2" \
      'BEGIN { if (a == "") print "not measured"; else if (b > 0) printf "%.0f%%", 100 * a / b; else print "n/a" }'
  }
  per_second() { awk -v c="$cores" -v ms="$1" 'BEGIN { if (ms > 0) printf "%.1f", c * 1000 / ms }'; }
  local name
  echo
  echo "targets (issues 4 and 5):"
  for page in get-apply-identity get-apply-email get-apply-verify get-apply-account; do
    printf '  %-28s = %s of hello   (target >= 25%%)\n' "$page" "$(ratio "$page" hello-fastcgi)"
  done
  name=post-apply-identity
  printf '  %-28s = %s/s = %s of %s/s hello beside it   (target >= 25%%; each POST also needs a captcha GET)\n' \
    "$name" "${cycle_rate[$name]:-}" "$(pct "${cycle_rate[$name]:-}" "${near_hello[$name]:-}")" \
    "${near_hello[$name]:-}"
  # Each round as "ratio rate hello", by ratio; the middle one is the median.
  local rounds
  rounds=$(for round in "${identity_round_results[@]}"; do
    awk -v r="${round% *}" -v h="${round#* }" 'BEGIN { if (h > 0) printf "%.1f %s %s\n", 100 * r / h, r, h }'
  done | sort -n)
  if [[ -n $rounds ]]; then
    local median median_ratio median_rate median_hello
    median=$(middle_line "$rounds")
    read -r median_ratio median_rate median_hello <<<"$median"
    printf '  %-28s = %s%% of hello, the median of %s rounds (%s): %s/s beside %s/s   (target >= 25%%; captchas drawn beforehand)\n' \
      post-apply-identity-only "$median_ratio" "$(wc -l <<<"$rounds")" "$(percent_list "$rounds")" \
      "$median_rate" "$median_hello"
  else
    printf '  %-28s = not measured\n' post-apply-identity-only
  fi
  # Ceilings: cores ÷ one hash while every core hashes (the target's), and with the hash timed
  # alone on an idle machine (printed beside it; see argon2_now for why they differ). Each round
  # as "ratio rate ceiling ratio_alone ceiling_alone", by ratio; the middle one is reported.
  argon2_target() {
    local name=$1 what=$2 rounds median
    if [[ -z ${argon2_round_results[$name]:-} ]]; then
      printf '  %-28s = not measured\n' "$name"
      return
    fi
    rounds=$(awk -v c="$cores" 'NF == 3 && $2 > 0 && $3 > 0 {
        every = c * 1000 / $2; alone = c * 1000 / $3
        printf "%.1f %s %.1f %.1f %.1f\n", 100 * $1 / every, $1, every, 100 * $1 / alone, alone
      }' <<<"${argon2_round_results[$name]}" | sort -n)
    median=$(middle_line "$rounds")
    local ratio rate every ratio_alone alone
    read -r ratio rate every ratio_alone alone <<<"$median"
    printf '  %-28s = %s%%, the median of %s rounds (%s): %s/s of %s/s (cores / one %s, timed while every core does one)   (target >= 80%%)\n' \
      "$name" "$ratio" "$(wc -l <<<"$rounds")" "$(percent_list "$rounds")" "$rate" "$every" "$what"
    printf '  %-28s   that round was %s%% of %s/s with one %s timed alone\n' "" "$ratio_alone" "$alone" "$what"
  }
  argon2_target post-apply-account hash
  [[ -z ${mail_after_accounts:-} ]] ||
    printf '  %-28s = %s mails sent by the mailer (each account queues one; all must be sent)\n' \
      post-apply-account "$mail_after_accounts"
  argon2_target post-login verification
  printf '  %-28s = %s of hello   (target >= 25%%)\n' get-home "$(ratio get-home hello-fastcgi)"
}
