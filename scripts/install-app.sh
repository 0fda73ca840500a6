#!/usr/bin/env bash
# Installs one app's npm packages the way a merchant's project would: from
# its lockfile, with pay-checkout from the tarball `make pkg` packed.
# Usage: scripts/install-app.sh examples/react
#
# Fast when nothing changed: node_modules is kept in the cache once per
# lockfile and hard-linked into place, so a fresh clone installs nothing from
# the registry twice. pay-checkout itself is reinstalled on every run, and the
# lockfiles deliberately carry no integrity for it (it changes with each build;
# with one, npm would quietly reuse the copy it cached first).
set -euo pipefail
source "$(dirname "$0")/app-env.sh"
app=${1:?usage: install-app.sh <app folder>}
cd "$repo_root/$app"

tarball="$repo_root/packed/pay-checkout.tgz"
if [ ! -f "$tarball" ]; then
  echo "install-app: $tarball is missing; run make pkg first" >&2
  exit 1
fi
# `npm install` run by hand writes the integrity back: take it out again.
node -e '
  const fs = require("node:fs");
  const lock = JSON.parse(fs.readFileSync("package-lock.json", "utf8"));
  const entry = lock.packages["node_modules/pay-checkout"];
  if (entry?.integrity) {
    delete entry.integrity;
    fs.writeFileSync("package-lock.json", JSON.stringify(lock, null, 2) + "\n");
    console.error("install-app: removed the integrity of pay-checkout from package-lock.json");
  }'

copy_tree() { cp -al "$1" "$2" 2>/dev/null || cp -a "$1" "$2"; }

key=$({ cat package-lock.json; node --version; } | sha256sum | cut -c1-16)
cached="$PAY_CHECKOUT_CACHE/node_modules/${app//\//-}-$key"
stamp=node_modules/.pay-checkout-install
if [ "$(cat "$stamp" 2>/dev/null)" != "$key" ]; then
  rm -rf node_modules
  if [ -d "$cached" ]; then
    copy_tree "$cached" node_modules
  else
    echo "install-app: installing $app from its lockfile" >&2
    # Not `npm ci`: it refuses a lockfile that leaves out another platform's
    # optional binary the registry lacks (some of Angular's tools have such
    # gaps), while `npm install` from the same lockfile installs this
    # platform's exactly. --no-save leaves the lockfile as it is.
    npm install --no-save --prefer-offline --loglevel=error >/dev/null
    echo "$key" >"$stamp"
    mkdir -p "$(dirname "$cached")"
    rm -rf "$cached.partial"
    copy_tree node_modules "$cached.partial"
    mv -T "$cached.partial" "$cached"
  fi
  # npm rewrites its own record of the tree: give this copy its own file.
  cp --remove-destination "$cached/.package-lock.json" node_modules/.package-lock.json
  echo "$key" >"$stamp.new" && mv "$stamp.new" "$stamp"
fi

npm install --no-save --prefer-offline --loglevel=error "$tarball" >/dev/null
if ! cmp -s node_modules/pay-checkout/pay_checkout_bg.wasm "$repo_root/pkg/pay_checkout_bg.wasm"; then
  echo "install-app: $app did not get the wasm of pkg/ from the tarball" >&2
  exit 1
fi
