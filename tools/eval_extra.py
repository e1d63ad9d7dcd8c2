#!/usr/bin/env python3
"""Figure precision and recall per gold file (standard library only).

    python3 tools/eval_extra.py --shared ../shared --pred target/eval [--corpus tests/corpus] [-v]

Scores the shared samples (SHARED/samples/NAME.gold.jsonl against PRED/NAME.json) and every
tests/corpus gold file whose pred exists (tests/corpus/NAME.gold.jsonl against PRED/NAME.json).
Loading, document matching and the figure test come from the shared scorer, so recall here
equals its figure recall:
- recall: share of gold figures found in some predicted figure text of the matched document,
  averaged over matched documents with gold figures (as score.py does);
- precision: share of predicted figures of matched documents that contain a gold figure of
  their document (same containment test), pooled over the file's matched documents;
- in-doc precision: the same, counting only predicted figures that lie on the gold
  document's own lines (a predicted document that runs into the next one otherwise charges
  that document's figures to this one: a structure error, not a figure error).
-v lists the figures missed and the predicted figures that match nothing.
Always exits 0: it reports, it does not gate.
"""
import argparse
import importlib.util
import json
import sys
from pathlib import Path


def load_scorer(shared):
    path = Path(shared) / 'eval' / 'score.py'
    spec = importlib.util.spec_from_file_location('shared_score', path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def matched_documents(scorer, gold, pred):
    """(gold doc, pred doc) pairs, matched as score.py matches them: 1:1, in order."""
    src = gold['src']
    pdocs = pred.get('documents') or []
    pstarts = [scorer.pred_doc_start(d, src) for d in pdocs]
    used, pairs = set(), []
    for gd in gold['docs']:
        raw = gd['_title_raw']
        if raw is None:
            continue
        for pi, ps in enumerate(pstarts):
            if pi not in used and ps is not None and raw[0] <= ps < raw[1]:
                used.add(pi)
                pairs.append((gd, pdocs[pi]))
                break
    return pairs


def score_file(scorer, gold_path, pred_path, root):
    gold = scorer.load_gold(gold_path, root)
    with open(pred_path, encoding='utf-8') as f:
        pred = json.load(f)
    recalls, predicted, correct, inside, inside_correct = [], 0, 0, 0, 0
    src = gold['src']
    lines_of = {}
    for r in gold['lines']:
        lines_of.setdefault(r.get('doc'), []).append(r['_raw'])
    missed, spurious = [], []
    for gd, pd in matched_documents(scorer, gold, pred):
        gold_figs = gd.get('figures') or []
        figs = [f for f in pd.get('figures') or [] if isinstance(f, dict)]
        texts = [f.get('text', '') for f in figs]
        norm_texts = [scorer.norm_term(t) for t in texts]
        spans = lines_of.get(gd['doc'], [])
        on_doc_lines = [any(a <= src.cp(f.get('start', -1)) < b for a, b in spans)
                        if isinstance(f.get('start'), int) else False for f in figs]
        if gold_figs:
            found = [g for g in gold_figs if scorer.figure_found(g, norm_texts)]
            recalls.append(len(found) / len(gold_figs))
            missed += [(gd['doc'], g) for g in gold_figs if g not in found]
        for text, norm, on_lines in zip(texts, norm_texts, on_doc_lines):
            hit = any(scorer.figure_found(g, [norm]) for g in gold_figs)
            predicted += 1
            correct += hit
            inside += on_lines
            inside_correct += hit and on_lines
            if not hit:
                spurious.append((gd['doc'], text + ('' if on_lines else '  (outside the gold document)')))
    recall = sum(recalls) / len(recalls) if recalls else None
    precision = correct / predicted if predicted else None
    in_doc = inside_correct / inside if inside else None
    return {'precision': precision, 'in_doc_precision': in_doc, 'recall': recall, 'predicted': predicted,
            'correct': correct, 'missed': missed, 'spurious': spurious}


def fmt(x):
    return '  -  ' if x is None else f'{x:.3f}'


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--shared', required=True, help='the shared folder (samples/, eval/score.py)')
    ap.add_argument('--pred', required=True, help='folder of analyzer JSON outputs')
    ap.add_argument('--corpus', default='tests/corpus', help='project gold files (sources relative to .)')
    ap.add_argument('-v', '--verbose', action='store_true', help='list missed and spurious figures')
    a = ap.parse_args(argv)
    try:
        scorer = load_scorer(a.shared)
    except (OSError, SyntaxError, AttributeError) as e:
        print(f'eval_extra: cannot load the shared scorer: {e}')
        return 0
    jobs = [(g, Path(a.pred) / (g.name[:-len('.gold.jsonl')] + '.json'), Path(a.shared))
            for g in sorted((Path(a.shared) / 'samples').glob('*.gold.jsonl'))]
    jobs += [(g, Path(a.pred) / (g.name[:-len('.gold.jsonl')] + '.json'), Path('.'))
             for g in sorted(Path(a.corpus).glob('*.gold.jsonl'))]
    print(f'{"figures":44} {"prec":>6} {"in-doc":>6} {"recall":>6} {"pred":>5}')
    for gold_path, pred_path, root in jobs:
        if not pred_path.is_file():
            continue
        try:
            r = score_file(scorer, gold_path, pred_path, root)
        except (scorer.GoldError, OSError, ValueError, KeyError) as e:
            print(f'{gold_path.name:44} skipped: {e}')
            continue
        print(f'{gold_path.name:44} {fmt(r["precision"]):>6} {fmt(r["in_doc_precision"]):>6} '
              f'{fmt(r["recall"]):>6} {r["predicted"]:>5}')
        if a.verbose:
            for doc, g in r['missed']:
                print(f'    missed   doc {doc}: {g}')
            for doc, t in r['spurious']:
                print(f'    spurious doc {doc}: {t}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
