# routes.awk: read nginx/routes, refuse any malformed line, print "PATH\tWORKER\tMETHODS\tDEV".
# DEV is "dev-only", "text-body" (a form with a large text field: /admin/import's CSV) or "-". Every tool reading the route list goes through this file, so the
# nginx site and the systemd target can never disagree about what a valid route is.

function fail(reason) {
  printf "%s:%d: %s: %s\n", FILENAME, FNR, reason, $0 > "/dev/stderr"
  failed = 1
}

function valid_methods(list,    n, i, parts, seen) {
  n = split(list, parts, ",")
  for (i = 1; i <= n; i++) {
    if (parts[i] !~ /^(GET|POST|PUT|PATCH|DELETE|OPTIONS)$/ || (parts[i] in seen))
      return 0
    seen[parts[i]] = 1
  }
  return n > 0
}

{ sub(/\r$/, "") }
/^[ \t]*(#|$)/ { next }
{ sub(/[ \t]+#.*$/, "") }

NF < 3 { fail("expected PATH WORKER METHODS [dev-only|text-body]"); next }
NF > 4 { fail("too many fields (a fourth may only be dev-only or text-body)"); next }
NF == 4 && $4 != "dev-only" && $4 != "text-body" {
  fail("fourth field must be dev-only or text-body, not " $4); next
}
# Paths are literal: no regex, no spaces, no '..', no trailing slash, never / or /static/
# (the site answers those itself). No segment starts with '.', but the RFC 8615 prefix
# /.well-known/ (OpenID Connect discovery).
$1 !~ /^\/[A-Za-z0-9_.\/-]+$/ || $1 ~ /\/\/|\/$/ ||
    ($1 ~ /\/\./ && ($1 !~ /^\/\.well-known\// || substr($1, 13) ~ /\/\./)) {
  fail("PATH must be /word[/word...] of letters, digits, _ . -"); next
}
$1 ~ /^\/static(\/|$)/ { fail("/static/ belongs to nginx itself"); next }
$1 in paths { fail("PATH repeats line " paths[$1]); next }
$2 !~ /^[a-z0-9]+(-[a-z0-9]+)*$/ { fail("WORKER must be lower-case words joined by '-'"); next }
!valid_methods($3) { fail("METHODS must be a comma list of distinct GET POST PUT PATCH DELETE OPTIONS"); next }

{
  paths[$1] = FNR
  printf "%s\t%s\t%s\t%s\n", $1, $2, $3, (NF == 4 ? $4 : "-")
  routes++
}

END {
  if (!failed && routes == 0) {
    printf "%s: no routes\n", FILENAME > "/dev/stderr"
    failed = 1
  }
  exit failed
}
