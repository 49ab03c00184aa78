#!/usr/bin/env bash
# Measures Ankommen beside the peer page (bench/peer/: Leaflet + Leaflet.markercluster, the
# usual way to build this) and writes the figures to BENCHMARKS.md, with date, machine and
# versions. Not part of the test command. Takes about 20 minutes; run it on an idle machine.
#   scripts/bench.sh              bytes, load (100 / 10,000 / 100,000 entries, 1× and 4× CPU),
#                                 interaction, memory, Lighthouse, native core, budgets
#   scripts/bench.sh --profiles   also what each release-profile setting saves (6 builds, ~15 min)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
# Tools only the benchmark needs (Lighthouse, markercluster), from bench/package-lock.json.
# `npm install`, not `npm ci`: Lighthouse asks for third-party-web@latest, which a lock cannot pin.
if ! cmp -s bench/package-lock.json bench/node_modules/.package-lock.stamp 2>/dev/null; then
  echo "[bench] installing Lighthouse 12.8 and Leaflet.markercluster into bench/node_modules" >&2
  npm install --prefix bench --no-audit --no-fund --loglevel=error
  cp bench/package-lock.json bench/node_modules/.package-lock.stamp
fi
scripts/build.sh
# The benchmark servers send the headers the CLI recommends, as a deployment would.
cargo build --release --quiet -p ankommen-catalog
export ANKOMMEN_CLI=target/release/ankommen-catalog

# Seeded catalogues (crates/bench, documented in its lib.rs), with GeoJSON for the peer.
mkdir -p target/bench
SIZES=(100 10000 100000)
for n in "${SIZES[@]}"; do
  [ -s "target/bench/catalog-$n.geojson" ] ||
    "$ANKOMMEN_CLI" generate --entries "$n" --seed 1 -o "target/bench/catalog-$n.json" --geojson "target/bench/catalog-$n.geojson"
done

node bench/first-visit.mjs
node bench/load.mjs "${SIZES[@]}"
node bench/interaction.mjs 10000 100000
node bench/lighthouse.mjs
# Native core, on the 100,000-entry catalogue.
cargo bench --quiet -p ankommen-bench --bench catalog
node bench/native.mjs target/bench/catalog-100000.json
node bench/summary.mjs
if [ "${1:-}" = "--profiles" ]; then
  bench/profile-savings.sh
fi
