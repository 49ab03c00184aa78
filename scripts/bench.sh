#!/usr/bin/env bash
# Measures Ankommen and writes the figures to BENCHMARKS.md (not part of the test command).
#   scripts/bench.sh              first-visit file sizes of the release build
#   scripts/bench.sh --profiles   also what each release-profile setting saves (6 builds, ~15 min)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
trunk build --release
node bench/first-visit.mjs
if [ "${1:-}" = "--profiles" ]; then
  bench/profile-savings.sh
fi
