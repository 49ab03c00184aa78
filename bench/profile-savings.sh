#!/usr/bin/env bash
# Builds the app's wasm once per release-profile variant and writes what each size setting
# saves to BENCHMARKS.md. Each variant changes one setting of the tuned profile back to
# Cargo's default; "wasm-opt -Oz" compares the tuned build with and without the optimiser.
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/bench-profiles
mkdir -p "$out"
results="$out/results.tsv"
: >"$results"

build() { # name, then env assignments overriding the tuned profile
  local name=$1; shift
  echo "[bench] building variant: $name" >&2
  env "$@" cargo build --release --offline --quiet --target wasm32-unknown-unknown --target-dir "$out/target"
  rm -rf "$out/$name" && mkdir -p "$out/$name"
  wasm-bindgen --target web --no-typescript --out-dir "$out/$name" "$out/target/wasm32-unknown-unknown/release/ankommen.wasm"
  wasm-opt -Oz "$out/$name/ankommen_bg.wasm" -o "$out/$name/opt.wasm"
  printf '%s\t%s\t%s\n' "$name" "$out/$name/ankommen_bg.wasm" "$out/$name/opt.wasm" >>"$results"
}

build "tuned (z, lto, cgu 1, abort)"
build "opt-level 3 instead of z" CARGO_PROFILE_RELEASE_OPT_LEVEL=3
build "opt-level s instead of z" CARGO_PROFILE_RELEASE_OPT_LEVEL=s
build "no lto instead of lto" CARGO_PROFILE_RELEASE_LTO=false
build "codegen-units 16 instead of 1" CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16
build "panic unwind instead of abort" CARGO_PROFILE_RELEASE_PANIC=unwind
node bench/profile-savings.mjs "$results"
