// The analysis runs here, off the page's main thread, so typing and scrolling never freeze.
// Messages in: {id, op: 'analyze'|'kwic'|'docx'|'selftest-panic', ...}; out: {id, ok, result} or
// {id, ok: false, error, trapped, panic}. A trap (RuntimeError) leaves the module unusable:
// the page then replaces this worker.
import init, * as wasm from './pkg/report_analyzer.js';

const ready = init().then(() => {
  wasm.warm_up();
  postMessage({ type: 'ready', version: wasm.version(), docx: typeof wasm.docx_to_text === 'function' });
}).catch((err) => {
  postMessage({ type: 'failed', error: String(err?.message ?? err) });
  throw err;
});

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
  try {
    await ready;
  } catch (err) {
    postMessage({ id, ok: false, error: String(err?.message ?? err), trapped: false });
    return;
  }
  const started = performance.now();
  try {
    const run = operations[op];
    if (!run) throw new Error(`unknown operation: ${op}`);
    const result = run(event.data);
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
