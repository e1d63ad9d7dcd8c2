// The wasm module under abuse, in Node (node:test), loaded from www/pkg with initSync:
// it survives its own panics, takes lone surrogates, refuses oversized input with a message
// and reads (or clearly refuses) .docx bytes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as wasm from '../../www/pkg/report_analyzer.js';
import { makeDocx } from '../e2e/lib/docx.mjs';

wasm.initSync({ module: readFileSync(new URL('../../www/pkg/report_analyzer_bg.wasm', import.meta.url)) });

const REPORT = '东湖街道环境卫生整治工作会议纪要\n一、前期工作开展情况\n今年以来共出动清扫人员1,260人次，清运垃圾约340吨。\n二、存在的主要问题\n部分背街小巷保洁不到位。';

/** Every block's text is the input between its offsets (lone surrogates read as U+FFFD). */
function assertOffsets(input, result) {
  const wellFormed = input.toWellFormed();
  for (const doc of result.documents) {
    for (const block of doc.blocks) {
      assert.equal(block.text, wellFormed.slice(block.start, block.end));
      for (const s of block.sentences) assert.ok(block.start <= s.start && s.end <= block.end);
    }
  }
}

test('a panic traps the call, is reported by last_panic, and the next analysis works', () => {
  assert.throws(() => wasm.selftest_panic(), WebAssembly.RuntimeError);
  assert.match(wasm.last_panic() ?? '', /deliberate panic/);
  const result = wasm.analyze(REPORT);
  assert.equal(result.stats.blocks, 5);
  assertOffsets(REPORT, result);
});

test('many panics in a row do not wear the module out', () => {
  for (let i = 0; i < 200; i++) assert.throws(() => wasm.selftest_panic(), WebAssembly.RuntimeError);
  const result = wasm.analyze(REPORT);
  assert.equal(result.stats.blocks, 5);
});

test('lone surrogates give a result with a warning and offsets that still match', () => {
  const input = '一、总体\uD800情况\n今年以来\uDC00，清运垃圾340吨。\n\uDBFF';
  const result = wasm.analyze(input);
  assert.match(result.warnings[0], /3 lone surrogate/);
  assert.equal(result.stats.chars, input.length);
  assertOffsets(input, result);
  // A well-formed pair is one character, not two replacements.
  const paired = wasm.analyze('一、总体情况😀\n正文。');
  assert.ok(!paired.warnings.some((w) => /surrogate/.test(w)), paired.warnings.join('; '));
});

test('input over max_chars is refused with an Error that says so, nothing cut', () => {
  assert.throws(() => wasm.analyze('字'.repeat(1001), { max_chars: 1000 }), (err) => {
    assert.ok(err instanceof Error);
    assert.match(err.message, /1001 characters, more than the limit of 1000.*nothing was cut/);
    return true;
  });
  // The default limit (20,000,000 UTF-16 units), one over.
  const huge = 'a'.repeat(20_000_001);
  assert.throws(() => wasm.analyze(huge), /20000001 characters, more than the limit of 20000000/);
  // And the module is still fine afterwards.
  assert.equal(wasm.analyze(REPORT).stats.blocks, 5);
});

test('empty and blank input are refused with a message', () => {
  for (const blank of ['', '   ', '\n\r\n\t\u3000']) {
    assert.throws(() => wasm.analyze(blank), /the text is empty/);
  }
});

test('bad options and inputs that are not text fail as Errors, not traps', () => {
  assert.throws(() => wasm.analyze(REPORT, { max_chars: 'many' }), (err) => err instanceof Error && /invalid options/.test(err.message));
  assert.throws(() => wasm.analyze(REPORT, { keyword_limit: -1 }), (err) => err instanceof Error && !(err instanceof WebAssembly.RuntimeError));
  assert.equal(wasm.analyze(REPORT, { unknown_option: true }).stats.blocks, 5);
  for (const notText of [undefined, null, 42, {}, ['一、总体情况']]) {
    let outcome;
    try {
      outcome = wasm.analyze(notText);
    } catch (err) {
      outcome = err;
    }
    assert.ok(!(outcome instanceof WebAssembly.RuntimeError), `analyze(${JSON.stringify(notText)}) trapped: ${outcome}`);
  }
  assert.equal(wasm.analyze(REPORT).stats.blocks, 5);
});

test('docx_to_text reads a .docx and refuses what is not one', () => {
  const bytes = makeDocx(['一、总体情况', '今年以来共清运垃圾340吨。']);
  assert.equal(wasm.docx_to_text(new Uint8Array(bytes)), '一、总体情况\n今年以来共清运垃圾340吨。');
  assert.throws(() => wasm.docx_to_text(new TextEncoder().encode('一、总体情况')), /not a \.docx file/);
  assert.throws(() => wasm.docx_to_text(new Uint8Array(0)), /not a \.docx file/);
  const legacy = new Uint8Array(512);
  legacy.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  assert.throws(() => wasm.docx_to_text(legacy), /Word 97–2003/);
  const truncated = new Uint8Array(bytes).slice(0, Math.floor(bytes.length / 2));
  assert.throws(() => wasm.docx_to_text(truncated), (err) => err instanceof Error && !(err instanceof WebAssembly.RuntimeError));
});
