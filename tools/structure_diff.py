#!/usr/bin/env python3
"""Lines whose predicted block kind/level or document differs from gold (error analysis).
Usage: tools/structure_diff.py GOLD.jsonl PRED.json [--root DIR]"""
import json, sys

gold_path, pred_path = sys.argv[1], sys.argv[2]
root = sys.argv[sys.argv.index('--root') + 1] if '--root' in sys.argv else '../shared'
recs = [json.loads(l) for l in open(gold_path, encoding='utf-8') if l.strip()]
text = open(f"{root}/{recs[0]['source']}", encoding='utf-8').read()
u16 = []
for i, ch in enumerate(text):
    u16.append(i)
    if ord(ch) > 0xFFFF:
        u16.append(i)
u16.append(len(text))
pred = json.load(open(pred_path, encoding='utf-8'))
at = {}
for di, d in enumerate(pred['documents']):
    for b in d['blocks']:
        at[u16[b['start']]] = (di, b['kind'], b['level'], b.get('rule', ''))
lines = text.split('\n')
pos = 0
starts = []
for l in lines:
    starts.append(pos)
    pos += len(l) + 1
doc_map = {}
for r in recs[1:]:
    if r['type'] != 'line':
        continue
    raw = lines[r['line'] - 1]
    p = starts[r['line'] - 1] + (len(raw) - len(raw.lstrip()))
    got = at.get(p)
    if got is None:
        print(f"{r['line']:4} no block starts here: {raw.strip()[:50]}")
        continue
    di, kind, level, rule = got
    doc_map.setdefault(r['doc'], di)
    bad_doc = doc_map[r['doc']] != di
    if kind != r['kind'] or level != r['level'] or bad_doc:
        print(f"{r['line']:4} gold {r['kind']}/{r['level']} d{r['doc']} pred {kind}/{level} d{di} [{rule}] {raw.strip()[:50]}")
