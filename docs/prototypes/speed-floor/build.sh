#!/usr/bin/env bash
# Builds the prototype's wasm as `make build` builds the library's (std rebuilt with panics as
# traps, opt-level "z", LTO, wasm-bindgen, then wasm-opt with scripts/build-pkg.mjs's flags) into
# out/z/, then with this crate at opt-level 3 into out/3/. Node glue: wasm-bindgen --target nodejs.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
export PATH="$root/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# The library's target directory: the dependencies built for `make build` are reused.
export CARGO_TARGET_DIR="$root/target"
export CARGO_PROFILE_RELEASE_STRIP=false RUSTC_BOOTSTRAP=1
export RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort"
std=(-Zbuild-std=std,panic_abort)
for c in core alloc std compiler_builtins; do std+=(--config "profile.release.package.$c.opt-level=3"); done
# scripts/build-pkg.mjs's WASM_OPT_FLAGS, read from it so that the two cannot drift apart.
mapfile -t wasm_opt < <(node -e '
  const s = require("fs").readFileSync(process.argv[1], "utf8");
  const list = s.slice(s.indexOf("WASM_OPT_FLAGS = ["), s.indexOf("];", s.indexOf("WASM_OPT_FLAGS = [")));
  for (const m of list.matchAll(/\x27([^\x27]+)\x27/g)) console.log(m[1]);' "$root/scripts/build-pkg.mjs")
build() { # name, extra cargo args...
  local name=$1; shift
  (cd "$here" && cargo build --release --target wasm32-unknown-unknown --lib "${std[@]}" "$@")
  rm -rf "$here/out/$name"
  wasm-bindgen --target nodejs --out-dir "$here/out/$name" \
    "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/speed_floor.wasm"
  wasm-opt "${wasm_opt[@]}" "$here/out/$name/speed_floor_bg.wasm" -o "$here/out/$name/speed_floor_bg.wasm"
  echo "out/$name: $(gzip -9 -c "$here/out/$name/speed_floor_bg.wasm" | wc -c) B gzip -9"
}
build z
build 3 --config 'profile.release.package.speed-floor.opt-level=3'
