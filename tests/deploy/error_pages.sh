#!/usr/bin/env bash
# error_pages.sh: the static error pages nginx serves (html/static/<CODE>.html) are exactly the
# ones the build writes from the one template (html/error_pages/), so none drifts from the rest.
#   tests/deploy/error_pages.sh BUILD_DIR
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
built=$1/error-pages
status=0
count=0
for page in "$built"/*.html; do
  [[ -e $page ]] || { echo "FAIL: the build wrote no error pages to $built"; exit 1; }
  name=$(basename "$page")
  count=$((count + 1))
  if ! cmp -s "$page" "$repo/html/static/$name"; then
    echo "FAIL: html/static/$name differs from the template's (run html/error_pages/regenerate)"
    status=1
  fi
done
[[ $count -eq 5 ]] || { echo "FAIL: expected 5 error pages, the build wrote $count"; status=1; }
[[ $status -eq 0 ]] && echo "ok: $count error pages match html/error_pages/"
exit "$status"
