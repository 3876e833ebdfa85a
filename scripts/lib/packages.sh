# packages.sh: install the Debian packages xueji needs to build, test and run its dev stack.
# shellcheck shell=bash
# Sourced by scripts/test and scripts/demo. Works on a fresh Debian 12 machine as root.

# Everything the build, the stack and the tests use (design/platform-notes.md), plus the
# browser, a CJK font so screenshots show the Chinese text, and the tools the scripts call.
xueji_packages=(
  # build
  cmake g++ pkg-config
  libfcgi-dev libmysqlcppconn-dev libctemplate-dev libmbedtls-dev libargon2-dev
  libcurl4-openssl-dev libgd-dev libqrencode-dev libcppunit-dev
  # dev/CI stack
  nginx spawn-fcgi mariadb-server mariadb-client python3-aiosmtpd fonts-dejavu-core
  # the captcha's other typefaces (flows/captcha_image.cpp): without them it is easier to read
  # for a machine
  fonts-liberation fonts-freefont-ttf
  # the captcha's audio alternative (flows/captcha_audio.cpp): Mandarin speech, noise mixed in
  espeak-ng sox
  # tests, benchmarks and the scripts themselves
  oathtool wrk curl openssl procps chromium fonts-wqy-microhei
  # the OpenID Connect relying party of tests/integration/oidc_test.cpp
  python3-authlib python3-requests
)

# Only for the benchmark-like scripts that need them (the build and the tests do not), so a
# fresh CI machine does not download them: `ensure_packages "${xueji_fuzz_packages[@]}"`.
# scripts/fuzz: libFuzzer and the sanitizers (clang only recommends their runtime).
xueji_fuzz_packages=(clang libclang-rt-dev)
# scripts/captcha-attack's two attackers.
xueji_captcha_attack_packages=(tesseract-ocr python3-pil python3-numpy)
# scripts/package and its test (tests/deploy/package.sh): dpkg-shlibdeps (and `file`, which CPack
# runs to find the binaries) for the Depends line, and lintian to check the .deb.
xueji_package_packages=(dpkg-dev file lintian)
# scripts/cluster: three MariaDB nodes replicating with Galera (rsync for the state transfer of a
# joining node) and HAProxy in front of the app nodes.
xueji_cluster_packages=(galera-4 rsync haproxy)

# Prints the packages of `xueji_packages` and of the arguments that dpkg does not report as
# installed.
missing_packages() {
  local pkg
  local -a wanted=("${xueji_packages[@]}" "$@")
  local -A installed=()
  # One dpkg-query for the whole list; it names only the packages it knows (and fails for the
  # others, which is why its status is ignored).
  while read -r pkg; do
    installed[$pkg]=1
  done < <(dpkg-query -W -f='${Package} ${Status}\n' "${wanted[@]}" 2>/dev/null |
    awk '$2 == "install" && $3 == "ok" && $4 == "installed" { print $1 }' || true)
  for pkg in "${wanted[@]}"; do
    [[ -n ${installed[$pkg]:-} ]] || echo "$pkg"
  done
  # Node.js may come from Debian or from NodeSource (whose nodejs bundles npm and conflicts
  # with Debian's npm), so the commands are what counts here, not the package names.
  command -v node >/dev/null || echo nodejs
  command -v npm >/dev/null || echo npm
}

# Installs whatever is missing of `xueji_packages` and the packages named as arguments; does
# nothing (and needs no network) when all is there.
ensure_packages() {
  local missing
  mapfile -t missing < <(missing_packages "$@")
  if [[ ${#missing[@]} -eq 0 ]]; then
    say "Debian packages: all present"
    return 0
  fi
  say "installing Debian packages: ${missing[*]}"
  # A fresh machine's package lists may be stale or empty: update once before installing.
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    "${missing[@]}"
  mapfile -t missing < <(missing_packages "$@")
  [[ ${#missing[@]} -eq 0 ]] || die "still missing after apt-get install: ${missing[*]}"
}
