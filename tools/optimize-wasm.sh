#!/usr/bin/env bash
# Shrinks the wasm with binaryen's wasm-opt from npm (current; Debian's old wasm-opt emits a
# module that throws at start-up). Skipped, with a note, when the npm package is absent.
set -euo pipefail
wasm="$1"
opt="$(dirname "$0")/../node_modules/.bin/wasm-opt"
if [ ! -x "$opt" ]; then
  echo "[optimize-wasm] node_modules/.bin/wasm-opt not found (run npm ci): leaving $wasm unoptimised" >&2
  exit 0
fi
before=$(stat -c %s "$wasm")
"$opt" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$wasm" -o "$wasm.opt"
mv "$wasm.opt" "$wasm"
echo "[optimize-wasm] $wasm: $before -> $(stat -c %s "$wasm") bytes" >&2
