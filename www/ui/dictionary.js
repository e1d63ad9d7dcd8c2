// The user's words and stop words. Stored in localStorage only while "remember" is ticked.
import { h, clear } from './dom.js';
import { t } from '../i18n.js';

const STORAGE_KEY = 'report-analyzer.dictionary';

export class Dictionary {
  /** els: {userInput, userAdd, userList, stopInput, stopAdd, stopList, remember, form...}; onChange() */
  constructor(els, onChange) {
    this.els = els;
    this.onChange = onChange;
    this.userWords = [];
    this.stopWords = [];
    this.load();
    const wire = (input, button, list) => {
      const add = () => {
        const words = input.value.split(/[\s,，、;；]+/).map((w) => w.trim()).filter(Boolean);
        if (!words.length) return;
        for (const w of words) if (!list.includes(w)) list.push(w);
        input.value = '';
        this.changed();
      };
      button.addEventListener('click', add);
      input.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); add(); } });
    };
    wire(els.userInput, els.userAdd, this.userWords);
    wire(els.stopInput, els.stopAdd, this.stopWords);
    els.remember.addEventListener('change', () => this.save());
    this.draw();
  }

  options() {
    return { user_words: [...this.userWords], stop_words: [...this.stopWords] };
  }

  load() {
    try {
      const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null');
      if (stored) {
        this.userWords.push(...(stored.user_words ?? []).filter((w) => typeof w === 'string'));
        this.stopWords.push(...(stored.stop_words ?? []).filter((w) => typeof w === 'string'));
        this.els.remember.checked = true;
      }
    } catch { /* storage blocked or corrupt: start empty */ }
  }

  save() {
    try {
      if (this.els.remember.checked) localStorage.setItem(STORAGE_KEY, JSON.stringify(this.options()));
      else localStorage.removeItem(STORAGE_KEY);
    } catch { /* storage blocked: the words still apply to this visit */ }
  }

  changed() {
    this.save();
    this.draw();
    this.onChange();
  }

  draw() {
    const chips = (list) => list.map((word) => h('li', { class: 'chip' }, word,
      h('button', {
        type: 'button', class: 'chip-remove', 'aria-label': t('dict.remove', { word }),
        onclick: () => { list.splice(list.indexOf(word), 1); this.changed(); },
      }, '×')));
    clear(this.els.userList, chips(this.userWords));
    clear(this.els.stopList, chips(this.stopWords));
  }
}
