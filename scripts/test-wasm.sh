#!/usr/bin/env bash
# Runs the wasm-bindgen tests (tests/element.rs, pdirect_element.rs,
# locale_element.rs and panic_element.rs, with the test-hooks feature) in
# headless Chromium through Debian's ChromeDriver; webdriver.json carries
# Chromium's flags.
set -euo pipefail
source "$(dirname "$0")/wasm-env.sh"
cd "$repo_root"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}"
cargo test --target wasm32-unknown-unknown --features test-hooks --test element --test pdirect_element --test locale_element --test panic_element "$@"
