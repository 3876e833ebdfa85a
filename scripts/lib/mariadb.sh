# mariadb.sh: the stack's private MariaDB: one data directory under VAR, a unix socket only.
# shellcheck shell=bash
# Sourced by scripts/stack after common.sh and procs.sh; needs XUEJI_VAR_DIR and the
# XUEJI_DB_* variables set.
#
# --skip-networking: with no TCP port, any number of stacks (demo, tests, benchmarks) can run
# side by side without colliding. --no-defaults (always the first option): no /etc/mysql
# setting may leak in.

db_data_dir() { echo "$XUEJI_VAR_DIR/mysql"; }
db_socket() { echo "$XUEJI_VAR_DIR/run/mysqld.sock"; }

# The OS user mariadbd runs as. As root it refuses to start unless told a user: "mysql" when
# that user can reach VAR (it must own the data directory), else root itself, for checkouts
# under a private home directory such as /root.
db_os_user() {
  if [[ $EUID -ne 0 ]]; then
    id -un
  elif id mysql >/dev/null 2>&1 && runuser -u mysql -- test -x "$XUEJI_VAR_DIR" 2>/dev/null; then
    echo mysql
  else
    echo root
  fi
}

# The administrator's client: root over the socket (root@localhost has an empty password in
# a private instance created with --auth-root-authentication-method=normal).
db_admin_sql() {
  mariadb --no-defaults --socket="$(db_socket)" --user=root --batch --skip-column-names
}

# Creates the data directory once; a re-run keeps every table.
db_install() {
  local data os_user
  data=$(db_data_dir)
  os_user=$(db_os_user)
  if [[ -d $data/mysql ]]; then
    # A previous run may have used another OS user (VAR moved): make the files its own.
    [[ $EUID -ne 0 ]] || chown -R "$os_user:" "$data"
    return 0
  fi
  say "creating the MariaDB data directory $data"
  mkdir -p "$data"
  [[ $EUID -ne 0 ]] || chown "$os_user:" "$data"
  if ! mariadb-install-db --no-defaults --datadir="$data" --user="$os_user" \
    --auth-root-authentication-method=normal --skip-test-db \
    >>"$(proc_log_file mariadb-install)" 2>&1; then
    proc_log_tail mariadb-install
    rm -rf "$data"
    die "mariadb-install-db failed"
  fi
}

db_answers() {
  mariadb-admin --no-defaults --socket="$(db_socket)" --user=root --connect-timeout=1 \
    ping >/dev/null 2>&1
}

# Starts mariadbd as "mariadb" and waits until it answers on its socket.
db_start() {
  local os_user
  os_user=$(db_os_user)
  # The socket lives in VAR/run, which the server's user must be able to write.
  [[ $EUID -ne 0 ]] || chown "$os_user:" "$XUEJI_VAR_DIR/run"
  rm -f "$(db_socket)"
  proc_start mariadb mariadbd --no-defaults --user="$os_user" --datadir="$(db_data_dir)" \
    --socket="$(db_socket)" --skip-networking --skip-name-resolve \
    --pid-file="$XUEJI_VAR_DIR/run/mysqld.pid" \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
    --innodb-flush-log-at-trx-commit=2 --innodb-buffer-pool-size=256M
  # flush-log-at-trx-commit=2: a dev/CI database may lose the last second on a machine crash,
  # and in exchange no commit waits for fsync. Production keeps its own durability settings.
  wait_until 60 db_answers_or_died || true
  proc_check mariadb || return 1
  db_answers || {
    warn "MariaDB did not answer on $(db_socket) within 60 s"
    proc_log_tail mariadb
    return 1
  }
  say "MariaDB ready on $(db_socket)"
}

# Ends a wait early when the server has already exited.
db_answers_or_died() {
  db_answers || ! proc_running_pid mariadb >/dev/null
}

# Quotes a value as an SQL string literal.
sql_string() {
  local value=${1//\\/\\\\}
  echo "'${value//\'/\'\'}'"
}

# Creates the database and its two users if missing, as production has them (systemd/README.md):
# the runtime user reads and writes rows and nothing else; the migration user, which only
# `xueji-ctl migrate` uses, changes the schema. Passwords are (re)set, so a change between
# runs takes effect, and grants are made exact (a data directory of an older stack gave the
# runtime user everything). Safe to repeat.
db_bootstrap() {
  local name=$XUEJI_DB_NAME user=$XUEJI_DB_USER migrator=$XUEJI_DB_MIGRATION_USER
  local password migrator_password
  [[ $name =~ ^[A-Za-z0-9_]{1,64}$ ]] || die "XUEJI_DB_NAME must be letters, digits, _: '$name'"
  [[ $user =~ ^[A-Za-z0-9_]{1,32}$ ]] || die "XUEJI_DB_USER must be letters, digits, _: '$user'"
  [[ $migrator =~ ^[A-Za-z0-9_]{1,32}$ && $migrator != "$user" ]] ||
    die "XUEJI_DB_MIGRATION_USER must be letters, digits, _ and differ from XUEJI_DB_USER"
  password=$(sql_string "$XUEJI_DB_PASSWORD")
  migrator_password=$(sql_string "$XUEJI_DB_MIGRATION_PASSWORD")
  db_admin_sql <<EOF
CREATE DATABASE IF NOT EXISTS \`$name\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '$user'@'localhost' IDENTIFIED BY $password;
ALTER USER '$user'@'localhost' IDENTIFIED BY $password;
REVOKE ALL PRIVILEGES, GRANT OPTION FROM '$user'@'localhost';
GRANT SELECT, INSERT, UPDATE, DELETE ON \`$name\`.* TO '$user'@'localhost';
CREATE USER IF NOT EXISTS '$migrator'@'localhost' IDENTIFIED BY $migrator_password;
ALTER USER '$migrator'@'localhost' IDENTIFIED BY $migrator_password;
GRANT ALL PRIVILEGES ON \`$name\`.* TO '$migrator'@'localhost';
EOF
}
