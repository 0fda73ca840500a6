#!/usr/bin/env bash
# Installs every tool the build and the tests need, from the package
# registries only. Idempotent: when everything is present it checks and
# returns within seconds, printing nothing.
#
# Writes .toolchain.env, which the build scripts source to compile for
# wasm32-unknown-unknown with whichever toolchain could be had here.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
CARGO_FUZZ_VERSION=0.13.2
ENV_FILE=.toolchain.env
WASM_TARGET=wasm32-unknown-unknown
DEBIAN_TOOLCHAIN=pay-web # Debian's rustc-web, linked into rustup

say() { printf 'setup: %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

apt_updated=
apt_install() {
  local missing=()
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' \
      || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing ${missing[*]} from Debian"
  if [ -z "$apt_updated" ]; then
    as_root apt-get update -qq
    apt_updated=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
}

# The version of a crate as Cargo.lock pins it.
locked_version() {
  awk -v name="$1" '$0 == "name = \"" name "\"" { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock
}

# --- Rust for wasm32 --------------------------------------------------------
# rustup's own target when it can be downloaded; otherwise Debian's rustc-web,
# whose rust-web-src lets cargo build std for wasm32 from source. Debian ships
# no rust-lld, so lld-22's wasm-ld links.
write_env() {
  local tmp
  tmp=$(mktemp)
  printf '%s\n' "# Written by scripts/setup.sh: how to compile for $WASM_TARGET here." "$@" >"$tmp"
  if ! cmp -s "$tmp" "$ENV_FILE" 2>/dev/null; then mv "$tmp" "$ENV_FILE"; else rm -f "$tmp"; fi
}

has_rustup_target() {
  rustup target list --installed 2>/dev/null | grep -qx "$WASM_TARGET"
}

if [ "${PAY_CHECKOUT_TOOLCHAIN:-}" != debian ] && { has_rustup_target \
  || timeout 300 rustup target add "$WASM_TARGET" >/dev/null 2>&1; }; then
  # std's sources let release builds rebuild std for size (wasm-env.sh).
  std_sources=no
  if rustup component list --installed 2>/dev/null | grep -qx rust-src \
    || timeout 300 rustup component add rust-src >/dev/null 2>&1; then
    std_sources=yes
  fi
  write_env "export WASM_CARGO_ENV=rustup" "export WASM_STD_SOURCES=$std_sources"
else
  apt_install rustc-web cargo-web rust-web-src lld-22
  if ! rustup toolchain list | grep -q "^$DEBIAN_TOOLCHAIN"; then
    say "linking Debian's rustc-web as the rustup toolchain $DEBIAN_TOOLCHAIN"
    rustup toolchain link "$DEBIAN_TOOLCHAIN" /usr
  fi
  write_env \
    "export WASM_CARGO_ENV=debian" \
    "export RUSTUP_TOOLCHAIN=$DEBIAN_TOOLCHAIN" \
    "export RUSTC_BOOTSTRAP=1" \
    "export CARGO_UNSTABLE_BUILD_STD=std,panic_abort" \
    "export WASM_STD_SOURCES=yes" \
    "export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld-22"
fi

# --- Browser for the wasm and end-to-end tests -------------------------------
apt_install chromium chromium-driver

# --- Cargo-installed tools, at the versions the build needs -------------------
WASM_BINDGEN_VERSION=$(locked_version wasm-bindgen)
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  # The published lockfile of wasm-bindgen-cli names a crate version the
  # registry lacks, so this one installs without --locked.
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  cargo install --quiet --force wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION"
fi
if [ "$(cargo fuzz --version 2>/dev/null)" != "cargo-fuzz $CARGO_FUZZ_VERSION" ]; then
  # libFuzzer's C++ is built by libfuzzer-sys.
  apt_install g++
  say "installing cargo-fuzz $CARGO_FUZZ_VERSION"
  cargo install --quiet --force --locked cargo-fuzz --version "=$CARGO_FUZZ_VERSION"
fi
if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  # Without --locked a newer lightningcss breaks trunk's build.
  say "installing trunk $TRUNK_VERSION"
  cargo install --quiet --force --locked trunk --version "=$TRUNK_VERSION"
fi

# --- npm tools: wasm-opt, and Playwright for the end-to-end tests -------------
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 # Playwright drives Debian's Chromium
npm_ci() {
  local dir=$1
  if [ ! -f "$dir/node_modules/.package-lock.json" ] \
    || ! cmp -s "$dir/package-lock.json" "$dir/node_modules/.setup-lock.json"; then
    say "installing npm packages in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
    cp "$dir/package-lock.json" "$dir/node_modules/.setup-lock.json"
  fi
}
npm_ci scripts/tools
npm_ci tests/e2e
npm_ci bench
