# Build and test pipeline. Every target installs what it needs first (scripts/setup.sh).
#   make build   pkg/ (npm package: Node CommonJS + browser ESM builds of the wasm)
#   make test    everything CI runs (lint includes the type check of the page's and the CLI's JavaScript)
#   make demo    build, copy pkg/ and tests/fixtures/samples/ into www/, serve www/ on
#                http://127.0.0.1:8080 (PORT=... to change)
#   make size    gzip sizes of pkg/web/
#   make bench   native criterion benchmarks, then the wasm build against JSON.parse and ajv in Node
#   make fuzz    every cargo-fuzz target for FUZZ_SECONDS (60) each; `make test` runs them for 10 s
#   make regex-tables  regenerate src/lang/java_regex/tables.rs from the JDK on PATH (17+);
#                `git diff` then shows whether the committed tables are current
SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := build

export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
WASM_TARGET := wasm32-unknown-unknown
# The WebDriver: $CHROMEDRIVER, else chromedriver on PATH (scripts/setup.sh checks for it).
CHROMEDRIVER ?= $(or $(shell command -v chromedriver 2>/dev/null),/usr/bin/chromedriver)
# wasm-bindgen reads the wasm's target_features section (which `strip = true` removes) to know
# which features the module uses; wasm-opt strips everything afterwards.
RELEASE_ENV := CARGO_PROFILE_RELEASE_STRIP=false
# Size (docs/performance.md): std is rebuilt from rust-src (scripts/setup.sh adds it) with every panic compiled
# to a bare trap, so no panic message, source location or formatting code reaches the wasm. Stable
# rustc accepts these unstable flags under RUSTC_BOOTSTRAP; only this release build uses them.
# The std crates keep opt-level 3 as in the prebuilt std (at "z" smaller but slower: docs/performance.md);
# dlmalloc is built with std but not linked: the wasm build's allocator is talc (Cargo.toml).
RELEASE_ENV += RUSTC_BOOTSTRAP=1 RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort"
BUILD_STD := -Zbuild-std=std,panic_abort \
  $(foreach c,core alloc std compiler_builtins,--config profile.release.package.$(c).opt-level=3)
RELEASE_WASM := target/$(WASM_TARGET)/release/jira_integration_payloads.wasm
PKG_INPUTS := $(RELEASE_WASM) js src/read_options.js src/boundary.js scripts/build-pkg.mjs Cargo.toml LICENSE CHANGELOG.md

FUZZ_SECONDS ?= 60
FUZZ_TEST_SECONDS := 10

.PHONY: setup build test lint test-rust test-wasm test-js test-fuzz fuzz demo size bench regex-tables

setup:
	@scripts/setup.sh

build:
	@scripts/setup.sh build
	$(RELEASE_ENV) cargo build --release --target $(WASM_TARGET) --lib --features wasm $(BUILD_STD)
	@if [ ! -f pkg/package.json ] || [ -n "$$(find $(PKG_INPUTS) -newer pkg/package.json | head -1)" ]; then \
	  echo "node scripts/build-pkg.mjs"; node scripts/build-pkg.mjs; \
	else echo "pkg/ is up to date"; fi

lint: setup
	node scripts/layers.mjs
	cargo fmt --check
	cd fuzz && cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --lib
	cargo clippy --target $(WASM_TARGET) --lib --features wasm --test wasm_node --test wasm_browser -- -D warnings
	cargo clippy --target $(WASM_TARGET) --lib -- -D warnings
	tsc -p tsconfig.json

test-rust: setup
	cargo test

# wasm-bindgen-test: the exports compiled to wasm, in Node and in headless Chromium.
test-wasm: setup
	wasm-pack test --node -- --features wasm --test wasm_node
	wasm-pack test --headless --chrome --chromedriver $(CHROMEDRIVER) -- --features wasm --test wasm_browser

# The built package: CommonJS and ESM in Node, d.ts, size budget, ESM in Chromium (playwright-core).
test-js: build
	node scripts/size.mjs --check
	node --test tests/node/*.test.* tests/e2e/*.test.* tests/cli/*.test.*

# A short run of every fuzz target (fuzz/, built with cargo-fuzz on the stable toolchain).
test-fuzz: setup
	FUZZ_SEED=1 scripts/fuzz.sh $(FUZZ_TEST_SECONDS)

# test-js last: CI reads the closing summary of node --test.
test: lint test-rust test-wasm test-fuzz test-js

# Longer fuzzing; the corpus grows in fuzz/corpus/ from run to run, findings go to fuzz/artifacts/.
fuzz: setup
	scripts/fuzz.sh $(FUZZ_SECONDS)

demo: build
	node scripts/www-assets.mjs
	node scripts/serve.mjs www

size: build
	@node scripts/size.mjs

# Measured, not asserted: the numbers and ratios go to the terminal (see docs/performance.md).
bench: build
	cargo bench --bench native
	node scripts/bench.mjs

REGEX_TABLES := src/lang/java_regex/tables.rs
regex-tables:
	java scripts/java/GenRegexTables.java > $(REGEX_TABLES).new
	rustfmt --edition 2024 $(REGEX_TABLES).new
	mv $(REGEX_TABLES).new $(REGEX_TABLES)
