#!/usr/bin/env bash
# Instructions per call of each candidate of bench.mjs, under callgrind (deterministic, unlike
# timings on a shared machine): two runs of a candidate that differ by ROUNDS rounds over the
# payloads, their difference divided by the calls. Node, V8's compilers and GC included.
#   ./count.sh [suite-index candidate-name ...]   (default: the candidates of docs/performance.md)
set -euo pipefail
cd "$(dirname "$0")"
ROUNDS=${ROUNDS:-2000}
out=$(mktemp -d)
count() { # suite candidate rounds -> instructions of the whole run
  valgrind --tool=callgrind --callgrind-out-file="$out/cg.%p" \
    node --single-threaded --random-seed=1 --hash-seed=1 bench.mjs --calls "$1" "$2" "$3" 2>&1 |
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
if [ $# -eq 0 ]; then
  set -- 0 'JSON.parse' 0 'JSON.parse + ajv' 0 'library today (validateIntegrationJson)' \
    0 'floor: boundary only (opt z)' 0 'floor: + read + ajv checks (opt z)' \
    0 'floor: + read + ajv checks (opt 3)' \
    1 'floor: + read + ajv checks (opt z)' 1 'floor: + recommendation (opt z)' \
    1 'floor: + recommendation (opt 3)' \
    2 'JSON.parse + ajv' 2 'library today (validateXrayJiraIntegrationJson)' \
    2 'floor: boundary only (opt z)' 2 'floor: + read + ajv checks (opt z)' \
    2 'floor: + read + ajv checks (opt 3)'
fi
declare -A payloads=([0]=11 [1]=5 [2]=2)
while [ $# -ge 2 ]; do
  base=$(count "$1" "$2" 0)
  more=$(count "$1" "$2" "$ROUNDS")
  echo "suite $1  $2: $(( (more - base) / (ROUNDS * ${payloads[$1]}) )) instructions a call"
  shift 2
done
rm -rf "$out"
