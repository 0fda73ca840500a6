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

# The WebAssembly features rustc enables by default for wasm32-unknown-unknown
# (and Chromium supports): wasm-opt must be told, or it refuses the module.
# www/index.html passes the same list to Trunk (build-demo.sh checks).
export WASM_OPT_FEATURES="--enable-bulk-memory --enable-bulk-memory-opt --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue"

# Release modules, what pages download, carry no panic locations (source
# paths a shop's console has no use for), and are linked against a std
# rebuilt with the size profile and its `optimize_for_size` feature: 4 %
# less gzip together. With that std, a panic traps at once
# (`-Cpanic=immediate-abort`): no hook, no message formatting, 3.7 % less
# gzip; the element's snippet knows its module's trap and stops every
# checkout (src/browser/element.js). The rebuilt std needs the toolchain's
# std sources (rustup's rust-src, Debian's rust-web-src; scripts/setup.sh
# says whether they are here): without them the prebuilt std is linked,
# and a panic runs the hook before it traps.
release_std() {
  export RUSTC_BOOTSTRAP=1
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS=-Zlocation-detail=none
  wasm_linker_exporting_less
  [ "${WASM_STD_SOURCES:-}" = yes ] || return 0
  export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS+=" -Zunstable-options -Cpanic=immediate-abort"
}

# Release modules are linked through scripts/linker/pay-checkout-link.mjs,
# which does not export wasm-streams' stream sources (it says why): 2.3 %
# less gzip. It runs the toolchain's own linker, Debian's wasm-ld (named in
# .toolchain.env) or rustup's rust-lld, and is named by its bare name on
# PATH, so that Cargo's fingerprint, which holds the linker, is the same in
# every clone and the shared target folder stays warm.
wasm_linker_exporting_less() {
  local linker=${CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER:-}
  if [ "$linker" != pay-checkout-link.mjs ]; then
    if [ -z "$linker" ]; then
      linker="$(rustc --print sysroot)/lib/rustlib/$(rustc -vV | sed -n 's/^host: //p')/bin/rust-lld"
    fi
    export PAY_CHECKOUT_WASM_LINKER=$linker
  fi
  export PATH="$repo_root/scripts/linker:$PATH"
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=pay-checkout-link.mjs
}

# Leptos's `--cfg erase_components`: every component's view behind
# `AnyView`, so that a view's type stops at its component instead of
# nesting every child's. It pays off for a module with many components:
# with all five gateways 3.7 % less gzip, start-up the same; with one
# gateway 1 % more, and the Leptos floor +21 %, so only the package with
# every gateway is built so (README, Performance). After release_std.
erase_component_types() {
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS+=" --cfg erase_components"
}

# wasm-bindgen's `--target web` glue for a release module, then wasm-opt for
# size: glue_and_shrink <module.wasm> <out-dir> <out-name>.
glue_and_shrink() {
  wasm-bindgen --target web --no-typescript --out-dir "$2" --out-name "$3" "$1"
  # --converge runs -Oz until it gains nothing more (about 0.5 %).
  # --one-caller-inline-max-function-size 10: a function with one caller
  # is inlined into it only when tiny (by default, always). Left as
  # functions, the many generic instances that compile to the same or
  # nearly the same code stay alike: wasm-opt merges the identical ones
  # and gzip finds the rest as repeats. 11 % less gzip, for twice as many
  # (smaller) functions.
  # --always-inline-max-function-size 4 (by default 2): a function of up to
  # 4 bytes, one that forwards a call, is inlined wherever it is called.
  # With every gateway 0.3 % less gzip, 1.7 % less raw and 7 % fewer
  # functions compiled before `ready`; 3 changes nothing, 5 grows gzip.
  # shellcheck disable=SC2086 # a list of flags
  wasm-opt -Oz --converge --one-caller-inline-max-function-size 10 \
    --always-inline-max-function-size 4 $WASM_OPT_FEATURES \
    --strip-debug --strip-producers --strip-target-features \
    "$2/$3_bg.wasm" -o "$2/$3_bg.wasm"
  # Functions that end alike side by side, for gzip: 1.8 % less
  # (scripts/order-functions.mjs says why).
  node "$repo_root/scripts/order-functions.mjs" "$2/$3_bg.wasm"
  # shellcheck disable=SC2086 # a list of flags
  wasm-opt --reorder-functions-by-name --strip-debug $WASM_OPT_FEATURES \
    "$2/$3_bg.wasm" -o "$2/$3_bg.wasm"
  # Short names for the imports and closure shims, in the module and its
  # glue alike; and the module's name.
  node "$repo_root/scripts/finish-wasm-module.mjs" "$2" "$3"
  # The element's class in the glue, not a file the glue imports: one
  # round trip fewer before the module can start.
  node "$repo_root/scripts/inline-snippets.mjs" "$2" "$3"
}

# Every .js file under a package folder minified in place, each with its
# source map beside it (the original inside, shown by the browser's
# devtools under original/): pages download half the JavaScript's gzip
# bytes. minify_js <dir>.
#
# Each file starts with V8's explicit compile hint, `//# allFunctionsCalledOnLoad`:
# every file of the package runs as the element starts (the entry, the glue
# and its snippet), so Chromium compiles their functions off the main thread
# as the file streams in instead of one by one on first call (other browsers
# read a comment). terser's preamble keeps the source map in step.
minify_js() {
  local file name
  while IFS= read -r -d '' file; do
    # In the file's own folder, so that the map names it by its file name.
    name=$(basename "$file")
    (cd "$(dirname "$file")" && terser "$name" --module --compress --mangle \
      --format "preamble='//# allFunctionsCalledOnLoad'" \
      --source-map "root='original/',url='$name.map',includeSources" \
      --output "$name")
  done < <(find "$1" -name '*.js' -print0)
}
