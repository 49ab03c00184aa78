#!/usr/bin/env bash
# Builds Ankommen (release) and serves it on http://127.0.0.1:8080/ with the bundled example
# catalogue (the operator preview is at /preview/). Usage: scripts/serve.sh [PORT]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
scripts/build.sh
exec node tests/e2e/server.mjs dist "${1:-8080}"
