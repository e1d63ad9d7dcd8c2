#!/usr/bin/env python3
"""Lists sentence-level disagreements between a prediction and gold (for error analysis).
Usage: tools/confusions.py GOLD.jsonl PRED.json [--root DIR]"""
import json, sys
from collections import Counter

def main():
    gold_path, pred_path = sys.argv[1], sys.argv[2]
    root = sys.argv[sys.argv.index('--root') + 1] if '--root' in sys.argv else '../shared'
    recs = [json.loads(l) for l in open(gold_path, encoding='utf-8') if l.strip()]
    text = open(f"{root}/{recs[0]['source']}", encoding='utf-8').read()
    # UTF-16 offset -> code point index
    u16 = []
    for i, ch in enumerate(text):
        u16.append(i)
        if ord(ch) > 0xFFFF:
            u16.append(i)
    u16.append(len(text))
    pred = json.load(open(pred_path, encoding='utf-8'))
    cat_at = [None] * len(text)
    for d in pred['documents']:
        for b in d['blocks']:
            for s in b['sentences']:
                for i in range(u16[s['start']], u16[s['end']]):
                    cat_at[i] = s['category']
    lines = text.split('\n')
    starts, pos = [], 0
    for l in lines:
        starts.append(pos)
        pos += len(l) + 1
    conf = Counter()
    for r in recs[1:]:
        if r['type'] != 'line':
            continue
        raw = lines[r['line'] - 1]
        p = starts[r['line'] - 1] + (len(raw) - len(raw.lstrip()))
        for s in r['sentences']:
            t = s['text']
            got = Counter(cat_at[p:p + len(t)]).most_common(1)[0][0] if t else None
            if got != s['category']:
                conf[(s['category'], got)] += len(t)
                print(f"{r['line']:4} {s['category'][:5]:5} <- {str(got)[:5]:5} {t[:60]}")
            p += len(t)
    print('\nchars gold<-pred:', ', '.join(f'{g}<-{p}:{n}' for (g, p), n in conf.most_common(15)))

main()
