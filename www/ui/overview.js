// Overview: the documents found, their function mix (table with bars) and the totals.
import { h, clear, percent } from './dom.js';
import { CATEGORIES, t, label } from '../i18n.js';
import { categoryMix, documentSentences, documentName, mixTotal } from './model.js';

export function renderDocuments(list, analysis, onSelect) {
  clear(list, analysis.documents.map((doc, i) => h('li', { class: 'doc-card' },
    h('button', { type: 'button', class: 'linklike doc-title', onclick: () => onSelect(doc.start) }, documentName(doc, i, t('overview.untitled'))),
    h('div', { class: 'doc-meta' },
      h('span', { class: `tag genre-${doc.genre}`, title: t('overview.genre') }, label('genre', doc.genre)),
      doc.topics.slice(0, 3).map((topic) => h('span', { class: 'tag topic', title: `${t('overview.topics')} ${percent(topic.score)}` }, label('topic', topic.label))),
      h('span', { class: 'muted', title: t('overview.length') }, t('overview.chars', { chars: (doc.end - doc.start).toLocaleString() }))))));
}

/** A stacked bar of a category mix: one coloured segment per category, width by share. */
export function mixBar(mix) {
  const total = mixTotal(mix) || 1;
  return h('span', { class: 'mixbar', role: 'img', 'aria-label': describeMix(mix) },
    CATEGORIES.filter((c) => mix[c] > 0).map((c) => h('span', {
      class: `seg cat-${c}`, title: `${label('category', c)} ${percent(mix[c] / total)}`, vars: { '--share': String(mix[c] / total) },
    })));
}

export function describeMix(mix) {
  const total = mixTotal(mix) || 1;
  return CATEGORIES.filter((c) => mix[c] > 0).map((c) => `${label('category', c)} ${percent(mix[c] / total)}`).join('，');
}

export function renderMatrix(table, analysis) {
  const head = h('tr', {}, h('th', { scope: 'col' }, t('overview.document')),
    CATEGORIES.map((c) => h('th', { scope: 'col' }, h('span', { class: `swatch cat-${c}` }), label('category', c))));
  const rows = analysis.documents.map((doc, i) => {
    const mix = categoryMix(documentSentences(doc));
    const total = mixTotal(mix);
    return h('tr', {}, h('th', { scope: 'row' }, documentName(doc, i, t('overview.untitled'))),
      CATEGORIES.map((c) => {
        const share = total ? mix[c] / total : 0;
        return h('td', { class: `cell cat-${c}${share === 0 ? ' zero' : ''}`, vars: { '--share': String(share) } },
          h('span', { class: 'cell-bar', 'aria-hidden': 'true' }), h('span', { class: 'cell-value' }, percent(share)));
      }));
  });
  clear(table, h('caption', {}, t('overview.matrixCaption')), h('thead', {}, head), h('tbody', {}, rows));
}

export function renderLegend(el) {
  clear(el,
    CATEGORIES.map((c) => h('li', {}, h('span', { class: `swatch cat-${c}` }), label('category', c))),
    h('li', {}, h('span', { class: 'swatch noise' }), t('legend.noise')),
    h('li', {}, h('mark', { class: 'kw' }, t('legend.keyword'))),
    h('li', {}, h('mark', { class: 'fig' }, t('legend.figure'))),
    h('li', {}, h('mark', { class: 'hit' }, t('legend.hit'))));
}
