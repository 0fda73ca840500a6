#!/usr/bin/env bash
# Builds the demo page into dist/ with Trunk: release wasm, wasm-opt -Oz.
set -euo pipefail
source "$(dirname "$0")/wasm-env.sh"
cd "$repo_root"
trunk --quiet build --release --offline
