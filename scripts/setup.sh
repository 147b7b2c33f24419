#!/usr/bin/env bash
# Installs whatever the build and tests need and is missing; silent when everything is there.
#   scripts/setup.sh          everything
#   scripts/setup.sh build    only what `make build` needs (no browser, no wasm-pack)
# Idempotent: run it as often as you like (every make target does).
set -euo pipefail

cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
what="${1:-all}"

say() { echo "setup: $*" >&2; }

# --- Rust: wasm target, rustfmt, clippy ---
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "installing the Rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
# rust-src: `make build` rebuilds std for the wasm (smaller panics; see the Makefile).
if ! rustup component list --installed | grep -q '^rust-src'; then
  say "installing the Rust component rust-src"
  rustup component add rust-src
fi
if [ "$what" = all ]; then
  for component in rustfmt clippy; do
    if ! rustup component list --installed | grep -q "^$component"; then
      say "installing the Rust component $component"
      rustup component add "$component"
    fi
  done
fi

# --- wasm-bindgen CLI: must be exactly the wasm-bindgen version in Cargo.lock ---
wb_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$wb_version" ]; then
  echo "setup: no wasm-bindgen package in Cargo.lock" >&2
  exit 1
fi
have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
if [ "$have" != "$wb_version" ]; then
  say "installing wasm-bindgen-cli $wb_version (found: ${have:-none}); this compiles for a few minutes"
  cargo install --quiet --force wasm-bindgen-cli --version "$wb_version"
fi

# --- wasm-pack (drives the wasm-bindgen-test runs) ---
if [ "$what" = all ] && ! command -v wasm-pack >/dev/null; then
  say "installing wasm-pack; this compiles for a few minutes"
  cargo install --quiet wasm-pack
fi

# --- cargo-fuzz (the fuzz targets in fuzz/; libFuzzer needs a C++ compiler) ---
if [ "$what" = all ] && ! cargo fuzz --version >/dev/null 2>&1; then
  say "installing cargo-fuzz; this compiles for a minute or two"
  cargo install --quiet --locked cargo-fuzz
fi

# --- npm dev tooling (binaryen's wasm-opt, TypeScript, playwright-core) ---
if [ -f package-lock.json ]; then
  stamp=node_modules/.package-lock.sha256
  want=$(sha256sum package-lock.json | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    say "installing npm dev dependencies (npm ci)"
    npm ci --no-audit --no-fund --loglevel=error
    echo "$want" >"$stamp"
  fi
elif [ ! -d node_modules ]; then
  say "installing npm dev dependencies (npm install; no package-lock.json)"
  npm install --no-audit --no-fund --loglevel=error
fi

# --- Chromium and its WebDriver (browser tests) ---
if [ "$what" = all ] && { [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; }; then
  say "installing chromium and chromium-driver (apt-get)"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# --- A C++ compiler (libfuzzer-sys compiles libFuzzer) ---
if [ "$what" = all ] && ! command -v c++ >/dev/null; then
  say "installing g++ (apt-get)"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq g++ >/dev/null
fi
