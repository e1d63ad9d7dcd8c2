#!/usr/bin/env bash
# libFuzzer on `analyze` and on the .docx reader, FUZZ_SECONDS each (default 60).
# Usage: tools/fuzz.sh [TARGET...]   (targets: analyze docx; default both)
# Env:   FUZZ_SECONDS  seconds per target
#        FUZZ_JOBS     parallel fuzzing processes per target (default 1)
#        FUZZ_SANITIZER address (default) | none
# A crash stops the run with libFuzzer's report; the input is saved in fuzz/artifacts/TARGET/
# and replays with: cargo +nightly fuzz run TARGET fuzz/artifacts/TARGET/crash-…
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${FUZZ_SECONDS:-60}"
jobs="${FUZZ_JOBS:-1}"
sanitizer="${FUZZ_SANITIZER:-address}"
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(analyze docx)

say() { printf '[fuzz] %s\n' "$*" >&2; }

if ! cargo fuzz --version >/dev/null 2>&1; then
  say "installing cargo-fuzz (a few minutes, once)"
  cargo install --quiet cargo-fuzz >&2 || cargo install --quiet cargo-fuzz --locked >&2
fi

# cargo-fuzz passes -Zsanitizer and other unstable flags: a nightly toolchain if there is
# one, else the stable compiler with its unstable features unlocked.
if command -v rustup >/dev/null 2>&1 && rustup toolchain list | grep -q '^nightly'; then
  fuzz=(cargo +nightly fuzz)
else
  say "no nightly toolchain: using stable with RUSTC_BOOTSTRAP=1"
  export RUSTC_BOOTSTRAP=1
  fuzz=(cargo fuzz)
fi

python3 fuzz/make-seeds.py

# Inputs up to 64 KB for analyze (several report pages); .docx seeds are a few KB.
# More than one job: libFuzzer forks workers that log to fuzz-N.log in the current directory.
parallel=()
[ "$jobs" -le 1 ] || parallel=(-jobs="$jobs" -workers="$jobs")

declare -A max_len=([analyze]=65536 [docx]=32768)

for target in "${targets[@]}"; do
  say "$target: ${seconds}s, sanitizer ${sanitizer}"
  mkdir -p "fuzz/corpus/$target"
  "${fuzz[@]}" run --sanitizer "$sanitizer" "$target" "fuzz/corpus/$target" -- \
    -max_total_time="$seconds" \
    -max_len="${max_len[$target]:-65536}" \
    -timeout=10 \
    -rss_limit_mb=2048 \
    -print_final_stats=1 \
    "${parallel[@]}"
done
say "no crash in ${targets[*]}"
