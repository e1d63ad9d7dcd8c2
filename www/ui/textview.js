// The pasted text, one line per block, each sentence coloured by its function. Built from
// text nodes only: user text is never parsed as HTML. Offsets are UTF-16 = JS string indices.
import { h, clear, percent } from './dom.js';
import { t, label } from '../i18n.js';

const CHUNK_BLOCKS = 300;

export class TextView {
  constructor(container, popup) {
    this.container = container;
    this.popup = popup;
    this.sentenceEls = [];
    this.blockEls = [];
    this.wirePopup();
  }

  /**
   * marks: [{start, end, cls}] — keywords, figures and search hits drawn inside sentences.
   * Long texts are built a chunk of blocks per task so the page keeps answering; `cancelled()`
   * stops a drawing that a newer one replaced.
   */
  async render(text, analysis, marks = [], cancelled = () => false) {
    this.text = text;
    this.analysis = analysis;
    this.sentenceEls = [];
    this.blockEls = [];
    this.hidePopup();
    const markIndex = new MarkIndex(marks);
    const root = document.createDocumentFragment();
    let pos = 0;
    let built = 0;
    let shown = false;
    for (const [d, doc] of analysis.documents.entries()) {
      const docEl = h('div', { class: 'doc', dataset: { doc: d } });
      (shown ? this.container : root).append(docEl);
      for (const block of doc.blocks) {
        if (block.start < pos) continue;
        appendGap(docEl, text.slice(pos, block.start));
        docEl.append(this.renderBlock(block, d, markIndex));
        pos = block.end;
        if (++built % CHUNK_BLOCKS === 0) {
          // Show the first chunk at once, then let the browser breathe between chunks.
          if (!shown) { clear(this.container, root); shown = true; }
          await new Promise((resolve) => setTimeout(resolve, 0));
          if (cancelled()) return;
        }
      }
    }
    if (pos < text.length) appendGap(shown ? this.container : root, text.slice(pos));
    if (!shown) clear(this.container, root);
  }

  renderBlock(block, docIndex, marks) {
    const el = h('div', {
      class: `blk kind-${block.kind}${block.kind === 'heading' ? ` level-${block.level}` : ''}`,
      dataset: { start: block.start, end: block.end, rule: block.rule || block.kind, kind: block.kind },
    });
    this.blockEls.push({ start: block.start, end: block.end, el });
    let pos = block.start;
    for (const sentence of block.sentences) {
      if (sentence.start > pos) appendMarked(el, this.text, pos, sentence.start, marks);
      const s = h('span', {
        class: `s cat-${sentence.category}`,
        tabindex: 0,
        dataset: { i: this.sentenceEls.length },
      });
      appendMarked(s, this.text, sentence.start, sentence.end, marks);
      el.append(s);
      this.sentenceEls.push({ start: sentence.start, end: sentence.end, el: s, sentence, block, docIndex });
      pos = sentence.end;
    }
    if (pos < block.end) appendMarked(el, this.text, pos, block.end, marks);
    if (block.kind === 'noise') {
      // Noise has no sentences: the block itself is focusable and explains its rule.
      el.tabIndex = 0;
    }
    return el;
  }

  /** Scrolls the text to the block or sentence holding `offset` and flashes it. */
  reveal(offset) {
    const target = findCovering(this.sentenceEls, offset) ?? findCovering(this.blockEls, offset);
    if (!target) return null;
    const hit = target.el.querySelector('mark.hit') ?? target.el;
    hit.scrollIntoView({ block: 'center', behavior: 'smooth' });
    target.el.classList.remove('flash');
    void target.el.offsetWidth; // restart the animation
    target.el.classList.add('flash');
    return target.el;
  }

  wirePopup() {
    const show = (event) => {
      const el = event.target.closest?.('.s, .kind-noise');
      if (el && this.container.contains(el)) this.showPopup(el);
    };
    this.container.addEventListener('mouseover', show);
    this.container.addEventListener('focusin', show);
    this.container.addEventListener('mouseleave', () => this.hidePopup());
    this.container.addEventListener('focusout', (event) => {
      if (!this.container.contains(event.relatedTarget)) this.hidePopup();
    });
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.hidePopup();
    });
    // Keep the popup beside its sentence when the page or the text scrolls (focus scrolls too).
    const follow = () => { if (this.shownFor) requestAnimationFrame(() => this.shownFor && this.placePopup(this.shownFor)); };
    window.addEventListener('scroll', follow, { passive: true });
    this.container.addEventListener('scroll', follow, { passive: true });
  }

  showPopup(el) {
    if (this.shownFor === el) return;
    if (el.classList.contains('kind-noise')) {
      this.openPopup(el, h('div', { class: 'popup-title' }, h('span', { class: 'swatch noise' }), label('kind', 'noise')),
        h('div', { class: 'muted' }, `${t('text.rule')}${t('punct.colon')}`, h('code', {}, el.dataset.rule)));
      return;
    }
    const entry = this.sentenceEls[Number(el.dataset.i)];
    if (!entry) return;
    const { sentence, block } = entry;
    const cues = sentence.cues ?? [];
    this.openPopup(el,
      h('div', { class: 'popup-title' },
        h('span', { class: `swatch cat-${sentence.category}` }),
        `${t('text.category')}${t('punct.colon')}${label('category', sentence.category)}`,
        h('span', { class: 'muted' }, ` · ${t('text.confidence')} ${percent(sentence.confidence)}`)),
      h('div', { class: 'popup-cues' }, `${t('text.cues')}${t('punct.colon')}`,
        cues.length
          ? cues.map((c, i) => [i ? '，' : '', h('code', {}, c.feature), h('span', { class: 'muted' }, ` ${c.weight >= 0 ? '+' : ''}${c.weight.toFixed(2)}`)])
          : t('text.noCues')),
      h('div', { class: 'muted' }, `${t('text.block')}${t('punct.colon')}${label('kind', block.kind)}${block.level ? ` ${block.level}` : ''} · ${t('text.rule')}${t('punct.colon')}`, h('code', {}, block.rule || block.kind)));
  }

  openPopup(el, ...content) {
    this.shownFor?.removeAttribute('aria-describedby');
    this.shownFor = el;
    clear(this.popup, ...content);
    this.popup.hidden = false;
    el.setAttribute('aria-describedby', this.popup.id);
    this.placePopup(el);
  }

  placePopup(el) {
    const rect = el.getClientRects()[0] ?? el.getBoundingClientRect();
    const width = this.popup.offsetWidth;
    const left = Math.max(8, Math.min(rect.left, window.innerWidth - width - 8));
    const below = rect.bottom + 8;
    const top = below + this.popup.offsetHeight > window.innerHeight ? Math.max(8, rect.top - this.popup.offsetHeight - 8) : below;
    this.popup.style.setProperty('left', `${left}px`);
    this.popup.style.setProperty('top', `${top}px`);
  }

  hidePopup() {
    this.shownFor?.removeAttribute('aria-describedby');
    this.shownFor = null;
    this.popup.hidden = true;
  }
}

/** Blank lines between blocks become a spacer; single line breaks are implied by the blocks. */
function appendGap(parent, gap) {
  if (!gap) return;
  if (gap.trim()) parent.append(document.createTextNode(gap));
  else if ((gap.match(/\n/g) ?? []).length >= 2) parent.append(h('div', { class: 'gap', 'aria-hidden': 'true' }));
}

/** Marks sorted by start, found by binary search (a long text has thousands of them). */
class MarkIndex {
  constructor(marks) {
    this.marks = [...marks].sort((a, b) => a.start - b.start);
    this.longest = this.marks.reduce((n, m) => Math.max(n, m.end - m.start), 0);
  }

  overlapping(start, end) {
    const marks = this.marks;
    let lo = 0;
    let hi = marks.length;
    const from = start - this.longest;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (marks[mid].start < from) lo = mid + 1;
      else hi = mid;
    }
    const found = [];
    for (let i = lo; i < marks.length && marks[i].start < end; i++) if (marks[i].end > start) found.push(marks[i]);
    return found;
  }
}

/** Appends text[start, end) with the marks that overlap it as <mark> elements. */
function appendMarked(parent, text, start, end, marks) {
  const inside = marks.overlapping(start, end);
  if (!inside.length) {
    parent.append(document.createTextNode(text.slice(start, end)));
    return;
  }
  const cuts = new Set([start, end]);
  for (const m of inside) {
    cuts.add(Math.max(start, m.start));
    cuts.add(Math.min(end, m.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const classes = [...new Set(inside.filter((m) => m.start <= a && m.end >= b).map((m) => m.cls))];
    const piece = text.slice(a, b);
    parent.append(classes.length ? h('mark', { class: classes.join(' ') }, piece) : document.createTextNode(piece));
  }
}

function findCovering(entries, offset) {
  let lo = 0;
  let hi = entries.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const e = entries[mid];
    if (offset < e.start) hi = mid - 1;
    else if (offset >= e.end) lo = mid + 1;
    else return e;
  }
  return null;
}
