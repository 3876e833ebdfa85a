# common.sh: repository paths and the message helpers every script under scripts/ shares.
# shellcheck shell=bash
# Sourced, never run. Callers have already set `set -euo pipefail`.

# The checkout this file belongs to, whatever the caller's working directory is.
# shellcheck disable=SC2034 # used by the scripts that source this file
XUEJI_REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

# The name the running script is known by in its messages ("stack", "demo", ...).
xueji_script=${xueji_script:-$(basename "$0")}

say() {
  echo "$xueji_script: $*"
}

warn() {
  echo "$xueji_script: $*" >&2
}

die() {
  echo "$xueji_script: error: $*" >&2
  exit 1
}

# Runs a command as root: directly when we are root (CI, the demo machine), else through sudo.
as_root() {
  if [[ $EUID -eq 0 ]]; then
    "$@"
  else
    sudo "$@"
  fi
}

# Polls `CHECK...` every 0.1 s until it succeeds or SECONDS_MAX pass. Returns 1 on timeout.
wait_until() {
  local seconds_max=$1
  shift
  local deadline=$((SECONDS + seconds_max))
  until "$@"; do
    ((SECONDS < deadline)) || return 1
    sleep 0.1
  done
}

# True when something accepts TCP connections on ADDRESS:PORT (bash's /dev/tcp, no tools);
# ADDRESS defaults to 127.0.0.1.
port_in_use() {
  (exec 3<>"/dev/tcp/${2:-127.0.0.1}/$1") 2>/dev/null
}

# The distinct workers of nginx/routes, in file order (several paths may share one worker).
route_workers() {
  awk -f "$XUEJI_REPO/nginx/routes.awk" "$XUEJI_REPO/nginx/routes" |
    awk -F'\t' '!seen[$2]++ { print $2 }'
}

# Every program the dev stack runs: the CLI (for migrations), the mailer and each worker.
stack_programs() {
  echo xueji-ctl
  echo xueji-mailer
  route_workers | sed 's/^/xueji-/'
}
