#!/usr/bin/env bash
# Runs the cargo-fuzz targets in fuzz/ for SECONDS each (all of them, or the ones named).
#   scripts/fuzz.sh SECONDS [TARGET...]
# Each run starts from fuzz/corpus/<target> (kept between runs, not committed) plus the committed
# seeds in fuzz/seeds/<target>. A crash, panic or timeout is saved under fuzz/artifacts/<target>/
# and fails the run after every target has had its turn; turn each one into a regression test
# (tests/robustness.rs).
# The library has no unsafe code, so the targets are built without a sanitizer (a quarter of
# AddressSanitizer's build time, and faster runs); FUZZ_SANITIZER=address builds with ASan.
# FUZZ_SEED fixes libFuzzer's random seed (`make test` does, so that a run explores the same
# inputs each time instead of failing an unrelated change with a new finding; `make fuzz` does not).
set -euo pipefail

cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
# cargo-fuzz passes nightly-only flags (-Zsanitizer, -Cpasses=sancov); the stable toolchain
# accepts them with this switch.
export RUSTC_BOOTSTRAP=1

seconds="${1:?usage: scripts/fuzz.sh SECONDS [TARGET...]}"
shift
sanitizer="${FUZZ_SANITIZER:-none}"
seed=()
if [ -n "${FUZZ_SEED:-}" ]; then seed=(-seed="$FUZZ_SEED"); fi
if [ $# -gt 0 ]; then
  targets=("$@")
else
  mapfile -t targets < <(cargo fuzz list)
fi

cargo fuzz build -s "$sanitizer"
failed=()
for target in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$target" "fuzz/artifacts/$target"
  log="fuzz/artifacts/$target.log"
  # -timeout: an input that takes longer is a finding (every entry point must answer quickly).
  if cargo fuzz run -s "$sanitizer" "$target" "fuzz/corpus/$target" "fuzz/seeds/$target" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 "${seed[@]}" >"$log" 2>&1; then
    echo "fuzz: $target: $(grep -E '^Done' "$log" || echo done)"
  else
    failed+=("$target")
    echo "fuzz: $target FAILED (full output in $log):" >&2
    grep -E -A6 'panicked at|ERROR: libFuzzer' "$log" | grep -v '^ *[0-9]*: \|^ *at ' | head -n 30 >&2 || true
    grep -E 'Test unit written to' "$log" >&2 || true
  fi
done

passed=$((${#targets[@]} - ${#failed[@]}))
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: findings in ${failed[*]} are saved in fuzz/artifacts/<target>/; replay one with" >&2
  echo "  RUSTC_BOOTSTRAP=1 cargo fuzz run -s $sanitizer <target> fuzz/artifacts/<target>/<file>" >&2
  echo "and add it to tests/robustness.rs as a regression test once fixed." >&2
fi
echo "fuzz: $passed passed, ${#failed[@]} failed"
[ ${#failed[@]} -eq 0 ]
