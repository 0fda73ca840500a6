# Sourced by the build scripts: the toolchain chosen by scripts/setup.sh, and
# the tools it installed, on PATH.
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if [ ! -f "$repo_root/.toolchain.env" ]; then
  echo "run scripts/setup.sh (or make) first: .toolchain.env is missing" >&2
  exit 1
fi
# shellcheck source=/dev/null
source "$repo_root/.toolchain.env"
export PATH="$repo_root/scripts/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$repo_root/target}"
