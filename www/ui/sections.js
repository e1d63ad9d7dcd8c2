// Section breakdown: each document's heading outline with the function mix under each heading.
import { h, clear } from './dom.js';
import { t } from '../i18n.js';
import { sections, documentName } from './model.js';
import { mixBar } from './overview.js';

export function renderSections(container, analysis, onJump) {
  const parts = analysis.documents.map((doc, i) => {
    if (doc.title === null && !doc.blocks.some((b) => b.kind === 'heading')) return null;
    const outline = sections(doc);
    return h('details', { class: 'doc-outline', open: true },
      h('summary', {}, documentName(doc, i, t('overview.untitled'))),
      outline.length
        ? h('ol', { class: 'outline' }, outline.map((section) => h('li', { class: `level-${section.level}` },
          h('button', { type: 'button', class: 'linklike section-link', title: t('sections.jump'), onclick: () => onJump(section.block.start) }, section.block.text),
          mixBar(section.mix))))
        : h('p', { class: 'muted' }, t('sections.none')));
  });
  clear(container, parts);
}
