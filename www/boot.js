// Starts the analysis engine before the rest of the page loads: the worker fetches and
// compiles the wasm module and builds its dictionary while the charting library and the
// page's own modules load and run. Loaded first (index.html); app.js adopts what it started.

const early = { messages: [], error: null };

/** The first worker, with what it said before the page was ready to listen. */
export const firstWorker = { worker: new Worker(new URL('./worker.js', import.meta.url), { type: 'module' }), early };
firstWorker.worker.onmessage = (event) => early.messages.push(event.data);
firstWorker.worker.onerror = (event) => {
  event.preventDefault?.();
  early.error = event.message || 'the worker script could not be loaded';
};

/** The sample report's text, fetched now (the page shows it analysed on first load). */
export const sampleText = fetch('sample.txt').then((response) => {
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.text();
});
// Handled where it is used; this only keeps an early failure from being reported as unhandled.
sampleText.catch(() => {});
