#!/usr/bin/env bash
# Installs what Ankommen's build and tests need, only where it is missing or at the wrong
# version: idempotent, and a few seconds when everything is in place. Sourced by the other
# scripts, so it also sets PATH (npm's wasm-opt first: Debian's binaryen 108 breaks the app).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

TRUNK_VERSION=0.21.14
say() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }

export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32 target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing Trunk $TRUNK_VERSION (cold: 11-14 min)"
  # --force: cargo may still list a binary that was deleted since, and then skip the install.
  cargo install "trunk@$TRUNK_VERSION" --locked --force
fi

# wasm-bindgen-cli must match the wasm-bindgen crate that Cargo.lock pins, to the patch.
bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $bindgen_version" ]; then
  say "installing wasm-bindgen-cli $bindgen_version (cold: ~6 min)"
  # Not --locked: one of its locked dependencies is missing from the registry.
  cargo install wasm-bindgen-cli --version "=$bindgen_version" --force
fi
if ! grep -q "wasm_bindgen = \"$bindgen_version\"" Trunk.toml; then
  say "Trunk.toml pins a different wasm_bindgen than Cargo.lock ($bindgen_version)"
  exit 1
fi

if ! command -v chromium >/dev/null; then
  say "installing Debian's chromium"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

# npm packages from the committed lock file; re-run only when the lock file changed.
if ! cmp -s package-lock.json node_modules/.package-lock.stamp 2>/dev/null; then
  say "installing npm packages (Leaflet, wasm-opt, test tools)"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.package-lock.stamp
fi

# Crates are fetched once here, so builds can run with --offline.
cargo fetch --locked --quiet
