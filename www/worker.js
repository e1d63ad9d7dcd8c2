// The analysis runs here, off the page's main thread, so typing and scrolling never freeze.
// Messages in: {op: 'engine', module} first, then {id, op: 'analyze'|'kwic'|'docx'|'selftest-panic', ...}; out: {id, ok, result} or
// {id, ok: false, error, trapped, panic}. A trap (RuntimeError) leaves the module unusable:
// the page then replaces this worker.
import init, * as wasm from './pkg/report_analyzer.js';

// The marks let `make bench` see where a cold start spends its time.
performance.mark('ra:worker-start');

let ready = null;

/**
 * Instantiates the module once: `module` is the one the page compiled while this worker started
 * (boot.js), or null to fetch and compile it here.
 */
function startEngine(module) {
  ready ??= init(module ? { module_or_path: module } : undefined).then(() => {
    performance.mark('ra:instantiated');
    wasm.warm_up();
    performance.mark('ra:warmed-up');
    postMessage({ type: 'ready', version: wasm.version(), docx: typeof wasm.docx_to_text === 'function' });
  }).catch((err) => {
    postMessage({ type: 'failed', error: String(err?.message ?? err) });
    throw err;
  });
  return ready;
}

const operations = {
  analyze: ({ text, options }) => wasm.analyze(text, options),
  kwic: ({ text, term, context, docStarts }) => wasm.kwic(text, term, context, docStarts ? Float64Array.from(docStarts) : undefined),
  docx: ({ bytes }) => {
    if (typeof wasm.docx_to_text !== 'function') {
      const err = new Error('docx_to_text is not exported by this build');
      err.code = 'docx-missing';
      throw err;
    }
    return wasm.docx_to_text(new Uint8Array(bytes));
  },
  // Diagnostics: traps the module on purpose, to prove the page recovers from a crash.
  'selftest-panic': () => wasm.selftest_panic(),
};

self.onmessage = async (event) => {
  const { id, op } = event.data;
  // The page's first message: {op: 'engine', module}. A worker asked for work without one
  // fetches the module itself.
  if (op === 'engine') {
    startEngine(event.data.module).catch(() => {});
    return;
  }
  try {
    await startEngine(null);
  } catch (err) {
    postMessage({ id, ok: false, error: String(err?.message ?? err), trapped: false });
    return;
  }
  const started = performance.now();
  try {
    const run = operations[op];
    if (!run) throw new Error(`unknown operation: ${op}`);
    if (op === 'analyze') performance.mark('ra:analyze-start');
    const result = run(event.data);
    if (op === 'analyze') performance.mark('ra:analyzed');
    postMessage({ id, ok: true, result, ms: performance.now() - started });
  } catch (err) {
    const trapped = err instanceof WebAssembly.RuntimeError;
    let panic = null;
    if (trapped) {
      try { panic = wasm.last_panic() ?? null; } catch { panic = null; }
    }
    postMessage({ id, ok: false, error: String(err?.message ?? err), code: err?.code ?? null, trapped, panic });
  }
};
