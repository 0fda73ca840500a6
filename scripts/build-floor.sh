#!/usr/bin/env bash
# Builds the framework floor (bench/floor: the benchmark's form in Leptos
# alone) into pkg-floor/, the way the element's package is built: release
# size profile, wasm-bindgen glue, wasm-opt -Oz, minified JavaScript. It is
# built together with the element so that Cargo reuses the element's
# compiled dependencies.
set -euo pipefail
source "$(dirname "$0")/wasm-env.sh"
cd "$repo_root"
release_std

cargo build --quiet --release --lib --target wasm32-unknown-unknown -p pay-checkout -p pay-checkout-floor
rm -rf pkg-floor
mkdir -p pkg-floor
glue_and_shrink "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/pay_checkout_floor.wasm" pkg-floor floor
cp bench/floor/index.js pkg-floor/
minify_js pkg-floor
