#!/bin/bash
# systemd_verify.sh BUILD_DIR: the shipped systemd units pass `systemd-analyze verify` without a
# single line of output, for every production worker's socket and service, the mailer, the purge
# service and timer, and the target; xueji.target matches nginx/routes; hardening options stay
# one per line, alphabetised.
set -euo pipefail

[[ $# -eq 1 && -d $1 ]] || { echo "usage: $0 BUILD_DIR" >&2; exit 2; }
build_dir=$(cd "$1" && pwd)
source_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
units=$source_dir/systemd

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

# 1. The committed target is the one generated from the route list.
if ! "$units/render-target" >"$tmp/xueji.target.expected"; then
  fail "systemd/render-target failed"
elif ! diff -u "$units/xueji.target" "$tmp/xueji.target.expected"; then
  fail "systemd/xueji.target differs from systemd/render-target output; run nginx/regenerate"
fi

# 2. Hardening: in each service, the block after the first blank line of [Service] is sorted.
for service in "$units/xueji@.service" "$units/xueji-mailer.service" "$units/xueji-purge.service"; do
  awk '/^\[Service\]/ { in_service = 1; next }
       /^\[/ { in_service = 0 }
       in_service && /^$/ { block = 1; next }
       in_service && block && /^[A-Z]/ { print }' "$service" >"$tmp/hardening"
  if [[ ! -s $tmp/hardening ]]; then
    fail "$(basename "$service"): no hardening block after a blank line in [Service]"
  elif ! LC_ALL=C sort -c "$tmp/hardening" 2>"$tmp/sort.err"; then
    fail "$(basename "$service"): hardening options not alphabetised: $(cat "$tmp/sort.err")"
  fi
done

# 3. systemd-analyze verify on the units, with ExecStart pointing at files that exist: the real
# binaries when BUILD_DIR has them, otherwise stand-in scripts (verify only checks that the
# command is an executable file).
mkdir "$tmp/units" "$tmp/bin"
cp "$units"/*.service "$units"/*.socket "$units"/*.target "$units"/*.timer "$tmp/units/"
workers=$(awk -f "$source_dir/nginx/routes.awk" "$source_dir/nginx/routes" |
  awk -F '\t' '$4 != "dev-only" && !seen[$2]++ { print $2 }')
[[ -n $workers ]] || fail "no production workers in nginx/routes"
for program in $workers mailer ctl; do
  if [[ -x $build_dir/xueji-$program ]]; then
    ln -s "$build_dir/xueji-$program" "$tmp/bin/xueji-$program"
    echo "xueji-$program: real binary from $build_dir"
  else
    printf '#!/bin/sh\nexit 0\n' >"$tmp/bin/xueji-$program"
    chmod +x "$tmp/bin/xueji-$program"
    echo "xueji-$program: stand-in (not built in $build_dir)"
  fi
done
grep -q '/usr/lib/xueji/' "$tmp/units/xueji@.service" || fail "xueji@.service has no /usr/lib/xueji/ ExecStart"
sed -i "s|/usr/lib/xueji/|$tmp/bin/|g" "$tmp/units"/*.service

verify_targets=("$tmp/units/xueji-mailer.service" "$tmp/units/xueji-purge.service"
  "$tmp/units/xueji-purge.timer" "$tmp/units/xueji.target")
for worker in $workers; do
  verify_targets+=("$tmp/units/xueji@$worker.socket" "$tmp/units/xueji@$worker.service")
done
# A unit that does not even load must fail the verify, or an empty output would prove nothing.
printf '[Service]\nExecStart=%s\n' "$tmp/bin/does-not-exist" >"$tmp/units/xueji-selftest.service"
if (cd "$tmp/units" && systemd-analyze verify --man=no "$tmp/units/xueji-selftest.service") \
  >"$tmp/selftest.out" 2>&1 || [[ ! -s $tmp/selftest.out ]]; then
  fail "systemd-analyze verify did not report a missing ExecStart; it cannot be trusted here"
  cat "$tmp/selftest.out"
fi
rm "$tmp/units/xueji-selftest.service"

status=0
(cd "$tmp/units" && systemd-analyze verify --man=no "${verify_targets[@]}") >"$tmp/verify.out" 2>&1 ||
  status=$?
if [[ $status -ne 0 || -s $tmp/verify.out ]]; then
  fail "systemd-analyze verify (exit $status) said:"
  sed "s|$tmp/units/||g; s|$tmp/bin/|/usr/lib/xueji/|g" "$tmp/verify.out"
else
  echo "systemd-analyze verify: ${#verify_targets[@]} units, no output"
fi

if ((failures > 0)); then
  echo "systemd_verify: $failures failure(s)"
  exit 1
fi
echo "systemd_verify: ok"
