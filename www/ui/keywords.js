// Keyword panel: the bar chart, its accessible list twin, and the occurrences of a chosen term.
import { h, clear, formatNumber } from './dom.js';
import { CATEGORIES, t, label } from '../i18n.js';
import { scopedKeywords, documentName } from './model.js';
import { createChart, drawKeywords } from './charts.js';

export class KeywordPanel {
  /** els: {chart, cloud, view, list, top, metric, scope, occurrences, occurrencesTitle, clearHits}; onTerm(term) */
  constructor(els, onTerm) {
    this.els = els;
    this.onTerm = onTerm;
    this.chart = createChart(els.chart);
    this.chart.on('click', (params) => {
      const term = params.componentType === 'yAxis' ? params.value : params.name;
      if (term) onTerm(term);
    });
    for (const control of [els.top, els.metric, els.scope, els.view]) control.addEventListener('change', () => this.draw());
  }

  setAnalysis(analysis) {
    this.analysis = analysis;
    const previous = this.els.scope.value;
    clear(this.els.scope,
      h('option', { value: 'all' }, t('kw.scope.all')),
      analysis.documents.map((doc, i) => doc.keywords.length
        ? h('option', { value: `doc:${i}` }, t('kw.scope.doc', { title: documentName(doc, i, t('overview.untitled')) }))
        : null),
      CATEGORIES.filter((c) => analysis.category_keywords?.[c]?.length)
        .map((c) => h('option', { value: `cat:${c}` }, t('kw.scope.cat', { label: label('category', c) }))));
    this.els.scope.value = [...this.els.scope.options].some((o) => o.value === previous) ? previous : 'all';
    this.draw();
  }

  /** The keywords shown now, ranked by the chosen metric. */
  items() {
    const metric = this.els.metric.value;
    const limit = Number(this.els.top.value);
    return [...scopedKeywords(this.analysis, this.els.scope.value)]
      .map((k) => ({ term: k.term, value: k[metric] ?? 0, count: k.count }))
      .sort((a, b) => b.value - a.value || b.count - a.count)
      .slice(0, limit);
  }

  draw() {
    if (!this.analysis) return;
    const items = this.items();
    const cloud = this.els.view.value === 'cloud';
    this.els.chart.hidden = cloud;
    this.els.cloud.hidden = !cloud;
    if (cloud) {
      this.drawCloud(items);
    } else {
      // Room for every bar label: ~22 px per bar.
      this.els.chart.style.setProperty('height', `${Math.max(160, items.length * 22 + 40)}px`);
      this.chart.resize();
      drawKeywords(this.chart, items, t(`kw.metric.${this.els.metric.value}`));
    }
    clear(this.els.list, items.length
      ? items.map((item, i) => h('li', {},
        h('button', { type: 'button', class: 'kw-item', dataset: { term: item.term }, onclick: () => this.onTerm(item.term) },
          h('span', { class: 'rank' }, `${i + 1}`), h('span', { class: 'term' }, item.term), h('span', { class: 'muted' }, formatNumber(Number(item.value.toFixed(3)))))))
      : h('li', { class: 'muted' }, t('kw.empty')));
  }

  /** Words sized by the metric (relative to the best), in rank order; each a button. */
  drawCloud(items) {
    const best = items[0]?.value || 1;
    clear(this.els.cloud, items.map((item, i) => h('button', {
      type: 'button', class: `cloud-word tone-${i % 4}`, dataset: { term: item.term },
      title: `${item.term}: ${formatNumber(Number(item.value.toFixed(3)))}`,
      vars: { '--size': String(Math.pow(Math.max(0, item.value) / best, 0.75)) },
      onclick: () => this.onTerm(item.term),
    }, item.term)));
  }

  showOccurrences(term, rows, analysis) {
    this.els.occurrencesTitle.textContent = t('kw.occurrences', { term, n: rows.length });
    this.els.clearHits.hidden = false;
    clear(this.els.occurrences, rows.map((row) => h('li', {},
      h('button', { type: 'button', class: 'occurrence', dataset: { start: row.start }, onclick: () => this.onOccurrence?.(row) },
        h('span', { class: 'doc-no', title: documentName(analysis.documents[row.document] ?? { title: null }, row.document, t('overview.untitled')) }, `#${row.document + 1}`),
        h('span', { class: 'ctx' }, row.before), h('mark', { class: 'hit' }, row.matched), h('span', { class: 'ctx' }, row.after)))));
  }

  resetOccurrences() {
    this.els.occurrencesTitle.textContent = t('kw.occurrencesNone');
    this.els.clearHits.hidden = true;
    clear(this.els.occurrences);
  }
}
