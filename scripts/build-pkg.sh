#!/usr/bin/env bash
# Assembles pkg/, the npm package exactly as it would be published:
# the release wasm (size profile, wasm-opt -Oz), wasm-bindgen's `--target web`
# glue with the element's snippet written into it, and the hand-written
# files of pkg-template/, the JavaScript minified with source maps. Then packs
# it with `npm pack` into packed/pay-checkout.tgz, the tarball the example
# apps and the type tests install.
#
# PAY_GATEWAYS=pdirect (a comma list) builds only those gateways' checkouts
# into PAY_PKG_OUT (default pkg-<gateways>/), in a target folder of its own,
# unpacked: what `make bench` measures for a shop with one gateway.
set -euo pipefail
source "$(dirname "$0")/wasm-env.sh"
cd "$repo_root"
release_std

gateways=${PAY_GATEWAYS:-}
if [ -n "$gateways" ]; then
  out=${PAY_PKG_OUT:-pkg-${gateways//,/-}}
  target_dir="$CARGO_TARGET_DIR/gateways-${gateways//,/-}"
  cargo build --quiet --release --lib --target wasm32-unknown-unknown -p pay-checkout \
    --no-default-features --features "$gateways" --target-dir "$target_dir"
else
  out=pkg
  target_dir="$CARGO_TARGET_DIR"
  erase_component_types
  cargo build --quiet --release --lib --target wasm32-unknown-unknown -p pay-checkout
fi
wasm="$target_dir/wasm32-unknown-unknown/release/pay_checkout.wasm"

staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
glue_and_shrink "$wasm" "$staging" pay_checkout
cp -R pkg-template/. "$staging/"
minify_js "$staging"

rm -rf "$out"
mkdir -p "$out"
cp -R "$staging/." "$out/"
node scripts/check-pack.mjs "$out"
[ -n "$gateways" ] && exit 0

mkdir -p packed
rm -f packed/pay-checkout-*.tgz
(cd "$out" && npm pack --silent --pack-destination ../packed >/dev/null)
mv packed/pay-checkout-*.tgz packed/pay-checkout.tgz
echo "pkg: packed/pay-checkout.tgz ($(wc -c <packed/pay-checkout.tgz) bytes)"
