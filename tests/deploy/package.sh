#!/bin/bash
# package.sh BUILD_DIR: the Debian package of BUILD_DIR (scripts/package) holds every production
# worker of nginx/routes and nothing dev-only or of the tests, says the right Depends, installs
# into a scratch root with its maintainer scripts (a secret made once, configuration kept on an
# upgrade, files gone on removal and purge; systemctl is not called there), and there its units
# pass `systemd-analyze verify`, its nginx site passes `nginx -t` and lintian finds no error.
# A missing tool is a failure, never a skip.
# shellcheck disable=SC2016 # a $ inside single quotes here is nginx syntax, not shell
set -euo pipefail

[[ $# -eq 1 && -d $1 ]] || { echo "usage: $0 BUILD_DIR" >&2; exit 2; }
build_dir=$(cd "$1" && pwd)
source_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}
finish() {
  if ((failures > 0)); then
    echo "package: $failures failure(s)"
    exit 1
  fi
  echo "package: ok"
  exit 0
}

# 0. The package, built as scripts/package builds it (which installs the packaging tools).
if ! XUEJI_BUILD_DIR=$build_dir "$source_dir/scripts/package" >"$tmp/package.out" 2>&1; then
  cat "$tmp/package.out"
  fail "scripts/package failed"
  finish
fi
deb=$(tail -n 1 "$tmp/package.out")
[[ -f $deb ]] || { cat "$tmp/package.out"; fail "scripts/package printed no .deb"; finish; }
echo "package: $deb ($(du -h "$deb" | cut -f1))"
for tool in dpkg-deb dpkg lintian systemd-analyze nginx openssl; do
  command -v "$tool" >/dev/null || fail "$tool is not installed (scripts/lib/packages.sh)"
done
((failures == 0)) || finish

# What the package must hold, from the sources rather than from the build's own lists.
routes=$(awk -f "$source_dir/nginx/routes.awk" "$source_dir/nginx/routes")
production_workers=$(awk -F '\t' '$4 != "dev-only" && !seen[$2]++ { print $2 }' <<<"$routes")
dev_workers=$(awk -F '\t' '$4 == "dev-only" && !seen[$2]++ { print $2 }' <<<"$routes")
[[ -n $production_workers && -n $dev_workers ]] || fail "nginx/routes has no production or no dev-only worker"

# 1. Contents (dpkg-deb -c): a listing of "MODE OWNER PATH", checked by check_contents.
dpkg-deb -c "$deb" | awk '{ path = $6; sub(/^\./, "", path); print $1, $2, path }' >"$tmp/contents"
check_contents() {
  local listing=$1 problems=0 path program
  say_problem() { echo "  $*"; problems=$((problems + 1)); }
  expect() {
    awk -v mode="$1" -v path="$2" '$1 == mode && $2 == "root/root" && $3 == path { found = 1 }
      END { exit !found }' "$listing" || say_problem "missing or wrong mode/owner: $1 $2"
  }
  for program in $production_workers mailer ctl; do
    expect '-rwxr-xr-x' "/usr/lib/xueji/xueji-$program"
  done
  # /usr/lib/xueji holds those programs and nothing else: no dev-only worker, no test program.
  while read -r path; do
    program=${path#/usr/lib/xueji/xueji-}
    grep -qxF -- "$program" <<<"$production_workers"$'\nmailer\nctl' ||
      say_problem "unexpected program $path"
  done < <(awk '$3 ~ "^/usr/lib/xueji/." { print $3 }' "$listing")
  for program in $dev_workers; do
    ! grep -q "xueji-$program\$" "$listing" || say_problem "dev-only worker xueji-$program is packaged"
  done
  if grep -E '/tests?/|_tests?$|_test\.|unit_tests|integration_tests|/fuzz|argon2_probe|smtp_discard_sink|captcha-samples|node_modules|CMakeFiles' "$listing"; then
    say_problem "test or build files are packaged (above)"
  fi
  expect '-rwxr-xr-x' /usr/bin/xueji-ctl
  expect '-rw-r--r--' /usr/share/man/man1/xueji-ctl.1.gz
  for unit in 'xueji@.socket' 'xueji@.service' xueji-mailer.service xueji-purge.service \
    xueji-purge.timer xueji.target; do
    expect '-rw-r--r--' "/usr/lib/systemd/system/$unit"
  done
  for path in "$source_dir"/html/*.tpl; do
    expect '-rw-r--r--' "/usr/share/xueji/templates/$(basename "$path")"
  done
  while read -r path; do
    expect '-rw-r--r--' "/usr/share/xueji/static/$path"
  done < <(cd "$source_dir/html/static" && find . -type f | sed 's|^\./||')
  for path in xueji.conf xueji-http.conf xueji-auth.conf routes routes.awk; do
    expect '-rw-r--r--' "/usr/share/xueji/nginx/$path"
  done
  expect '-rwxr-xr-x' /usr/share/xueji/nginx/render
  for path in xueji.env.example deploy-guide.md copyright changelog.gz cluster/README.md \
    cluster/galera.cnf cluster/galera-node.cnf.example cluster/mariadb-galera.conf \
    cluster/haproxy.cfg; do
    expect '-rw-r--r--' "/usr/share/doc/xueji/$path"
  done
  expect '-rw-------' /etc/xueji/xueji.env
  # Nothing but those trees, and every entry root's.
  if awk '{ print $3 }' "$listing" | grep -vE '^/((etc|usr|usr/bin|usr/lib|usr/lib/systemd|usr/share|usr/share/doc|usr/share/man|usr/share/man/man1)/)?$|^/usr/(bin/xueji-ctl|share/man/man1/xueji-ctl\.1\.gz)$|^/(etc/xueji|usr/lib/xueji|usr/lib/systemd/system|usr/share/xueji|usr/share/doc/xueji)/'; then
    say_problem "files outside xueji's directories (above)"
  fi
  if awk '$2 != "root/root"' "$listing" | grep .; then
    say_problem "entries not owned by root (above)"
  fi
  return $((problems > 0))
}
if check_contents "$tmp/contents"; then
  echo "contents: $(grep -c ' /usr/lib/xueji/xueji-' "$tmp/contents") programs in /usr/lib/xueji, units, templates, static files, nginx, docs"
else
  fail "dpkg-deb -c: the contents above are wrong"
fi
# The check itself must catch a dev-only worker and a test program.
{ cat "$tmp/contents"; echo "-rwxr-xr-x root/root /usr/lib/xueji/xueji-$(head -n 1 <<<"$dev_workers")"
  echo "-rwxr-xr-x root/root /usr/lib/xueji/unit_tests"; } >"$tmp/contents.bad"
if check_contents "$tmp/contents.bad" >/dev/null; then
  fail "the contents check accepted a dev-only worker and a test program"
fi

# 2. Metadata (dpkg-deb -I / -f).
dpkg-deb -I "$deb" >"$tmp/info" || fail "dpkg-deb -I failed"
field() { dpkg-deb -f "$deb" "$1"; }
[[ $(field Package) == xueji ]] || fail "Package is '$(field Package)', not xueji"
[[ $(field Architecture) == "$(dpkg --print-architecture)" ]] || fail "Architecture is '$(field Architecture)'"
[[ $(field Version) =~ ^[0-9][0-9A-Za-z.+~-]*$ ]] || fail "Version '$(field Version)' is not a Debian version"
depends=$(field Depends)
echo "Depends: $depends"
echo "Recommends: $(field Recommends)"
for library in libfcgi libmysqlcppconn libmariadb3 libmbedcrypto libcurl libctemplate libargon2 \
  libgd3 libqrencode libstdc++6 libc6 nginx systemd fonts-dejavu-core fonts-liberation \
  fonts-freefont-ttf espeak-ng sox; do
  [[ ", $depends" == *", $library"* ]] || fail "Depends lacks $library"
done
! grep -q mariadb-server <<<"$depends" || fail "Depends names mariadb-server (it may be on another host)"
grep -q 'mariadb-server' <<<"$(field Recommends)" || fail "Recommends lacks mariadb-server"
for script in postinst prerm postrm conffiles md5sums; do
  grep -qE "^ +[0-9]+ bytes, +[0-9]+ lines +\*? *$script( |$)" "$tmp/info" ||
    fail "control member $script is missing"
done
dpkg-deb --ctrl-tarfile "$deb" | tar -xO ./conffiles >"$tmp/conffiles"
[[ $(cat "$tmp/conffiles") == /etc/xueji/xueji.env ]] ||
  fail "conffiles is '$(cat "$tmp/conffiles")', not /etc/xueji/xueji.env"

# 3. Install into a scratch root, maintainer scripts included (run without chroot, with
# DPKG_ROOT set: they touch nothing of this machine and call no systemctl there).
root=$tmp/root
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates" "$root/etc/systemd/system"
touch "$root/var/lib/dpkg/status"
scratch_dpkg() {
  dpkg --root="$root" --force-script-chrootless --force-depends --force-not-root \
    --log=/dev/null "$@" >"$tmp/dpkg.out" 2>&1 || { cat "$tmp/dpkg.out"; return 1; }
}
mode_of() { stat -c '%a %U' "$1" 2>/dev/null || echo "missing"; }
if ! scratch_dpkg --install "$deb"; then
  fail "dpkg --install into the scratch root failed"
  finish
fi
grep -F 'deploy-guide.md' "$tmp/dpkg.out" >/dev/null || fail "postinst did not point at the deploy guide"
[[ $(mode_of "$root/etc/xueji") == "700 root" ]] || fail "/etc/xueji is $(mode_of "$root/etc/xueji"), not 700 root"
for file in xueji.env secret db_password db_migration_password smtp_password; do
  [[ $(mode_of "$root/etc/xueji/$file") == "600 root" ]] ||
    fail "/etc/xueji/$file is $(mode_of "$root/etc/xueji/$file"), not 600 root"
done
[[ $(head -c 64 "$root/etc/xueji/secret" 2>/dev/null | wc -c) -ge 64 ]] ||
  fail "/etc/xueji/secret is shorter than 64 characters"
[[ -d $root/etc/xueji/nginx ]] || fail "/etc/xueji/nginx (the protected applications' locations) is missing"
cmp -s "$root/etc/xueji/xueji.env" "$root/usr/share/doc/xueji/xueji.env.example" ||
  fail "/etc/xueji/xueji.env is not the example configuration"
[[ -z $(ls -A "$root/etc/systemd/system") ]] || fail "the package enabled units: $(ls "$root/etc/systemd/system")"

# 3a. The units, as installed, with their programs from the scratch root.
units=$root/usr/lib/systemd/system
mkdir "$tmp/units"
cp "$units"/* "$tmp/units/"
sed -i "s|/usr/lib/xueji/|$root/usr/lib/xueji/|g" "$tmp/units"/*
wanted=$(sed -n 's/^Wants=//p' "$units/xueji.target" | sort)
expected_wants=$({ awk '{ print "xueji@" $0 ".socket" }' <<<"$production_workers"; echo xueji-mailer.service
  echo xueji-purge.timer; } | sort)
diff -u <(echo "$expected_wants") <(echo "$wanted") ||
  fail "the installed xueji.target does not want every production worker of nginx/routes"
verify_targets=("$tmp/units/xueji-mailer.service" "$tmp/units/xueji-purge.service"
  "$tmp/units/xueji-purge.timer" "$tmp/units/xueji.target")
for worker in $production_workers; do
  verify_targets+=("$tmp/units/xueji@$worker.socket" "$tmp/units/xueji@$worker.service")
done
# A unit whose program is missing must fail, or an empty output proves nothing.
printf '[Service]\nExecStart=%s\n' "$root/usr/lib/xueji/xueji-$(head -n 1 <<<"$dev_workers")" \
  >"$tmp/units/xueji-selftest.service"
if (cd "$tmp/units" && systemd-analyze verify --man=no xueji-selftest.service) >"$tmp/selftest.out" 2>&1 ||
  [[ ! -s $tmp/selftest.out ]]; then
  fail "systemd-analyze verify accepted a unit whose program is not installed"
fi
rm "$tmp/units/xueji-selftest.service"
status=0
(cd "$tmp/units" && systemd-analyze verify --man=no "${verify_targets[@]}") >"$tmp/verify.out" 2>&1 ||
  status=$?
if [[ $status -ne 0 || -s $tmp/verify.out ]]; then
  fail "systemd-analyze verify on the installed units (exit $status) said:"
  sed "s|$tmp/units/||g; s|$root||g" "$tmp/verify.out"
else
  echo "systemd-analyze verify: ${#verify_targets[@]} installed units, no output"
fi

# 3b. The installed nginx site, with an application protected by the installed forward-auth
# snippet, in an nginx.conf like Debian's: nginx -t against the installed files. Only the
# certificate and log directories are moved into the scratch space.
site=$tmp/nginx
mkdir -p "$site/tls" "$site/log" "$site/tmp"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=xueji.example.edu.tw" \
  -keyout "$site/tls/privkey.pem" -out "$site/tls/fullchain.pem" >"$tmp/openssl.out" 2>&1 ||
  { cat "$tmp/openssl.out"; fail "openssl could not make a test certificate"; }
in_root() {
  sed -e "s|/usr/share/xueji/|$root/usr/share/xueji/|g" -e "s|/etc/xueji/tls/|$site/tls/|g" \
    -e "s|/etc/xueji/nginx/|$root/etc/xueji/nginx/|g" -e "s|/var/log/nginx/|$site/log/|g" "$1"
}
cat >"$root/etc/xueji/nginx/app.conf" <<'EOF'
location ^~ /app/ {
    include /usr/share/xueji/nginx/xueji-auth.conf;
    include fastcgi_params;
    fastcgi_pass unix:/run/app.sock;
}
EOF
in_root "$root/etc/xueji/nginx/app.conf" >"$tmp/app.conf" && mv "$tmp/app.conf" "$root/etc/xueji/nginx/app.conf"
in_root "$root/usr/share/xueji/nginx/xueji.conf" >"$site/xueji-site"
grep -qF "alias $root/usr/share/xueji/static/;" "$site/xueji-site" ||
  fail "the installed site does not serve /static/ from /usr/share/xueji/static/"
[[ -f $root/usr/share/xueji/static/xueji.css ]] || fail "/usr/share/xueji/static/xueji.css is not installed"
cp /etc/nginx/fastcgi_params /etc/nginx/mime.types "$site/"
cat >"$site/nginx.conf" <<EOF
pid $site/nginx.pid;
error_log $site/log/error.log;
events {}
http {
    include mime.types;
    types_hash_max_size 2048;
    client_body_temp_path $site/tmp/body;
    fastcgi_temp_path $site/tmp/fastcgi;
    proxy_temp_path $site/tmp/proxy;
    scgi_temp_path $site/tmp/scgi;
    uwsgi_temp_path $site/tmp/uwsgi;
    include $root/usr/share/xueji/nginx/xueji-http.conf;
    include $site/xueji-site;
}
EOF
if nginx -t -c "$site/nginx.conf" -p "$site" >"$tmp/nginx-t.out" 2>&1; then
  echo "nginx -t: the installed site, its http part and a protected application pass"
else
  fail "nginx -t on the installed site:"
  sed "s|$root||g" "$tmp/nginx-t.out"
fi
nginx -T -c "$site/nginx.conf" -p "$site" 2>/dev/null >"$tmp/nginx-T.out" || true
if ! grep -q '^location \^~ /app/ {' "$tmp/nginx-T.out" || ! grep -q '^auth_request ' "$tmp/nginx-T.out"; then
  fail "the protected application's location did not reach nginx (include /etc/xueji/nginx/*.conf)"
fi
# The installed generator renders the site for a host name on its own.
if "$root/usr/share/xueji/nginx/render" production --server-name xueji.school.example \
  >"$tmp/rendered.conf" 2>"$tmp/render.err"; then
  diff <(sed 's/xueji\.example\.edu\.tw/xueji.school.example/g' "$root/usr/share/xueji/nginx/xueji.conf") \
    "$tmp/rendered.conf" >/dev/null || fail "the installed render does not give the installed site"
else
  cat "$tmp/render.err"
  fail "the installed /usr/share/xueji/nginx/render failed"
fi

# 4. An upgrade to a newer version whose example configuration changed: dpkg keeps the
# administrator's xueji.env (the new one beside it as .dpkg-dist), the secret and the passwords.
echo "XUEJI_MAIL_FROM=admin-edit@example.edu.tw" >>"$root/etc/xueji/xueji.env"
config_sums() {
  (cd "$root/etc/xueji" && sha256sum xueji.env secret db_password db_migration_password 2>&1) || true
}
sums_before=$(config_sums)
mkdir "$tmp/next"
dpkg-deb -R "$deb" "$tmp/next/tree"
version=$(field Version)
sed -i "s/^Version: .*/Version: ${version}+1/" "$tmp/next/tree/DEBIAN/control"
echo "# a variable a newer version added" >>"$tmp/next/tree/etc/xueji/xueji.env"
(cd "$tmp/next/tree" && find . -path ./DEBIAN -prune -o -path ./etc -prune -o -type f -print0 |
  sort -z | xargs -0 md5sum | sed 's|  \./|  |') >"$tmp/next/md5sums"
mv "$tmp/next/md5sums" "$tmp/next/tree/DEBIAN/md5sums"
dpkg-deb --root-owner-group -Zxz -b "$tmp/next/tree" "$tmp/next/xueji-next.deb" >/dev/null
if scratch_dpkg --force-confold --install "$tmp/next/xueji-next.deb"; then
  [[ $(dpkg-query --admindir="$root/var/lib/dpkg" -W -f='${Version}' xueji) == "${version}+1" ]] ||
    fail "the upgrade did not install version ${version}+1"
  sums_after=$(config_sums)
  diff <(echo "$sums_before") <(echo "$sums_after") ||
    fail "the upgrade changed the configuration, the secret or a password (above)"
  [[ -f $root/etc/xueji/xueji.env.dpkg-dist ]] || fail "the upgrade left no xueji.env.dpkg-dist"
  [[ $(mode_of "$root/etc/xueji/xueji.env") == "600 root" ]] || fail "the upgrade changed xueji.env's mode"
else
  fail "dpkg --install of the newer version failed"
fi

# 5. Removal keeps the configuration; a purge deletes it and the passwords, and keeps the secret.
if scratch_dpkg --remove xueji; then
  [[ ! -e $root/usr/lib/xueji/xueji-ctl && ! -e $units/xueji@.service ]] || fail "removal left programs or units"
  [[ -f $root/etc/xueji/xueji.env && -f $root/etc/xueji/secret ]] || fail "removal deleted the configuration"
else
  fail "dpkg --remove failed"
fi
if scratch_dpkg --purge xueji; then
  for file in xueji.env db_password db_migration_password smtp_password; do
    [[ ! -e $root/etc/xueji/$file ]] || fail "purge left /etc/xueji/$file"
  done
  [[ -f $root/etc/xueji/secret ]] || fail "purge deleted the server secret"
  grep -q "kept .*secret" "$tmp/dpkg.out" || fail "purge did not say it kept the secret"
else
  fail "dpkg --purge failed"
fi

# 6. lintian: no error; warnings are listed.
if lintian --fail-on error --display-level '>=warning' "$deb" >"$tmp/lintian.out" 2>&1; then
  echo "lintian: no errors, $(grep -c '^W: ' "$tmp/lintian.out" || true) warning(s)"
  sed -n 's/^W: /  warning: /p' "$tmp/lintian.out"
else
  fail "lintian reports errors:"
  cat "$tmp/lintian.out"
fi

finish
