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

# The SHA-256 of a file: sha256sum (GNU), shasum (macOS, BSD), else Node (needed anyway).
file_hash() {
  if command -v sha256sum >/dev/null; then sha256sum "$1" | cut -d' ' -f1
  elif command -v shasum >/dev/null; then shasum -a 256 "$1" | cut -d' ' -f1
  else node -e 'process.stdout.write(require("crypto").createHash("sha256").update(require("fs").readFileSync(process.argv[1])).digest("hex") + "\n")' "$1"
  fi
}

# Installs Debian packages with apt-get where there is one; elsewhere says what to install and
# stops: $1 what is missing, $2 the Debian packages, $3 the advice for other systems.
system_install() {
  if command -v apt-get >/dev/null; then
    say "installing $2 (apt-get)"
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq
    # shellcheck disable=SC2086
    $sudo apt-get install -y -qq $2 >/dev/null
    return
  fi
  say "$1 is missing and this system has no apt-get. Install it yourself:"
  say "  $3"
  exit 1
}

# The first of the arguments that is an executable file or a command on PATH.
first_tool() {
  local t
  for t in "$@"; do
    if [ -n "$t" ] && [ -x "$t" ]; then echo "$t"; return 0; fi
    if [ -n "$t" ] && command -v "$t" >/dev/null; then command -v "$t"; return 0; fi
  done
  return 1
}

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
  want=$(file_hash package-lock.json)
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
# $CHROMIUM and $CHROMEDRIVER name them where they are elsewhere (the Makefile and the browser
# tests read the same variables); else the usual names on PATH.
if [ "$what" = all ]; then
  browser=$(first_tool "${CHROMIUM:-}" /usr/bin/chromium chromium chromium-browser google-chrome \
    "/Applications/Chromium.app/Contents/MacOS/Chromium" \
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome" || true)
  driver=$(first_tool "${CHROMEDRIVER:-}" /usr/bin/chromedriver chromedriver || true)
  if [ -z "$browser" ] || [ -z "$driver" ]; then
    system_install "Chromium or its WebDriver" "chromium chromium-driver" \
      "macOS: brew install --cask chromium && brew install --cask chromedriver; Fedora: dnf install chromium chromedriver; Arch: pacman -S chromium. Then set CHROMIUM and CHROMEDRIVER to their paths if they are not /usr/bin/chromium and /usr/bin/chromedriver."
  elif [ "$browser" != /usr/bin/chromium ] && [ -z "${CHROMIUM:-}" ]; then
    say "using $browser as Chromium; export CHROMIUM=\"$browser\" CHROMEDRIVER=\"$driver\" for the browser tests"
  fi
fi

# --- A C++ compiler (libfuzzer-sys compiles libFuzzer) ---
if [ "$what" = all ] && ! command -v c++ >/dev/null; then
  system_install "A C++ compiler" "g++" \
    "macOS: xcode-select --install; Fedora: dnf install gcc-c++; Arch: pacman -S gcc."
fi
