// Starts the analysis engine before anything else on the page. A plain script at the top of
// <head> runs as soon as its few bytes arrive, before the stylesheet, the first layout, the
// chart library and the page's modules: the worker starts, the wasm module compiles (on the
// browser's background threads, as its bytes arrive) and the sample is fetched while all that
// runs. app.js adopts what it started from `globalThis.reportAnalyzerBoot`.
(() => {
  const early = { messages: [], error: null };
  const worker = new Worker('worker.js', { type: 'module' });
  // What the worker says before the page is ready to listen.
  worker.onmessage = (event) => early.messages.push(event.data);
  worker.onerror = (event) => {
    event.preventDefault?.();
    early.error = event.message || 'the worker script could not be loaded';
  };

  // The compiled module, or null when this browser or server cannot compile it here (the
  // worker then fetches it itself). Handed to this worker and to any that replaces it, so the
  // module is fetched and compiled once.
  const engine = (typeof WebAssembly === 'object' && typeof WebAssembly.compileStreaming === 'function'
    ? WebAssembly.compileStreaming(fetch('pkg/report_analyzer_bg.wasm'))
    : Promise.resolve(null)
  ).catch(() => null);
  // The engine message is the worker's first: requests wait for it (ui/worker-client.js).
  const engineSent = engine.then((module) => worker.postMessage({ op: 'engine', module }));

  const sampleText = fetch('sample.txt').then((response) => {
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.text();
  });
  // Handled where it is used; this only keeps an early failure from being reported as unhandled.
  sampleText.catch(() => {});

  globalThis.reportAnalyzerBoot = { firstWorker: { worker, early, engineSent }, engine, sampleText };
})();
