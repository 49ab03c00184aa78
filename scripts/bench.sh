#!/usr/bin/env bash
# Measures Ankommen and writes the figures to BENCHMARKS.md (not part of the test command).
#   scripts/bench.sh              first-visit file sizes of the release build, interaction latency
#                                 at 10,000 entries in Chromium, native core speed
#   scripts/bench.sh --profiles   also what each release-profile setting saves (6 builds, ~15 min)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
scripts/build.sh
# The benchmark server sends the headers the CLI recommends, as a deployment would.
cargo build --release --quiet -p ankommen-catalog
export ANKOMMEN_CLI=target/release/ankommen-catalog
node bench/first-visit.mjs

# Generated catalogues: the seeded generator of crates/bench, through the CLI.
mkdir -p target/bench
for n in 10000 100000; do
  cargo run --release --quiet -p ankommen-catalog -- generate --entries "$n" --seed 1 -o "target/bench/catalog-$n.json"
done
# In the browser: keystroke and filter change to the updated list and map.
node bench/interaction.mjs target/bench/catalog-10000.json

# Native core, on the 100,000-entry catalogue.
cargo bench --quiet -p ankommen-bench --bench catalog
node bench/native.mjs target/bench/catalog-100000.json
if [ "${1:-}" = "--profiles" ]; then
  bench/profile-savings.sh
fi
