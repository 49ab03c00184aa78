#!/usr/bin/env bash
# Runs the property tests (tests/fuzz.rs in crates/core and crates/sheet, and the published
# set's decoders in crates/core/tests/published.rs) with many more cases than the test
# command's 256 per property. Usage: scripts/fuzz.sh [CASES] (default 20000).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
PROPTEST_CASES="${1:-20000}" cargo test --release -p ankommen-core -p ankommen-sheet --test fuzz
PROPTEST_CASES="${1:-20000}" cargo test --release -p ankommen-core --test published
