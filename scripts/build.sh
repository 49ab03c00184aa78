#!/usr/bin/env bash
# Builds the release bundle into dist/: the app (with its worker for JSON sources), then the
# operator preview (dist/preview/) and the widget configurator (dist/configure/) as their own
# bundles (built after the app, because Trunk empties its dist folder first), then the bundled
# example catalogue published into dist/data/ (docs/published.md) with the pages around the app
# (the first screen in index.html, a page per entry under dist/e/, sitemap.xml, robots.txt; their
# absolute links use ANKOMMEN_SITE_URL, the deployment's public address), then wasm-bindgen's
# JavaScript minified (scripts/minify-glue.mjs), then the service worker with the precache
# list of what was just built.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
trunk build --release=true index.html
trunk build --release=true --dist dist/preview preview.html
trunk build --release=true --dist dist/configure configure.html
cargo run --offline --quiet -p ankommen-catalog -- publish assets/catalog.json -o dist/data \
  --site dist --site-url "${ANKOMMEN_SITE_URL:-http://127.0.0.1:8080/}"
node scripts/minify-glue.mjs dist dist/preview dist/configure
node sw/build.mjs dist
