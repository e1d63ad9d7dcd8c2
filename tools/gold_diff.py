#!/usr/bin/env python3
"""Where a prediction disagrees with gold labels, line by line (error analysis).

    tools/gold_diff.py structure GOLD.jsonl PRED.json [--root DIR]   block kind/level/document
    tools/gold_diff.py categories GOLD.jsonl PRED.json [--root DIR]  sentence functions

--root is the folder the gold's source path is relative to (default ../shared)."""
import json
import sys
from collections import Counter


class Pair:
    """A gold file, its source text and a prediction, with UTF-16 → code point offsets."""

    def __init__(self, gold_path, pred_path, root):
        self.recs = [json.loads(l) for l in open(gold_path, encoding='utf-8') if l.strip()]
        self.text = open(f"{root}/{self.recs[0]['source']}", encoding='utf-8').read()
        self.u16 = []
        for i, ch in enumerate(self.text):
            self.u16.append(i)
            if ord(ch) > 0xFFFF:
                self.u16.append(i)
        self.u16.append(len(self.text))
        self.pred = json.load(open(pred_path, encoding='utf-8'))
        self.lines = self.text.split('\n')
        self.starts, pos = [], 0
        for l in self.lines:
            self.starts.append(pos)
            pos += len(l) + 1

    def line_records(self):
        """(record, raw line, code point where its stripped text starts)."""
        for r in self.recs[1:]:
            if r['type'] == 'line':
                raw = self.lines[r['line'] - 1]
                yield r, raw, self.starts[r['line'] - 1] + (len(raw) - len(raw.lstrip()))


def structure(p):
    at = {}
    for di, d in enumerate(p.pred['documents']):
        for b in d['blocks']:
            at[p.u16[b['start']]] = (di, b['kind'], b['level'], b.get('rule', ''))
    doc_map = {}
    for r, raw, start in p.line_records():
        got = at.get(start)
        if got is None:
            print(f"{r['line']:4} no block starts here: {raw.strip()[:50]}")
            continue
        di, kind, level, rule = got
        doc_map.setdefault(r['doc'], di)
        if kind != r['kind'] or level != r['level'] or doc_map[r['doc']] != di:
            print(f"{r['line']:4} gold {r['kind']}/{r['level']} d{r['doc']} "
                  f"pred {kind}/{level} d{di} [{rule}] {raw.strip()[:50]}")


def categories(p):
    cat_at = [None] * len(p.text)
    for d in p.pred['documents']:
        for b in d['blocks']:
            for s in b['sentences']:
                for i in range(p.u16[s['start']], p.u16[s['end']]):
                    cat_at[i] = s['category']
    confusions = Counter()
    for r, _, pos in p.line_records():
        for s in r['sentences']:
            t = s['text']
            got = Counter(cat_at[pos:pos + len(t)]).most_common(1)[0][0] if t else None
            if got != s['category']:
                confusions[(s['category'], got)] += len(t)
                print(f"{r['line']:4} {s['category'][:5]:5} <- {str(got)[:5]:5} {t[:60]}")
            pos += len(t)
    print('\nchars gold<-pred:', ', '.join(f'{g}<-{q}:{n}' for (g, q), n in confusions.most_common(15)))


def main(argv):
    if len(argv) < 3 or argv[0] not in ('structure', 'categories'):
        print(__doc__)
        return 2
    root = argv[argv.index('--root') + 1] if '--root' in argv else '../shared'
    pair = Pair(argv[1], argv[2], root)
    {'structure': structure, 'categories': categories}[argv[0]](pair)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
