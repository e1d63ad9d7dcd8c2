// Exports: the contract JSON, CSV tables (UTF-8 with BOM so Excel reads the Chinese right),
// chart PNGs and a short Markdown summary for an email.
import { CATEGORIES, t, label } from '../i18n.js';
import { categoryMix, documentSentences, documentName, entityRows, mixTotal } from './model.js';
import { download, percent } from './dom.js';
import { chartImage } from './charts.js';

const BOM = '\uFEFF';

function csvCell(value) {
  const s = value === null || value === undefined ? '' : String(value);
  // Quote always; a leading = + - @ would be run as a formula by spreadsheets.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return `"${safe.replace(/"/g, '""')}"`;
}

function csv(header, rows) {
  return BOM + [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function sentencesCsv(text, analysis) {
  const rows = [];
  analysis.documents.forEach((doc, d) => {
    for (const block of doc.blocks) {
      for (const s of block.sentences) {
        rows.push([d + 1, doc.title ?? '', block.kind, block.level, s.start, s.end, s.category, s.confidence.toFixed(3),
          (s.cues ?? []).map((c) => c.feature).join(' '), text.slice(s.start, s.end)]);
      }
    }
  });
  return csv(['document', 'title', 'block_kind', 'level', 'start', 'end', 'category', 'confidence', 'cues', 'sentence'], rows);
}

export function keywordsCsv(analysis) {
  const rows = [];
  const add = (scope, list) => list.forEach((k, i) => rows.push([scope, i + 1, k.term, k.count, k.weight, k.tfidf ?? '', k.textrank ?? '']));
  add('all', analysis.keywords);
  analysis.documents.forEach((doc, d) => add(`document ${d + 1}`, doc.keywords));
  for (const [cat, list] of Object.entries(analysis.category_keywords ?? {})) add(`category ${cat}`, list);
  return csv(['scope', 'rank', 'term', 'count', 'weight', 'tfidf', 'textrank'], rows);
}

export function figuresCsv(analysis) {
  return csv(['document', 'type', 'text', 'value', 'value_max', 'unit', 'approx', 'detail', 'start', 'end'],
    entityRows(analysis).map((r) => [r.doc + 1, r.type, r.text, r.value ?? '', r.valueMax ?? '', r.unit ?? '', r.approx ? 'about' : '', r.detail ?? '', r.start, r.end]));
}

export function markdownSummary(analysis) {
  const lines = [`# ${t('md.title')}`, '', t('md.documents', { n: analysis.documents.length, chars: analysis.stats.chars.toLocaleString() }), ''];
  const totals = analysis.category_totals;
  const sum = mixTotal(totals) || 1;
  lines.push(`**${t('md.mix')}**: ${CATEGORIES.filter((c) => totals[c] > 0).map((c) => `${label('category', c)} ${percent(totals[c] / sum)}`).join(' · ')}`, '');
  lines.push(`**${t('md.keywords')}**: ${analysis.keywords.slice(0, 10).map((k) => k.term).join('、')}`, '');
  analysis.documents.forEach((doc, i) => {
    if (doc.title === null && !doc.figures.length) return;
    const mix = categoryMix(documentSentences(doc));
    const docSum = mixTotal(mix) || 1;
    lines.push(`## ${documentName(doc, i, t('overview.untitled'))}`, '');
    lines.push(`- ${t('overview.genre')}: ${label('genre', doc.genre)}; ${t('overview.topics')}: ${doc.topics.slice(0, 2).map((x) => label('topic', x.label)).join('、')}`);
    lines.push(`- ${t('md.mix')}: ${CATEGORIES.filter((c) => mix[c] > 0).map((c) => `${label('category', c)} ${percent(mix[c] / docSum)}`).join(' · ')}`);
    if (doc.keywords.length) lines.push(`- ${t('md.keywords')}: ${doc.keywords.slice(0, 8).map((k) => k.term).join('、')}`);
    if (doc.figures.length) lines.push(`- ${t('md.figures')}: ${doc.figures.slice(0, 8).map((f) => f.text).join('，')}`);
    lines.push('');
  });
  return lines.join('\n');
}

function stamp() {
  return new Date().toISOString().slice(0, 16).replace(/[-:T]/g, '');
}

export function exportJson(analysis) {
  download(`report-analysis-${stamp()}.json`, JSON.stringify(analysis, null, 2), 'application/json');
}
export function exportSentences(text, analysis) {
  download(`report-sentences-${stamp()}.csv`, sentencesCsv(text, analysis), 'text/csv;charset=utf-8');
}
export function exportKeywords(analysis) {
  download(`report-keywords-${stamp()}.csv`, keywordsCsv(analysis), 'text/csv;charset=utf-8');
}
export function exportFigures(analysis) {
  download(`report-figures-${stamp()}.csv`, figuresCsv(analysis), 'text/csv;charset=utf-8');
}
export function exportPng(chart, name) {
  download(`${name}-${stamp()}.png`, dataUrlToBlob(chartImage(chart)));
}

/** Decoded here rather than with fetch(): the page's CSP allows no data: connections. */
function dataUrlToBlob(url) {
  const [head, body] = url.split(',');
  const bytes = Uint8Array.from(atob(body), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type: head.slice(5).split(';')[0] });
}
export function downloadMarkdown(analysis) {
  download(`report-summary-${stamp()}.md`, markdownSummary(analysis), 'text/markdown;charset=utf-8');
}
/** Copies the summary; falls back to a download where the clipboard is not available. */
export async function copyMarkdown(analysis) {
  try {
    await navigator.clipboard.writeText(markdownSummary(analysis));
    return true;
  } catch {
    downloadMarkdown(analysis);
    return false;
  }
}
