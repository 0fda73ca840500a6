#!/usr/bin/env bash
# Builds the framework floor (bench/floor: the benchmark's form in Leptos
# alone) into pkg-floor/, the way the element's package is built: release
# size profile, wasm-bindgen glue, wasm-opt -Oz, minified JavaScript. Its
# views keep their types, as a one-gateway package's do: the package with
# every gateway erases them (wasm-env.sh), which would cost the floor 21 %.
# So it has a target folder of its own, which stays warm.
set -euo pipefail
source "$(dirname "$0")/wasm-env.sh"
cd "$repo_root"
release_std

target_dir="$CARGO_TARGET_DIR/floor"
cargo build --quiet --release --lib --target wasm32-unknown-unknown -p pay-checkout-floor --target-dir "$target_dir"
rm -rf pkg-floor
mkdir -p pkg-floor
glue_and_shrink "$target_dir/wasm32-unknown-unknown/release/pay_checkout_floor.wasm" pkg-floor floor
cp bench/floor/index.js pkg-floor/
minify_js pkg-floor
