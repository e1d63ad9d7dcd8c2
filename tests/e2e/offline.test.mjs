// Offline and private: after one visit the page works with the network off and the server
// gone, and it never asks another origin for anything.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, sep } from 'node:path';
import { openSession, openAnalysedPage, waitForAnalysis, foreignRequests, WWW } from './lib/browser.mjs';
import { RIVER_AND_DRUG_REPORTS } from './lib/reports.mjs';

let session;
before(async () => {
  session = await openSession();
  await openAnalysedPage(session.page, session.origin);
});
after(async () => { await session?.close(); });

test('the service worker caches the page, the wasm and the assets on first load', async () => {
  const { page } = session;
  const cached = await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    const names = await caches.keys();
    const cache = await caches.open(names.find((n) => n.startsWith('report-analyzer-')));
    const keys = (await cache.keys()).map((r) => new URL(r.url).pathname);
    return { names, keys };
  });
  assert.ok(cached.names.some((n) => /^report-analyzer-v\d+/.test(n)), `a versioned cache: ${cached.names}`);
  // Every file the page loads, found on disk, so a new module cannot be forgotten in sw.js.
  const needed = readdirSync(WWW, { recursive: true })
    .filter((f) => /\.(html|js|css|txt|svg|wasm)$/.test(f) && f !== 'sw.js' && !f.endsWith('.d.ts'))
    .map((f) => `/${f.split(sep).join('/')}`);
  assert.ok(needed.includes('/pkg/report_analyzer_bg.wasm') && needed.includes('/ui/textview.js'));
  for (const path of needed) assert.ok(cached.keys.includes(path), `${path} is cached on first load`);
});

test('with the network off and the server stopped, a reload still analyses', async () => {
  const { page, context, server } = session;
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 10_000 });
  await waitForAnalysis(page);
  await context.setOffline(true);
  await server.stop();
  await page.reload();
  await waitForAnalysis(page);
  assert.ok((await page.locator('#documents .doc-title').count()) >= 2, 'the sample is analysed offline');
  await page.fill('#input', RIVER_AND_DRUG_REPORTS);
  await page.click('#analyze-now');
  await page.waitForFunction((text) => globalThis.reportAnalyzerPage.state.text === text && !globalThis.reportAnalyzerPage.state.busy, RIVER_AND_DRUG_REPORTS, { timeout: 20_000 });
  assert.match(await page.locator('#documents').textContent(), /禁毒工作计划/);
  await context.setOffline(false);
});

test('no request ever left the origin', () => {
  const foreign = foreignRequests(session.requests, session.origin);
  assert.deepEqual(foreign, []);
  assert.ok(session.requests.length > 10, 'requests were recorded');
});

test('the Content-Security-Policy is strict and the page runs under it', async () => {
  const { page } = session;
  const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  for (const directive of ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'", "connect-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'none'"]) {
    assert.ok(csp.includes(directive), `CSP has ${directive}`);
  }
  assert.equal(await page.locator('script:not([src])').count(), 0, 'no inline script');
  const html = readFileSync(join(WWW, 'index.html'), 'utf8');
  assert.doesNotMatch(html, /\sstyle=|<style|\son[a-z]+=/i, 'no inline styles or handlers in the HTML');
  const violations = session.consoleErrors.filter((e) => /Content Security Policy/i.test(e));
  assert.deepEqual(violations, []);
});
