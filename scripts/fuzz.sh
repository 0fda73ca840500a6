#!/usr/bin/env bash
# Fuzzes every parser of what the element is handed (gateway and backend
# answers, attributes, properties, what the customer types) with cargo fuzz
# (libFuzzer), each target for FUZZ_SECONDS (default 10). Seeds come from
# fuzz/corpus/<target>/ and are never written to: what the fuzzer finds goes
# to a scratch folder, and a crash fails loudly with the input that caused it.
# Runs on the stable compiler (RUSTC_BOOTSTRAP for libFuzzer's -Z flags),
# without a sanitizer: the parsers are safe Rust, so what it hunts is panics.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-10}
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}/fuzz"
export RUSTC_BOOTSTRAP=1
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

targets=$(cargo fuzz list --fuzz-dir fuzz)
cargo fuzz build --fuzz-dir fuzz -s none --release >/dev/null 2>"$scratch/build.log" || {
  cat "$scratch/build.log" >&2
  echo "fuzz: the targets did not build" >&2
  exit 1
}
for target in $targets; do
  mkdir -p "$scratch/$target" "$scratch/artifacts/$target"
  log="$scratch/$target.log"
  if ! cargo fuzz run --fuzz-dir fuzz -s none --release "$target" "$scratch/$target" "fuzz/corpus/$target" -- \
    -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=65536 \
    -artifact_prefix="$scratch/artifacts/$target/" >"$log" 2>&1; then
    tail -40 "$log" >&2
    for crash in "$scratch/artifacts/$target"/*; do
      [ -f "$crash" ] && echo "fuzz: $target crashed on (base64) $(base64 -w0 "$crash")" >&2
    done
    echo "fuzz: FAILED: $target" >&2
    exit 1
  fi
  runs=$(grep -o 'Done [0-9]* runs' "$log" | grep -o '[0-9]*' || echo 0)
  found=$(find "$scratch/$target" -type f | wc -l)
  echo "fuzz: $target: $runs runs in ${seconds} s, no crash; $found new inputs beyond $(find "fuzz/corpus/$target" -type f | wc -l) seeds"
done
