// When the analysis engine cannot load (here: the .wasm is missing from the server), the page
// says so plainly instead of spinning for ever.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSession, WWW } from './lib/browser.mjs';

test('a missing wasm module gives a clear "engine could not start" message', async () => {
  const root = mkdtempSync(join(tmpdir(), 'ra-e2e-www-'));
  cpSync(WWW, root, { recursive: true, filter: (src) => !src.endsWith('.wasm') });
  const session = await openSession({ root });
  try {
    const { page } = session;
    await page.goto(`${session.origin}/index.html`);
    await page.locator('#error').waitFor({ state: 'visible', timeout: 15_000 });
    assert.match(await page.textContent('#error'), /分析引擎无法启动：.*report_analyzer_bg\.wasm/);
    assert.equal(await page.getAttribute('#results', 'aria-busy'), 'false', 'not left "busy"');
    assert.doesNotMatch(await page.textContent('#status'), /分析中/);
    // A later attempt fails at once with the same message rather than hanging.
    await page.click('#analyze-now');
    assert.match(await page.textContent('#error'), /分析引擎无法启动/);
  } finally {
    await session.close();
    rmSync(root, { recursive: true, force: true });
  }
});
