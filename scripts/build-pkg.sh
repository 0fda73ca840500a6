#!/usr/bin/env bash
# Assembles pkg/, the npm package exactly as it would be published:
# the release wasm (size profile, wasm-opt -Oz), wasm-bindgen's `--target web`
# glue and snippets, and the hand-written files of pkg-template/. Then packs
# it with `npm pack` into packed/pay-checkout.tgz, the tarball the example
# apps and the type tests install.
set -euo pipefail
source "$(dirname "$0")/wasm-env.sh"
cd "$repo_root"

cargo build --quiet --release --lib --target wasm32-unknown-unknown -p pay-checkout
wasm="$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/pay_checkout.wasm"

out=pkg
staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
wasm-bindgen --target web --no-typescript --out-dir "$staging" --out-name pay_checkout "$wasm"
# shellcheck disable=SC2086 # a list of flags
wasm-opt -Oz $WASM_OPT_FEATURES --strip-debug --strip-producers --strip-target-features \
  "$staging/pay_checkout_bg.wasm" -o "$staging/pay_checkout_bg.wasm"
cp -R pkg-template/. "$staging/"

rm -rf "$out"
mkdir -p "$out"
cp -R "$staging/." "$out/"
node scripts/check-pack.mjs "$out"

mkdir -p packed
rm -f packed/pay-checkout-*.tgz
(cd "$out" && npm pack --silent --pack-destination ../packed >/dev/null)
mv packed/pay-checkout-*.tgz packed/pay-checkout.tgz
echo "pkg: packed/pay-checkout.tgz ($(wc -c <packed/pay-checkout.tgz) bytes)"
