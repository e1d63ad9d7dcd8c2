// Figures and entities table with filters; a row leads to its place in the text.
import { h, clear, formatNumber } from './dom.js';
import { t } from '../i18n.js';
import { entityRows, documentName } from './model.js';

export class FigureTable {
  /** els: {type, doc, search, body, count}; onRow(row) */
  constructor(els, onRow) {
    this.els = els;
    this.onRow = onRow;
    for (const control of [els.type, els.doc]) control.addEventListener('change', () => this.draw());
    els.search.addEventListener('input', () => this.draw());
  }

  setAnalysis(analysis) {
    this.analysis = analysis;
    this.rows = entityRows(analysis);
    const previous = this.els.doc.value;
    clear(this.els.doc, h('option', { value: 'all' }, t('fig.doc.all')),
      analysis.documents.map((doc, i) => h('option', { value: String(i) }, documentName(doc, i, t('overview.untitled')))));
    this.els.doc.value = [...this.els.doc.options].some((o) => o.value === previous) ? previous : 'all';
    this.draw();
  }

  filtered() {
    const type = this.els.type.value;
    const doc = this.els.doc.value;
    const query = this.els.search.value.trim().toLowerCase();
    return this.rows.filter((row) => (type === 'all' || row.type === type)
      && (doc === 'all' || row.doc === Number(doc))
      && (!query || `${row.text} ${row.unit ?? ''} ${row.detail ?? ''}`.toLowerCase().includes(query)));
  }

  draw() {
    if (!this.analysis) return;
    const rows = this.filtered();
    this.els.count.textContent = t('fig.count', { n: rows.length });
    const cap = 500; // a table of thousands of rows helps nobody and slows the page
    clear(this.els.body, rows.length
      ? rows.slice(0, cap).map((row) => h('tr', {
        tabindex: 0, class: `row-${row.type}`, dataset: { start: row.start },
        onclick: () => this.onRow(row),
        onkeydown: (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); this.onRow(row); } },
      },
      h('td', {}, t(`fig.type.${row.type}`)),
      h('td', { class: 'fig-text' }, row.text),
      h('td', { class: 'num' }, valueCell(row)),
      h('td', {}, row.unit ?? ''),
      h('td', { class: 'fig-doc', title: documentName(this.analysis.documents[row.doc], row.doc, t('overview.untitled')) },
        `#${row.doc + 1} ${this.analysis.documents[row.doc].title ?? ''}`)))
      : h('tr', {}, h('td', { colspan: 5, class: 'muted' }, t('fig.none'))));
  }
}

function valueCell(row) {
  if (row.type !== 'figure') return row.detail ?? '';
  const value = row.valueMax != null ? `${formatNumber(row.value)}–${formatNumber(row.valueMax)}` : formatNumber(row.value);
  return row.approx ? `${t('fig.about')} ${value}` : value;
}
