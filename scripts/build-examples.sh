#!/usr/bin/env bash
# Builds the example apps the way a merchant's CI would, each from the
# tarball `make pkg` packed: the plain page (installed only), Angular
# (`ng build`) and React with Vite (`tsc` then `vite build`); and installs
# the package tests. Prints how long each took.
set -euo pipefail
source "$(dirname "$0")/app-env.sh"
cd "$repo_root"

timed() {
  local label=$1 started=$SECONDS
  shift
  "$@"
  echo "examples: $label in $((SECONDS - started)) s"
}

for app in examples/html examples/angular examples/react tests/package; do
  timed "installed $app" bash scripts/install-app.sh "$app"
done
timed "built examples/angular (ng build)" bash -c 'cd examples/angular && npx --no-install ng build'
timed "built examples/react (tsc, vite build)" bash -c 'cd examples/react && npm run --silent build'
