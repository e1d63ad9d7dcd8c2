// Memory soak: RUNS consecutive analyses of a ~SIZE_KB input in one wasm instance (Node,
// www/pkg), printing wasm memory as it goes. Passes if memory after the last run is at most
// 1.5× the memory after the 5th. The e2e test (tests/e2e/memory.test.mjs) runs a short
// version of this in Chromium; this is the long one, run by hand:
//   node tools/memory-soak.mjs [RUNS=200] [SIZE_KB=1024]
import { readFileSync } from 'node:fs';
import * as wasm from '../www/pkg/report_analyzer.js';

const runs = Number(process.argv[2] ?? 200);
const sizeKb = Number(process.argv[3] ?? 1024);
const exports = wasm.initSync({ module: readFileSync(new URL('../www/pkg/report_analyzer_bg.wasm', import.meta.url)) });
const sample = readFileSync(new URL('../www/sample.txt', import.meta.url), 'utf8');

// Copies of the sample, each with a numbered title so documents differ a little.
let text = '';
for (let i = 0; Buffer.byteLength(text) < sizeKb * 1024; i++) text += `第${i}份材料\n${sample}\n`;
const mb = (bytes) => (bytes / 1048576).toFixed(1);
console.log(`input: ${text.length} UTF-16 units, ${mb(Buffer.byteLength(text))} MB UTF-8; ${runs} runs`);

const started = performance.now();
let afterFifth = 0;
let blocks = null;
for (let run = 1; run <= runs; run++) {
  const t = performance.now();
  const result = wasm.analyze(text);
  blocks ??= result.stats.blocks;
  if (result.stats.blocks !== blocks) throw new Error(`run ${run}: ${result.stats.blocks} blocks, first run had ${blocks}`);
  const memory = exports.memory.buffer.byteLength;
  if (run === 5) afterFifth = memory;
  if (run <= 5 || run % 10 === 0 || run === runs) {
    console.log(`run ${run}: ${(performance.now() - t).toFixed(0)} ms, wasm memory ${mb(memory)} MB`);
  }
}
const final = exports.memory.buffer.byteLength;
const minutes = ((performance.now() - started) / 60000).toFixed(1);
console.log(`final ${mb(final)} MB, after run 5 ${mb(afterFifth)} MB, ratio ${(final / afterFifth).toFixed(2)}, ${minutes} min`);
if (runs >= 5 && final > 1.5 * afterFifth) {
  console.error('memory grew by more than half after the 5th run');
  process.exit(1);
}
