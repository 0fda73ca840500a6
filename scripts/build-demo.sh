#!/usr/bin/env bash
# Builds the demo page into dist/ with Trunk: release wasm, wasm-opt -Oz.
set -euo pipefail
source "$(dirname "$0")/wasm-env.sh"
cd "$repo_root"
if ! grep -qF -- "data-wasm-opt-params=\"$WASM_OPT_FEATURES " www/index.html; then
  echo "www/index.html must pass wasm-opt the features of scripts/wasm-env.sh: $WASM_OPT_FEATURES" >&2
  exit 1
fi
trunk --quiet build --release --offline
