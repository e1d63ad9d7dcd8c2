// Views of the analysis result (the contract) that several panels need.
import { CATEGORIES } from '../i18n.js';

/** Characters per category over `sentences`, all seven categories present. */
export function categoryMix(sentences) {
  const mix = Object.fromEntries(CATEGORIES.map((c) => [c, 0]));
  for (const s of sentences) mix[s.category] = (mix[s.category] ?? 0) + (s.end - s.start);
  return mix;
}

export function mixTotal(mix) {
  return Object.values(mix).reduce((a, b) => a + b, 0);
}

export function documentSentences(doc) {
  return doc.blocks.flatMap((b) => b.sentences);
}

/**
 * The outline of a document: one entry per heading, holding the sentences from the heading
 * to the next heading of the same or a higher level (so a section includes its subsections).
 */
export function sections(doc) {
  const blocks = doc.blocks;
  const result = [];
  blocks.forEach((block, i) => {
    if (block.kind !== 'heading') return;
    let j = i + 1;
    while (j < blocks.length && !(blocks[j].kind === 'heading' && blocks[j].level <= block.level)) j++;
    const inside = blocks.slice(i, j).filter((b) => b.kind !== 'noise' && b.kind !== 'signoff');
    result.push({ block, level: block.level, mix: categoryMix(inside.flatMap((b) => b.sentences)) });
  });
  return result;
}

export function documentName(doc, index, untitled) {
  return doc.title ?? `${index + 1}. ${untitled}`;
}

/** Figures, dates, people and organisations of every document as table rows. */
export function entityRows(analysis) {
  const rows = [];
  analysis.documents.forEach((doc, d) => {
    for (const f of doc.figures) rows.push({ type: 'figure', doc: d, text: f.text, start: f.start, end: f.end, value: f.value, valueMax: f.value_max ?? null, unit: f.unit, approx: f.approx === 'about' });
    for (const e of doc.dates ?? []) rows.push({ type: 'date', doc: d, text: e.text, start: e.start, end: e.end, detail: e.detail });
    for (const e of doc.people ?? []) rows.push({ type: 'person', doc: d, text: e.text, start: e.start, end: e.end, detail: e.detail });
    for (const e of doc.organizations ?? []) rows.push({ type: 'org', doc: d, text: e.text, start: e.start, end: e.end, detail: e.detail });
  });
  return rows.sort((a, b) => a.start - b.start);
}

/** Keywords of a scope: 'all', 'doc:N' or 'cat:ID'. */
export function scopedKeywords(analysis, scope) {
  if (scope.startsWith('doc:')) return analysis.documents[Number(scope.slice(4))]?.keywords ?? [];
  if (scope.startsWith('cat:')) return analysis.category_keywords?.[scope.slice(4)] ?? [];
  return analysis.keywords;
}

export function documentStarts(analysis) {
  return analysis.documents.map((d) => d.start);
}
