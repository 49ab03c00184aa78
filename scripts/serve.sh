#!/usr/bin/env bash
# Builds Ankommen (release) and serves it on http://127.0.0.1:8080/ with the bundled example
# catalogue (the operator preview is at /preview/, the widget configurator at /configure/),
# with the recommended security headers. Usage: scripts/serve.sh [PORT]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
scripts/build.sh
# The server sends the headers `ankommen-catalog headers` recommends for dist/config.json.
cargo build --quiet -p ankommen-catalog
exec node tests/e2e/server.mjs dist "${1:-8080}"
