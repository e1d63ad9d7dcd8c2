// The page: input → worker → panels. Holds the current text and analysis; every panel is
// redrawn from them.
import { t, setLanguage, language, translateDocument, CATEGORIES, label } from './i18n.js';
import { $, percent } from './ui/dom.js';
import { WorkerClient, LatestOnly } from './ui/worker-client.js';
import { TextView } from './ui/textview.js';
import { renderDocuments, renderMatrix, renderLegend } from './ui/overview.js';
import { renderSections } from './ui/sections.js';
import { KeywordPanel } from './ui/keywords.js';
import { FigureTable } from './ui/figures.js';
import { Dictionary } from './ui/dictionary.js';
import { createChart, drawTotals } from './ui/charts.js';
import { mixTotal, documentStarts } from './ui/model.js';
import { readFile } from './ui/files.js';
import * as exporter from './ui/exports.js';

// boot.js, a plain script run before anything else, started the worker, the module's
// compilation and the sample's fetch.
const boot = globalThis.reportAnalyzerBoot ?? null;

const MAX_CHARS = 3_000_000; // beyond this the text view alone would strain a phone
const DEBOUNCE_MS = 400;
const LARGE_BLOCKS = 400; // above this many blocks, panels are drawn one task at a time

const state = { text: '', analysis: null, hits: [], hitTerm: null, engineReady: false };

const input = $('#input');
const statusEl = $('#status');
const errorEl = $('#error');
const results = $('#results');

const textView = new TextView($('#text-view'), $('#cue-popup'));
const totalsChart = createChart($('#totals-chart'));

const client = new WorkerClient({
  onReady: (info) => {
    state.engineReady = true;
    state.version = info.version;
    if (!state.analysis && !state.busy) setStatus(() => t('status.ready', { version: info.version }));
  },
  onFailed: (message) => showError(() => t('status.workerFailed', { message })),
  onCrash: (message) => {
    showError(() => t('status.crashed', { message }));
    setBusy(false);
  },
  first: boot?.firstWorker ?? null,
  engine: boot?.engine ?? null,
});
const analyses = new LatestOnly(({ text, options }) => client.call('analyze', { text, options }));

const keywordPanel = new KeywordPanel({
  chart: $('#kw-chart'), cloud: $('#kw-cloud'), view: $('#kw-view'), list: $('#kw-list'), top: $('#kw-top'), metric: $('#kw-metric'), scope: $('#kw-scope'),
  occurrences: $('#occurrences'), occurrencesTitle: $('#occurrences-title'), clearHits: $('#clear-hits'),
}, (term) => showOccurrences(term));
keywordPanel.onOccurrence = (row) => textView.reveal(row.start);

const figureTable = new FigureTable({
  type: $('#fig-type'), doc: $('#fig-doc'), search: $('#fig-search'), body: $('#fig-body'), count: $('#fig-count'),
}, (row) => {
  state.hits = [{ start: row.start, end: row.end }];
  state.hitTerm = null;
  renderText().then(() => textView.reveal(row.start));
});

const dictionary = new Dictionary({
  userInput: $('#user-word'), userAdd: $('#user-word-add'), userList: $('#user-words'),
  stopInput: $('#stop-word'), stopAdd: $('#stop-word-add'), stopList: $('#stop-words'), remember: $('#remember'),
}, () => analyzeNow());

// ---- status -------------------------------------------------------------------------------

// Messages are kept as functions so a language switch can say them again in the new language.
let statusMessage = () => '';
let errorMessage = () => '';

function setStatus(message) {
  statusMessage = typeof message === 'function' ? message : () => message;
  statusEl.textContent = statusMessage();
}

function showError(message) {
  errorMessage = typeof message === 'function' ? message : () => message;
  errorEl.textContent = errorMessage();
  errorEl.hidden = !errorEl.textContent;
}

function setBusy(busy) {
  state.busy = busy;
  results.setAttribute('aria-busy', String(busy));
  document.body.classList.toggle('busy', busy);
}

function updateCharCount() {
  $('#char-count').textContent = t('input.chars', { chars: input.value.length.toLocaleString() });
}

// ---- analysis -----------------------------------------------------------------------------

let debounceTimer = null;

function scheduleAnalysis() {
  clearTimeout(debounceTimer);
  debounceTimer = setTimeout(analyzeNow, DEBOUNCE_MS);
}

async function analyzeNow() {
  clearTimeout(debounceTimer);
  const text = input.value;
  if (!text.trim()) {
    showError(() => t('status.empty'));
    setStatus('');
    return;
  }
  if (text.length > MAX_CHARS) {
    showError(() => t('status.tooLarge', { chars: text.length.toLocaleString(), limit: MAX_CHARS.toLocaleString() }));
    return;
  }
  setBusy(true);
  setStatus(() => t('status.analyzing', { chars: text.length.toLocaleString() }));
  const options = { ...dictionary.options(), keyword_limit: 50, max_chars: MAX_CHARS };
  try {
    const outcome = await analyses.submit({ text, options });
    if (outcome.superseded) return;
    showError('');
    state.text = text;
    state.analysis = outcome.result;
    state.hits = [];
    state.hitTerm = null;
    await renderAll();
    const s = outcome.result.stats;
    const source = state.source;
    const warnings = outcome.result.warnings ?? [];
    setStatus(() => t('status.done', { documents: s.documents, blocks: s.blocks, tokens: s.tokens.toLocaleString(), ms: Math.round(s.elapsed_ms) })
      + (source ? ` · ${t('status.fileRead', source)}` : '')
      + (warnings.length ? ` — ${t('status.warnings', { warnings: warnings.join('; ') })}` : ''));
    setBusy(false);
  } catch (err) {
    setBusy(false);
    setStatus('');
    if (client.failure) showError(() => t('status.workerFailed', { message: client.failure }));
    else if (!err.trapped) showError(() => t('status.error', { message: err.message }));
  }
}

// ---- rendering ----------------------------------------------------------------------------

let renderGeneration = 0;

/** Yields to the browser so input and painting go on between panels of a large analysis. */
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Draws every panel, one per task; a newer analysis stops an older drawing midway. */
async function renderAll() {
  const analysis = state.analysis;
  if (!analysis) return;
  const generation = ++renderGeneration;
  const steps = [
    () => {
      renderDocuments($('#documents'), analysis, (offset) => revealInText(offset));
      renderMatrix($('#matrix'), analysis);
      const sum = mixTotal(analysis.category_totals) || 1;
      $('#totals-text').textContent = CATEGORIES.filter((c) => analysis.category_totals[c] > 0)
        .map((c) => `${label('category', c)} ${percent(analysis.category_totals[c] / sum)}`).join(' · ');
    },
    // The charts after the first paint: the documents and their figures in words show a
    // chart's first draw (the chart library's slowest) sooner.
    () => {
      drawTotals(totalsChart, analysis.category_totals);
      keywordPanel.setAnalysis(analysis);
      if (state.hitTerm) keywordPanel.showOccurrences(state.hitTerm, state.hitRows, analysis);
      else keywordPanel.resetOccurrences();
    },
    () => renderSections($('#sections'), analysis, (offset) => revealInText(offset)),
    () => figureTable.setAnalysis(analysis),
  ];
  for (const [i, step] of steps.entries()) {
    if (i === 1 || (i > 0 && analysis.stats.blocks > LARGE_BLOCKS)) await nextTask();
    if (generation !== renderGeneration) return;
    step();
  }
  await renderText(generation);
  // For `make bench`: every panel drawn (the documents list shows a step before the charts).
  if (generation === renderGeneration) performance.mark('ra:drawn');
}

/** The marks drawn in the text: figures, the top keywords (if wanted) and search hits. */
function textMarks() {
  const { text, analysis } = state;
  const marks = analysis.documents.flatMap((d) => d.figures.map((f) => ({ start: f.start, end: f.end, cls: 'fig' })));
  if ($('#mark-keywords').checked) {
    for (const k of analysis.keywords.slice(0, 10)) {
      for (let i = text.indexOf(k.term); i >= 0; i = text.indexOf(k.term, i + k.term.length)) {
        marks.push({ start: i, end: i + k.term.length, cls: 'kw' });
      }
    }
  }
  for (const hit of state.hits) marks.push({ start: hit.start, end: hit.end, cls: 'hit' });
  return marks;
}

async function renderText(generation = ++renderGeneration) {
  if (!state.analysis) return;
  await textView.render(state.text, state.analysis, textMarks(), () => generation !== renderGeneration);
}

function revealInText(offset) {
  textView.reveal(offset);
}

async function showOccurrences(term) {
  if (!state.analysis) return;
  try {
    const rows = await client.call('kwic', { text: state.text, term, context: 16, docStarts: documentStarts(state.analysis) });
    state.hits = rows.map((r) => ({ start: r.start, end: r.end }));
    state.hitTerm = term;
    state.hitRows = rows;
    keywordPanel.showOccurrences(term, rows, state.analysis);
    await renderText();
    if (rows.length) textView.reveal(rows[0].start);
  } catch (err) {
    if (!err.trapped) showError(() => t('status.error', { message: err.message }));
  }
}

// ---- input --------------------------------------------------------------------------------

/** Replaces the text; `source` ({name, encoding}) names the file it came from, if any. */
function setInput(text, source = null) {
  state.source = source;
  input.value = text;
  updateCharCount();
  analyzeNow();
}

async function openFile(file) {
  showError('');
  try {
    const opened = await readFile(file, (bytes) => client.call('docx', { bytes }, [bytes]), () => client.docxSupported);
    setInput(opened.text, { name: file.name, encoding: opened.encoding });
  } catch (err) {
    if (err.code === 'unsupported-type') showError(() => t('status.fileType', { name: file.name }));
    else if (err.code === 'docx-missing') showError(() => t('status.docxMissing'));
    else showError(() => t('status.docxFailed', { name: file.name, message: err.message }));
  }
}

let sampleFetched = boot?.sampleText ?? null; // the first load uses the fetch boot.js started

async function loadSample() {
  try {
    const text = sampleFetched ? await sampleFetched : await fetch('sample.txt').then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.text();
    });
    sampleFetched = null;
    setInput(text);
  } catch (err) {
    sampleFetched = null;
    showError(() => t('status.sampleFailed', { message: err.message }));
  }
}

input.addEventListener('input', () => {
  state.source = null;
  updateCharCount();
  scheduleAnalysis();
});
$('#analyze-now').addEventListener('click', analyzeNow);
$('#load-sample').addEventListener('click', loadSample);
$('#clear-input').addEventListener('click', () => {
  state.source = null;
  input.value = '';
  updateCharCount();
  clearTimeout(debounceTimer);
  showError('');
  setStatus('');
  input.focus();
});
$('#open-file').addEventListener('click', () => $('#file-input').click());
$('#file-input').addEventListener('change', (event) => {
  const file = event.target.files?.[0];
  if (file) openFile(file);
  event.target.value = '';
});

const dropzone = $('#dropzone');
let dragDepth = 0;
dropzone.addEventListener('dragenter', (e) => { e.preventDefault(); dragDepth++; $('#drop-hint').hidden = false; });
dropzone.addEventListener('dragover', (e) => e.preventDefault());
dropzone.addEventListener('dragleave', () => { if (--dragDepth <= 0) { dragDepth = 0; $('#drop-hint').hidden = true; } });
dropzone.addEventListener('drop', (e) => {
  e.preventDefault();
  dragDepth = 0;
  $('#drop-hint').hidden = true;
  const file = e.dataTransfer?.files?.[0];
  if (file) openFile(file);
});

$('#mark-keywords').addEventListener('change', renderText);
$('#clear-hits').addEventListener('click', () => {
  state.hits = [];
  state.hitTerm = null;
  keywordPanel.resetOccurrences();
  renderText();
});

// ---- exports ------------------------------------------------------------------------------

function withAnalysis(action) {
  return () => {
    if (!state.analysis) {
      $('#export-status').textContent = t('export.nothing');
      return;
    }
    $('#export-status').textContent = '';
    action(state.analysis);
  };
}
$('#export-json').addEventListener('click', withAnalysis((a) => exporter.exportJson(a)));
$('#export-sentences').addEventListener('click', withAnalysis((a) => exporter.exportSentences(state.text, a)));
$('#export-keywords').addEventListener('click', withAnalysis((a) => exporter.exportKeywords(a)));
$('#export-figures').addEventListener('click', withAnalysis((a) => exporter.exportFigures(a)));
$('#export-png-keywords').addEventListener('click', withAnalysis(() => exporter.exportPng(keywordPanel.chart, 'report-keywords')));
$('#export-png-totals').addEventListener('click', withAnalysis(() => exporter.exportPng(totalsChart, 'report-functions')));
$('#export-md').addEventListener('click', withAnalysis((a) => exporter.downloadMarkdown(a)));
$('#export-md-copy').addEventListener('click', withAnalysis(async (a) => {
  const copied = await exporter.copyMarkdown(a);
  $('#export-status').textContent = copied ? t('export.copied') : t('export.copyFailed');
}));

// ---- language -----------------------------------------------------------------------------

function applyLanguage(lang) {
  setLanguage(lang);
  translateDocument();
  renderLegend($('#legend'));
  updateCharCount();
  setStatus(statusMessage);
  showError(errorMessage);
  renderAll();
}

$('#lang-switch').addEventListener('click', () => {
  applyLanguage(language() === 'zh' ? 'en' : 'zh');
});

// The charts take their colours from the scheme: redraw them when it changes.
matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
  if (!state.analysis) return;
  drawTotals(totalsChart, state.analysis.category_totals);
  keywordPanel.draw();
});

// ---- start --------------------------------------------------------------------------------

// Chinese first (the reports are Chinese); the choice is not stored, nothing is without consent.
applyLanguage('zh');
setStatus(() => t('status.loading'));
loadSample();

if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  navigator.serviceWorker.register('sw.js').catch(() => { /* offline use unavailable; the page still works */ });
}

// For tests and the curious: the state of the page, read-only by convention.
globalThis.reportAnalyzerPage = { state, client, keywordPanel, totalsChart };
