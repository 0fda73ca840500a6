# Sourced by the scripts that install, build and serve the example apps:
# Node.js 24 from scripts/tools (Angular 22 needs Node 22.22 or later, and the
# machine's own Node may be older), and every CLI kept quiet and offline-safe.
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export PATH="$repo_root/scripts/tools/node_modules/.bin:$PATH"
if ! node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 22 || (a === 22 && b >= 22) ? 0 : 1)'; then
  echo "the example apps need Node 22.22 or later; run scripts/setup.sh (or make) to install it" >&2
  exit 1
fi
export NG_CLI_ANALYTICS=false          # no analytics prompt from the Angular CLI
export NG_FORCE_TTY=false              # no interactive prompts or spinners
export npm_config_update_notifier=false
export npm_config_fund=false
export npm_config_audit=false
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
# Shared with .ci/run: node_modules of each app, keyed by its lockfile.
export PAY_CHECKOUT_CACHE="${PAY_CHECKOUT_CACHE:-$HOME/.cache/pay-checkout}"
