#!/usr/bin/env bash
# Measures Ankommen and writes the figures to BENCHMARKS.md (not part of the test command).
#   scripts/bench.sh              first-visit file sizes of the release build, native core speed
#   scripts/bench.sh --profiles   also what each release-profile setting saves (6 builds, ~15 min)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
scripts/build.sh
node bench/first-visit.mjs

# Native core: the same generated catalogue the benchmark harness uses.
mkdir -p target/bench
cargo run --release --quiet -p ankommen-catalog -- generate --entries 100000 --seed 1 -o target/bench/catalog-100000.json
cargo bench --quiet -p ankommen-bench --bench catalog
node bench/native.mjs target/bench/catalog-100000.json
if [ "${1:-}" = "--profiles" ]; then
  bench/profile-savings.sh
fi
