# pay-checkout: `make demo` and `make test` do everything, set-up included.
SHELL := /bin/bash
.DEFAULT_GOAL := help

export CARGO_TARGET_DIR ?= $(CURDIR)/target
export PORT ?= 8080
SANDBOX_BIN := $(CARGO_TARGET_DIR)/debug/pay-sandbox

.PHONY: help setup demo build demo-page pkg pkg-one floor examples sandbox size bench bench-check test test-native test-wasm test-package test-e2e fuzz chaos screenshots clean

help:
	@echo "make demo   build everything and serve the demo on http://127.0.0.1:$(PORT)"
	@echo "make test   run every test layer: native, wasm in Chromium, end to end"
	@echo "make pkg    assemble the npm package in pkg/ and pack it into packed/pay-checkout.tgz"
	@echo "make examples  build the HTML, Angular and React example apps from that tarball"
	@echo "make size   print raw, gzip and brotli bytes of what a page downloads"
	@echo "make bench  size, start-up next to a vanilla page and the Leptos floor, runtime and memory; fails over bench/budgets.json"
	@echo "make chaos  200 seeded checkouts through random faults; the ledgers checked (CHAOS_SEED repeats a run)"
	@echo "make fuzz   cargo fuzz on every parser, FUZZ_SECONDS each (10; make test runs it too)"
	@echo "make screenshots  the README's screenshots of the main steps, light and dark, English and French"

setup:
	@bash scripts/setup.sh

demo: build
	PAY_SANDBOX_DIST=dist PAY_SANDBOX_PKG=pkg $(SANDBOX_BIN)

build: setup demo-page pkg sandbox

demo-page: setup
	bash scripts/build-demo.sh

pkg: setup
	bash scripts/build-pkg.sh

examples: pkg
	bash scripts/build-examples.sh

sandbox:
	cargo build --quiet -p pay-sandbox

size: pkg
	@node scripts/size.mjs pkg

# The element with one gateway (PDirect) in pkg-pdirect/, for the benchmark.
pkg-one: setup
	PAY_GATEWAYS=pdirect bash scripts/build-pkg.sh

# The benchmark's form in Leptos alone, in pkg-floor/: the framework floor.
floor: setup
	bash scripts/build-floor.sh

# Results in bench/results.json; non-zero while a budget is exceeded.
bench: build pkg-one floor
	SANDBOX_BIN="$(SANDBOX_BIN)" node bench/run.mjs

# What make test holds every change to: the benchmark's ceilings.
bench-check: build pkg-one floor
	BENCH_BUDGETS=ceilings BENCH_RUNS=15 BENCH_OUT=tests/e2e/test-results/bench-check.json \
		SANDBOX_BIN="$(SANDBOX_BIN)" node bench/run.mjs

test: setup test-native fuzz test-wasm build size bench-check examples test-package test-e2e

test-native:
	cargo test --workspace
	cargo test --quiet --lib --no-default-features --features pdirect a_gateway_left_out_of_the_build

# Every parser under libFuzzer for FUZZ_SECONDS each; a crash fails, with its
# input printed. `FUZZ_SECONDS=600 make fuzz` for a long run.
fuzz: setup
	bash scripts/fuzz.sh

test-wasm: setup
	bash scripts/test-wasm.sh

# The package as a merchant's project sees it: types under tsc --strict, and
# its import under Node. Needs `make examples` (which installs tests/package).
test-package:
	bash -c 'source scripts/app-env.sh && cd tests/package && node run.mjs'

# Needs `make build examples` first (make test runs them in order).
test-e2e: setup
	cd tests/e2e && SANDBOX_BIN="$(SANDBOX_BIN)" npx playwright test

# The full chaos run (make test runs 20 checkouts with a fixed seed). A new
# seed each run unless CHAOS_SEED is given; the summary is printed and kept
# in tests/e2e/test-results/chaos-summary.json.
chaos: build
	cd tests/e2e && CHAOS_CHECKOUTS="$${CHAOS_CHECKOUTS:-200}" CHAOS_SEED="$${CHAOS_SEED:-$$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}" \
		SANDBOX_BIN="$(SANDBOX_BIN)" npx playwright test chaos.spec.js

# Regenerates docs/screenshots/ (the README's pictures) in headless Chromium.
screenshots: build
	cd tests/e2e && SCREENSHOTS=1 SANDBOX_BIN="$(SANDBOX_BIN)" npx playwright test screenshots.spec.js

clean:
	rm -rf dist pkg packed examples/angular/dist examples/angular/.angular examples/react/dist
	cargo clean
