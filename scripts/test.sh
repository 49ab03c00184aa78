#!/usr/bin/env bash
# Runs every test: formatting, lints, native tests, a release build with the network cut off
# (it must not download anything), and the browser end-to-end tests.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all --check

step "cargo clippy (native and wasm32) -D warnings"
cargo clippy --workspace --all-targets --offline -- -D warnings
cargo clippy --target wasm32-unknown-unknown --offline -- -D warnings

step "native tests"
cargo test --workspace --offline
node --test sw/   # the service worker's tile-cache rule

step "release build without network"
# A new network namespace has no interfaces: any download attempt by Trunk or cargo fails.
unshare --net scripts/build.sh
cargo build --offline --quiet -p ankommen-catalog   # the e2e tests drive the CLI too

step "browser end-to-end tests"
node --test --test-concurrency=1 tests/e2e/
