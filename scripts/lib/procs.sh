# procs.sh: start background processes with a PID file and a log each, and stop them by PID.
# shellcheck shell=bash
# Sourced by scripts/stack after common.sh; needs XUEJI_VAR_DIR set.
#
# VAR/pids/NAME.pid holds just the PID (tests read it, e.g. `pgrep -P $(cat login.pid)`);
# VAR/pids/NAME.start holds the process's start time, so a stale PID file left by a reboot or
# a crash never makes us signal an unrelated process that happens to reuse the number.

proc_pid_file() { echo "$XUEJI_VAR_DIR/pids/$1.pid"; }
proc_log_file() { echo "$XUEJI_VAR_DIR/log/$1.log"; }

# Field N (1-based, N >= 3) of /proc/PID/stat. The command name (field 2) may hold spaces and
# parentheses, so fields are counted after its closing parenthesis.
proc_stat_field() {
  local pid=$1 field=$2 stat rest
  # `read`, not cat: these checks run in tight loops over dozens of processes.
  read -r stat 2>/dev/null <"/proc/$pid/stat" || return 1
  rest=${stat##*) }
  # shellcheck disable=SC2086 # splitting the fields is the point
  set -- $rest
  shift $((field - 3))
  echo "$1"
}

# True while PID exists and is not a zombie. PID 1 here reaps orphans late, so a killed
# process may linger as <defunct> for seconds: that counts as gone.
pid_alive() {
  local state
  state=$(proc_stat_field "$1" 3) || return 1
  [[ $state != Z ]]
}

# True while PID is alive and is still the process that started at START.
pid_is() {
  local pid=$1 start=$2
  pid_alive "$pid" && [[ $(proc_stat_field "$pid" 22) == "$start" ]]
}

# Prints the PID of NAME if that process is still running; fails otherwise.
proc_running_pid() {
  local name=$1 pid start
  pid=$(cat "$(proc_pid_file "$name")" 2>/dev/null) || return 1
  start=$(cat "$XUEJI_VAR_DIR/pids/$name.start" 2>/dev/null) || return 1
  pid_is "$pid" "$start" || return 1
  echo "$pid"
}

# Starts `CMD...` in the background as NAME: its own session (a Ctrl-C in the demo's terminal
# reaches the demo, which stops the stack in order, not every process at once), no stdin, all
# output appended to VAR/log/NAME.log. Nothing keeps our stdout open, so callers that wait
# for it to close (ctest) do not hang on the daemons.
proc_start() {
  local name=$1
  shift
  local log pid
  log=$(proc_log_file "$name")
  echo "--- $(date '+%F %T') starting: $*" >>"$log"
  # Background jobs of a non-interactive shell are not process-group leaders, so setsid does
  # not fork and $! is the PID of the command itself.
  setsid "$@" </dev/null >>"$log" 2>&1 &
  pid=$!
  # Not our job to watch: no "Killed" notice from bash if `down` must use SIGKILL on it.
  disown "$pid"
  echo "$pid" >"$(proc_pid_file "$name")"
  proc_stat_field "$pid" 22 >"$XUEJI_VAR_DIR/pids/$name.start" || true
}

# Prints the last lines of NAME's log, indented, to stderr: what a failed start looks like.
proc_log_tail() {
  local name=$1 log
  log=$(proc_log_file "$name")
  warn "last lines of $log:"
  tail -n 25 "$log" 2>/dev/null | sed 's/^/    /' >&2 || true
}

# Fails, showing NAME's log, if NAME is no longer running.
proc_check() {
  local name=$1
  if ! proc_running_pid "$name" >/dev/null; then
    warn "$name exited during start-up"
    proc_log_tail "$name"
    return 1
  fi
}

# "PID START" of every descendant of the given PIDs (prefork children, their children, ...),
# from one snapshot of the process table: one ps and one awk however many processes there are.
pid_descendants() {
  ps -e -o pid=,ppid= | awk -v roots="$*" '
    { parent[$1] = $2 }
    END {
      n = split(roots, list, " ")
      for (i = 1; i <= n; i++) wanted[list[i]] = 1
      for (pid in parent) {
        # Walk up the parents; meeting a root makes pid its descendant.
        for (up = parent[pid]; up > 1; up = parent[up]) {
          if (!(up in wanted)) continue
          file = "/proc/" pid "/stat"
          if ((getline line < file) > 0) {
            # Fields after the command name (which may hold spaces): state is the first,
            # the start time (field 22 of stat) the twentieth.
            sub(/.*\) /, "", line)
            split(line, field, " ")
            print pid, field[20]
          }
          close(file)
          break
        }
      }
    }'
}

# True when none of the "PID START NAME" entries is still running.
targets_gone() {
  local entry
  for entry in "$@"; do
    # shellcheck disable=SC2086 # the entry's three words
    set -- $entry
    pid_is "$1" "$2" && return 1
  done
  return 0
}

# Stops the named processes together: SIGTERM to each, up to SECONDS_MAX for all to exit, then
# SIGKILL to whatever remains, descendants included (a master killed hard leaves its children
# behind). Removes their PID files. Names without a running process are skipped.
proc_stop() {
  local seconds_max=$1
  shift
  local -a names=("$@")
  local name pid entry
  local -a targets=() # "PID START NAME" entries, masters and descendants alike
  local -a masters=()
  for name in ${names[@]+"${names[@]}"}; do
    pid=$(proc_running_pid "$name") || {
      rm -f "$(proc_pid_file "$name")" "$XUEJI_VAR_DIR/pids/$name.start"
      continue
    }
    masters+=("$pid")
    targets+=("$pid $(cat "$XUEJI_VAR_DIR/pids/$name.start") $name")
  done
  [[ ${#targets[@]} -gt 0 ]] || return 0
  # Noted before the signal: a master that exits leaves its children to PID 1, and then
  # nothing would tie them to this stack any more.
  while read -r entry; do
    [[ -n $entry ]] && targets+=("$entry child")
  done < <(pid_descendants "${masters[@]}")
  # The PID files go before the signal: the stack's supervisor restarts a process whose PID
  # file names one that is gone, and these are meant to stay gone.
  for name in "${names[@]}"; do
    rm -f "$(proc_pid_file "$name")" "$XUEJI_VAR_DIR/pids/$name.start"
  done
  kill -TERM "${masters[@]}" 2>/dev/null || true

  if ! wait_until "$seconds_max" targets_gone "${targets[@]}"; then
    local start label
    for entry in "${targets[@]}"; do
      read -r pid start label <<<"$entry"
      if pid_is "$pid" "$start"; then
        [[ $label == child ]] ||
          warn "$label (pid $pid) ignored SIGTERM for ${seconds_max}s: killing it"
        kill -KILL "$pid" 2>/dev/null || true
      fi
    done
    wait_until 10 targets_gone "${targets[@]}" || warn "some processes outlived SIGKILL for 10 s"
  fi
  for name in "${names[@]}"; do
    rm -f "$(proc_pid_file "$name")" "$XUEJI_VAR_DIR/pids/$name.start"
  done
}
