#!/bin/bash
# nginx_config.sh: the committed nginx site is the one generated from nginx/routes; the dev config
# and the production site (inside a minimal http {} with throw-away certificates) pass nginx -t;
# every route is a location with its methods and socket; a malformed routes line is refused.
# shellcheck disable=SC2016 # a $ inside single quotes here is nginx syntax, not shell
set -euo pipefail

source_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
render=$source_dir/nginx/render
routes=$source_dir/nginx/routes

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

# 1. The committed files are the generator's output.
"$render" production >"$tmp/xueji.conf"
"$render" production-http >"$tmp/xueji-http.conf"
diff -u "$source_dir/nginx/xueji.conf" "$tmp/xueji.conf" ||
  fail "nginx/xueji.conf differs from \`nginx/render production\`; run nginx/regenerate"
diff -u "$source_dir/nginx/xueji-http.conf" "$tmp/xueji-http.conf" ||
  fail "nginx/xueji-http.conf differs from \`nginx/render production-http\`; run nginx/regenerate"

# 2. The dev config, rendered into a scratch var directory, passes nginx -t.
dev_var=$tmp/dev
mkdir -p "$dev_var/log" "$dev_var/run" "$dev_var/tmp"
"$render" dev --var "$dev_var" --port 18999 --static "$source_dir/html/static" >"$tmp/dev.conf"
nginx -t -q -c "$tmp/dev.conf" -p "$dev_var" >"$tmp/dev-t.out" 2>&1 ||
  { fail "nginx -t on the dev config:"; cat "$tmp/dev-t.out"; }

# 3. The production site with its http part in a minimal nginx.conf passes nginx -t. Only the
# certificate directory (a render option) and the log directory (rewritten here, so the test
# writes nothing under /var/log) differ from what ships. Relative includes resolve next to
# nginx.conf, as they do in /etc/nginx.
prod=$tmp/prod
mkdir -p "$prod/tls" "$prod/log" "$prod/tmp"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=xueji.example.edu.tw" \
  -keyout "$prod/tls/privkey.pem" -out "$prod/tls/fullchain.pem" >"$tmp/openssl.out" 2>&1 ||
  { cat "$tmp/openssl.out"; fail "openssl could not make a test certificate"; }
cp /etc/nginx/fastcgi_params /etc/nginx/mime.types "$prod/"
"$render" production --tls-dir "$prod/tls" | sed "s|/var/log/nginx/|$prod/log/|" >"$prod/xueji.conf"
cat >"$prod/nginx.conf" <<EOF
pid $prod/nginx.pid;
error_log $prod/log/error.log;
events {}
http {
    include mime.types;
    types_hash_max_size 2048;
    client_body_temp_path $prod/tmp/body;
    fastcgi_temp_path $prod/tmp/fastcgi;
    proxy_temp_path $prod/tmp/proxy;
    scgi_temp_path $prod/tmp/scgi;
    uwsgi_temp_path $prod/tmp/uwsgi;
    include $tmp/xueji-http.conf;
    include xueji.conf;
}
EOF
nginx -t -q -c "$prod/nginx.conf" -p "$prod" >"$tmp/prod-t.out" 2>&1 ||
  { fail "nginx -t on the production site:"; cat "$tmp/prod-t.out"; }

# 4. Every route is an exact location allowing its methods (GET admits HEAD) and passing to its
# worker's socket; dev-only routes exist in dev only; the other exact locations are / and the
# internal /_xueji/auth of the forward-auth snippet (any method, to /auth's worker).
# Read back from the rendered text with its own parser, not the generator's.
locations() {
  awk '
    match($0, /location = [^ ]+ \{/) {
      split(substr($0, RSTART, RLENGTH), word, " "); path = word[3]; open = depth
      methods = "-"; pass = "-"
    }
    path != "" && match($0, /\$request_method !~ \^\([A-Z|]+\)\$/) {
      methods = substr($0, RSTART + 21, RLENGTH - 23)
    }
    path != "" && match($0, /fastcgi_pass unix:[^;]+;/) { pass = substr($0, RSTART + 18, RLENGTH - 19) }
    {
      line = $0
      depth += gsub(/\{/, "", line) - gsub(/\}/, "", line)
      if (path != "" && depth <= open) { print path "\t" methods "\t" pass; path = "" }
    }' "$1" | sort
}
expected() {
  local mode=$1 socket_dir=$2
  {
    printf '/\t-\t-\n'
    printf '/_xueji/auth\t-\t%s/auth.sock\n' "$socket_dir"
    awk -F '\t' -v mode="$mode" -v dir="$socket_dir" '
      mode == "dev" || $4 != "dev-only" {
        methods = $3; sub(/GET/, "GET,HEAD", methods); gsub(/,/, "|", methods)
        print $1 "\t" methods "\t" dir "/" $2 ".sock"
      }' <(awk -f "$source_dir/nginx/routes.awk" "$routes")
  } | sort
}
diff -u <(expected production /run/xueji) <(locations "$tmp/xueji.conf") ||
  fail "production locations do not match nginx/routes"
# /__nginx is the benchmark's nginx-only ceiling, present in the dev config alone.
diff -u <({ expected dev "$dev_var/run"; printf '/__nginx\t-\t-\n'; } | sort) <(locations "$tmp/dev.conf") ||
  fail "dev locations do not match nginx/routes"

# 5. Settings both modes must carry; HSTS over TLS only; keep-alive to workers never.
for conf in "$tmp/xueji.conf" "$tmp/dev.conf"; do
  for needle in 'server_tokens off;' 'client_max_body_size 16k;' 'limit_req zone=xueji_post ' \
    'limit_req_status 429;' 'error_page 429 /static/429.html;' \
    'error_page 502 503 504 /static/50x.html;' 'error_page 404 /static/404.html;' \
    'error_page 405 /static/405.html;' 'error_page 413 /static/413.html;' 'fastcgi_param REQUEST_ID $request_id;' \
    'fastcgi_read_timeout ' 'return 303 /login;' "frame-ancestors 'none'" \
    'add_header X-Content-Type-Options nosniff always;' \
    'add_header Referrer-Policy same-origin always;' 'add_header X-Frame-Options DENY always;'; do
    grep -qF -- "$needle" "$conf" || fail "$(basename "$conf") lacks: $needle"
  done
done
grep -q 'Strict-Transport-Security' "$tmp/xueji.conf" || fail "production site lacks HSTS"
! grep -q 'Strict-Transport-Security' "$tmp/dev.conf" || fail "dev config (plain HTTP) sends HSTS"
grep -q 'map $request_method $xueji_post_limit_key' "$tmp/xueji-http.conf" ||
  fail "http part lacks the POST-only limit key"
if grep -l fastcgi_keep_conn "$tmp"/*.conf "$source_dir"/nginx/*; then
  fail "fastcgi_keep_conn appears in the files above"
fi
grep -q 'listen 127.0.0.1:18999;' "$tmp/dev.conf" || fail "dev config does not listen on 127.0.0.1 only"
[[ $(grep -c 'listen ' "$tmp/dev.conf") == 1 ]] || fail "dev config listens more than once"

# 6. A malformed line makes render fail, naming the file and line, and print nothing.
cp "$routes" "$tmp/bad-routes"
echo '/apply/identity   Apply_Identity   GET,POST' >>"$tmp/bad-routes"
bad_line=$(wc -l <"$tmp/bad-routes")
if "$render" production --routes "$tmp/bad-routes" >"$tmp/bad.out" 2>"$tmp/bad.err"; then
  fail "render accepted a worker name with capitals"
else
  grep -qF "$tmp/bad-routes:$bad_line:" "$tmp/bad.err" ||
    { fail "render's error does not name line $bad_line:"; cat "$tmp/bad.err"; }
  [[ ! -s $tmp/bad.out ]] || fail "render printed a config despite the bad line"
fi

if ((failures > 0)); then
  echo "nginx_config: $failures failure(s)"
  exit 1
fi
echo "nginx_config: ok"
