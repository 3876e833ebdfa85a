# build.sh: configure and build the C++ tree, and install the browser tests' npm packages.
# shellcheck shell=bash
# Sourced by scripts/test and scripts/demo (after common.sh).

# Two cores are shared with everything else the machine runs: never more than two jobs.
xueji_build_jobs=2

# Configures (cheap when nothing changed) and builds BUILD_DIR from the checkout: everything,
# or only the given targets.
build_tree() {
  local build_dir=$1
  shift
  local -a targets=()
  [[ $# -eq 0 ]] || targets=(--target "$@")
  say "building in $build_dir"
  cmake -S "$XUEJI_REPO" -B "$build_dir" >/dev/null
  cmake --build "$build_dir" -j "$xueji_build_jobs" ${targets[@]+"${targets[@]}"}
}

# Installs tests/browser's node_modules exactly as package-lock.json says, unless the copy there
# was already installed from this very lock file (a re-run then costs nothing and no network).
ensure_browser_packages() {
  local dir=$XUEJI_REPO/tests/browser
  local stamp=$dir/node_modules/.xueji-lock-sha256
  local want
  [[ -f $dir/package-lock.json ]] || die "tests/browser/package-lock.json is missing"
  want=$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)
  if [[ -f $stamp && $(cat "$stamp") == "$want" ]]; then
    say "browser test packages: current"
    return 0
  fi
  say "installing browser test packages (npm ci)"
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$want" >"$stamp"
}
