#!/usr/bin/env bash
# Leave-one-document-out evaluation of the sentence model: every document of every gold file
# is labelled by a model trained without it, then scored by the shared scorer.
# Usage: [SHARED=../shared] tools/lodo_eval.sh [train-model options]  (one summary line per gold file)
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${SHARED:-../shared}"
out=target/eval/lodo
mkdir -p "$out"
cargo build --release --quiet --bin train-model
./target/release/train-model --shared "$shared" --out target/eval/lodo-model.tsv --lodo "$out" "$@" 2>/dev/null
for g in "$shared"/samples/*.gold.jsonl; do
  n=$(basename "$g" .gold.jsonl)
  python3 "$shared/eval/score.py" --gold "$g" --pred "$out/$n.json" | tail -1
done
for g in tests/corpus/*.gold.jsonl; do
  n=$(basename "$g" .gold.jsonl)
  python3 "$shared/eval/score.py" --gold "$g" --pred "$out/$n.json" --root . | tail -1
done | python3 -c '
import re, sys
acc, f1 = [], []
for line in sys.stdin:
    print(line, end="")
    m = re.search(r"category acc ([0-9.]+) macroF1 ([0-9.]+)", line)
    if m:
        acc.append(float(m[1])); f1.append(float(m[2]))
if acc:
    print(f"corpus mean: category acc {sum(acc)/len(acc):.3f} macroF1 {sum(f1)/len(f1):.3f} ({len(acc)} files)")
'
