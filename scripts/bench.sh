#!/usr/bin/env bash
# Measures Ankommen beside the peer page (bench/peer/: Leaflet + Leaflet.markercluster, the
# usual way to build this) and writes the figures to BENCHMARKS.md, with date, machine and
# versions. Not part of the test command. Takes about 25 minutes; run it on an idle machine.
#   scripts/bench.sh              bytes, load (100 / 10,000 / 100,000 entries on their published sets,
#                                 on the JSON catalogues and the peer, 1× and 4× CPU, traced once),
#                                 interaction, memory, the nationwide set, Lighthouse, native core, budgets
#   scripts/bench.sh --profiles   also what each release-profile setting saves (6 builds, ~15 min)
# Each part alone, on a build already made (ANKOMMEN_DIST, default dist; the stage generates and
# publishes what is missing or stale into target/bench; BENCHMARKS_FILE=FILE writes there instead):
#   node bench/stage.mjs 100 10000 100000 national     catalogues and published sets only
#   node bench/first-visit.mjs · node bench/load.mjs 100 10000 100000 · node bench/interaction.mjs 10000 100000
#   node bench/national.mjs · node bench/lighthouse.mjs · node bench/native.mjs · node bench/summary.mjs
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
# The build just made (the bench scripts alone default to it too).
export ANKOMMEN_DIST=dist

# Seeded catalogues (crates/bench, documented in its lib.rs) with GeoJSON for the peer, the
# nationwide one, and their published sets (bench/stage.mjs): generated when missing, published
# again when the catalogue or the CLI is newer than the set's manifest.
mkdir -p target/bench
SIZES=(100 10000 100000)
node bench/stage.mjs "${SIZES[@]}" national

node bench/first-visit.mjs
node bench/load.mjs "${SIZES[@]}"
node bench/interaction.mjs 10000 100000
node bench/national.mjs
node bench/lighthouse.mjs
# Native core; results older than the stamp are of benchmarks that no longer exist.
touch target/bench/native.stamp
cargo bench --quiet -p ankommen-bench --bench catalog
node bench/native.mjs target/bench/catalog-100000.json
node bench/summary.mjs
if [ "${1:-}" = "--profiles" ]; then
  bench/profile-savings.sh
fi
