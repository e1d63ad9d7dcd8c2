// Memory and restarts in Chromium: repeated analyses keep the wasm memory flat once warm, and
// a worker that is terminated (as the page does after a trap) is replaced by a working one.
// Short here, so the suite stays fast; tools/memory-soak.mjs is the 200 × 1 MB version.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sessionOnPage } from './lib/browser.mjs';

const RUNS = Number(process.env.MEMORY_RUNS ?? 12);
const SIZE_KB = Number(process.env.MEMORY_SIZE_KB ?? 128);

const opened = sessionOnPage(before, after);

test(`${RUNS} analyses of ${SIZE_KB} KB keep wasm memory flat after the 5th`, { timeout: 300_000 }, async () => {
  const sizes = await opened.session.page.evaluate(async ({ runs, sizeKb }) => {
    // A module instance of our own on the page's thread, so its memory can be read.
    const wasm = await import('./pkg/report_analyzer.js');
    const exports = await wasm.default();
    const sample = await (await fetch('./sample.txt')).text();
    let text = '';
    for (let i = 0; new TextEncoder().encode(text).length < sizeKb * 1024; i++) text += `第${i}份材料\n${sample}\n`;
    const out = [];
    for (let run = 0; run < runs; run++) {
      const result = wasm.analyze(text);
      out.push({ bytes: exports.memory.buffer.byteLength, blocks: result.stats.blocks });
    }
    return out;
  }, { runs: RUNS, sizeKb: SIZE_KB });

  assert.equal(sizes.length, RUNS);
  assert.ok(sizes.every((s) => s.blocks === sizes[0].blocks && s.blocks > 0), 'every run gives the same result');
  const afterFifth = sizes[Math.min(4, RUNS - 1)].bytes;
  const final = sizes.at(-1).bytes;
  const mb = (b) => (b / 1048576).toFixed(1);
  console.log(`wasm memory: after run 5 ${mb(afterFifth)} MB, after run ${RUNS} ${mb(final)} MB`);
  assert.ok(final <= 1.5 * afterFifth, `memory grew from ${mb(afterFifth)} MB to ${mb(final)} MB`);
});

test('a terminated worker is replaced by one that works, also after a trap', { timeout: 120_000 }, async () => {
  const outcome = await opened.session.page.evaluate(async () => {
    const text = '一、总体情况\n今年以来共清运垃圾340吨。\n二、存在问题\n部分社区保洁不到位。';
    // The worker's protocol (www/worker.js): {id, op, ...} in; {id, ok, result | error, trapped, panic} out.
    const ask = (worker, message) => new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer to ${message.op}`)), 60_000);
      worker.addEventListener('message', function answer(event) {
        if (event.data.id !== message.id) return;
        worker.removeEventListener('message', answer);
        clearTimeout(timer);
        resolve(event.data);
      });
      worker.addEventListener('error', (event) => reject(new Error(event.message)), { once: true });
      worker.postMessage(message);
    });
    const spawn = () => new Worker('./worker.js', { type: 'module' });

    const first = spawn();
    const a = await ask(first, { id: 1, op: 'analyze', text });
    first.terminate();

    const second = spawn();
    const b = await ask(second, { id: 1, op: 'analyze', text });
    const trap = await ask(second, { id: 2, op: 'selftest-panic' });
    second.terminate();

    const third = spawn();
    const c = await ask(third, { id: 1, op: 'analyze', text });
    third.terminate();
    const blocks = (r) => (r.ok ? r.result.stats.blocks : r.error);
    return { a: blocks(a), b: blocks(b), c: blocks(c), trap: { ok: trap.ok, trapped: trap.trapped, panic: trap.panic } };
  });
  assert.deepEqual(outcome, {
    a: 4, b: 4, c: 4,
    trap: { ok: false, trapped: true, panic: outcome.trap.panic },
  });
  assert.match(outcome.trap.panic ?? '', /deliberate panic/);
});
