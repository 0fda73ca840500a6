#!/usr/bin/env bash
# Builds the demo pages into dist/ with Trunk (pages, CSS with integrity
# hashes, scripts). The element itself is the npm package at /pkg/, built by
# scripts/build-pkg.sh, so the demo runs exactly what merchants install.
set -euo pipefail
source "$(dirname "$0")/wasm-env.sh"
cd "$repo_root"
trunk --quiet build --release --offline
