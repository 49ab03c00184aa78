#!/usr/bin/env bash
# Builds the release bundle into dist/: the app, and the operator preview as its own bundle
# under dist/preview/ (built second, because Trunk empties its dist folder first).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
trunk build --release=true index.html
trunk build --release=true --dist dist/preview preview.html
