// Timing helpers shared by Node and the headless-Chromium page (no Node imports here).

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Runs `fn` at least `minRuns` times and for at least `minMs` (at most `maxRuns`). */
export function timeRuns(fn, { minRuns = 3, minMs = 1000, maxRuns = 30 } = {}) {
  const times = [];
  let out;
  const t0 = performance.now();
  while (times.length < minRuns || (performance.now() - t0 < minMs && times.length < maxRuns)) {
    const s = performance.now();
    out = fn();
    times.push(performance.now() - s);
  }
  return { median_ms: median(times), runs: times.length, times_ms: times.map((t) => Math.round(t * 10) / 10), out };
}

/**
 * Throughput of each engine on each input. `engines`: { name: (text) => count }, `inputs`:
 * [{ name, text, bytes }], `memory`: { name: () => bytes } read after each input.
 * Big inputs (> 4 MB) run `bigRuns` times, the others at least `runs` times and 1 s.
 */
export function throughput(engines, inputs, { runs = 3, bigRuns = 3, memory = {} } = {}) {
  const rows = [];
  for (const input of inputs) {
    for (const [engine, fn] of Object.entries(engines)) {
      fn(input.text.slice(0, 2000)); // warm (dictionary built before timing)
      const row = timedRow(engine, input, () => fn(input.text), { runs, bigRuns });
      if (memory[engine]) row.wasm_memory_bytes = memory[engine]();
      rows.push(row);
    }
  }
  return rows;
}

/** One row of a throughput table: `run` timed on `input` (big inputs `bigRuns` times, others at least `runs` times and 1 s). */
function timedRow(engine, input, run, { runs, bigRuns }) {
  const r = timeRuns(run, input.bytes > 4e6 ? { minRuns: bigRuns, minMs: 0 } : { minRuns: runs, minMs: 1000 });
  return {
    engine, input: input.name, bytes: input.bytes,
    median_ms: Math.round(r.median_ms * 100) / 100, runs: r.runs, times_ms: r.times_ms,
    mb_per_s: input.bytes / 1e6 / (r.median_ms / 1000), count: r.out,
  };
}

const pick = (o, keys) => Object.fromEntries(keys.filter((k) => k in o).map((k) => [k, o[k]]));

/** A result cut down to the fields the analysis contract (v1) requires: what any analyze() must hand back. */
export function contractOnly(r) {
  const terms = (ks) => ks.map((k) => pick(k, ['term', 'count', 'weight']));
  return {
    ...pick(r, ['schema_version', 'stats', 'category_totals']),
    keywords: terms(r.keywords),
    documents: r.documents.map((d) => ({
      ...pick(d, ['title', 'start', 'end', 'genre']),
      topics: d.topics.map((t) => pick(t, ['label', 'score'])),
      blocks: d.blocks.map((b) => ({
        ...pick(b, ['kind', 'level', 'start', 'end', 'text', 'category', 'confidence']),
        sentences: b.sentences.map((s) => pick(s, ['start', 'end', 'category', 'confidence'])),
      })),
      keywords: terms(d.keywords),
      figures: d.figures.map((f) => pick(f, ['text', 'value', 'unit', 'start', 'end'])),
    })),
  };
}

/**
 * The least an analyze() that returns the contract as plain objects pays on each input just to
 * hand its result to JavaScript: `JSON.parse` (the fastest way measured to build the objects)
 * of the contract-only JSON of our own result. With a cut's time it bounds the best ratio any
 * such analyze could reach. Rows as `throughput`'s.
 */
export function handoffFloor(engine, analyze, inputs, { runs = 3, bigRuns = 3 } = {}) {
  return inputs.map((input) => {
    const json = JSON.stringify(contractOnly(analyze(input.text)));
    const { count, ...row } = timedRow(engine, input, () => JSON.parse(json), { runs, bigRuns });
    return { ...row, json_bytes: new TextEncoder().encode(json).length };
  });
}
