// The page as it opens: the preloaded sample analysed and drawn, readable at desktop and
// phone widths, keyboard-usable, and nothing requested from another origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSession, openAnalysedPage, foreignRequests, screenshot, WWW } from './lib/browser.mjs';

let session;
before(async () => {
  session = await openSession({ viewport: { width: 1280, height: 900 } });
  await openAnalysedPage(session.page, session.origin);
});
after(async () => { await session?.close(); });

test('the sample is analysed on open: documents, matrix, sections, chart', async () => {
  const { page } = session;
  const sample = readFileSync(join(WWW, 'sample.txt'), 'utf8');
  assert.equal(await page.inputValue('#input'), sample, 'the textarea holds the sample');
  const titles = await page.locator('#documents .doc-title').allTextContents();
  assert.ok(titles.length >= 2, `documents listed: ${titles}`);
  assert.ok(titles.some((t) => t.includes('安全生产工作总结')), `the summary is found: ${titles}`);
  assert.equal(await page.locator('#matrix tbody tr').count(), titles.length, 'one matrix row per document');
  assert.ok(await page.locator('#sections .section-link').count() >= 4, 'the heading outline is shown');
  const canvas = await page.locator('#kw-chart canvas').boundingBox();
  assert.ok(canvas.width > 200 && canvas.height > 100, `keyword chart drawn: ${JSON.stringify(canvas)}`);
  const totals = await page.locator('#totals-chart canvas').boundingBox();
  assert.ok(totals.width > 100 && totals.height > 100, 'totals chart drawn');
  assert.match(await page.textContent('#status'), /分析完成/);
});

test('the text view shows the input exactly, as text, coloured per sentence', async () => {
  const { page } = session;
  const check = await page.evaluate(() => {
    const { state } = globalThis.reportAnalyzerPage;
    const sentences = [...document.querySelectorAll('#text-view .s')];
    const mismatches = sentences.filter((el, i) => {
      const entry = state.analysis.documents.flatMap((d) => d.blocks.flatMap((b) => b.sentences))[i];
      return el.textContent !== state.text.slice(entry.start, entry.end);
    }).length;
    const categories = new Set(sentences.map((el) => [...el.classList].find((c) => c.startsWith('cat-'))));
    return {
      sentences: sentences.length, mismatches, categories: [...categories],
      noise: document.querySelectorAll('#text-view .kind-noise').length,
      figures: document.querySelectorAll('#text-view mark.fig').length,
      keywords: document.querySelectorAll('#text-view mark.kw').length,
      focusable: sentences.every((el) => el.tabIndex === 0),
    };
  });
  assert.ok(check.sentences > 20);
  assert.equal(check.mismatches, 0, 'every sentence span shows text.slice(start, end)');
  assert.ok(check.categories.length >= 4, `several categories coloured: ${check.categories}`);
  assert.ok(check.noise >= 1, 'web noise is greyed');
  assert.ok(check.figures >= 5, 'figures are marked');
  assert.ok(check.keywords >= 5, 'keywords are marked');
  assert.ok(check.focusable, 'sentences are keyboard-focusable');
});

test('focusing a sentence shows its category, confidence and cues; Esc closes it', async () => {
  const { page } = session;
  // The first sentence whose classification has cues to show.
  const index = await page.evaluate(() => globalThis.reportAnalyzerPage.state.analysis.documents
    .flatMap((d) => d.blocks.flatMap((b) => b.sentences)).findIndex((s) => s.cues?.length > 0));
  assert.ok(index >= 0, 'some sentence has cues');
  const firstCue = await page.evaluate((i) => globalThis.reportAnalyzerPage.state.analysis.documents
    .flatMap((d) => d.blocks.flatMap((b) => b.sentences))[i].cues[0].feature, index);
  const sentence = page.locator(`#text-view .s[data-i="${index}"]`);
  await sentence.focus();
  const popup = page.locator('#cue-popup');
  await popup.waitFor({ state: 'visible' });
  const text = await popup.textContent();
  assert.match(text, /功能：(概况|做法|成效|问题|计划|要求|其他)/);
  assert.ok(text.includes(firstCue), `the deciding cue ${firstCue} is shown: ${text}`);
  assert.match(text, /置信度 \d+%/);
  assert.match(text, /规则/);
  assert.equal(await sentence.getAttribute('aria-describedby'), 'cue-popup');
  await page.keyboard.press('Escape');
  await popup.waitFor({ state: 'hidden' });
  // Noise has no sentences: the greyed block itself says which rule set it aside.
  const noise = page.locator('#text-view .kind-noise').first();
  const rule = await noise.getAttribute('data-rule');
  assert.match(rule, /^noise:/);
  await noise.focus();
  await popup.waitFor({ state: 'visible' });
  assert.ok((await popup.textContent()).includes(rule), 'the noise rule is shown');
  await page.keyboard.press('Escape');
  await popup.waitFor({ state: 'hidden' });
});

test('clicking a section heading scrolls the text view to it', async () => {
  const { page } = session;
  const link = page.locator('#sections .section-link', { hasText: '存在的问题' });
  await link.click();
  const flashed = page.locator('#text-view .flash');
  await flashed.first().waitFor();
  assert.match(await flashed.first().textContent(), /存在的问题/);
  await page.waitForFunction(() => {
    const el = document.querySelector('#text-view .flash');
    const view = document.querySelector('#text-view').getBoundingClientRect();
    const r = el.getBoundingClientRect();
    return r.top >= view.top - 1 && r.bottom <= view.bottom + 1;
  }, null, { timeout: 5000 });
});

test('desktop screenshot; no console errors; no request left the origin', async () => {
  const { page } = session;
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'desktop-1280');
  await page.locator('#keywords-section').scrollIntoViewIfNeeded();
  await screenshot(page, 'desktop-1280-keywords');
  assert.deepEqual(session.consoleErrors, []);
  assert.deepEqual(foreignRequests(session.requests, session.origin), []);
  assert.ok(session.requests.some((u) => u.endsWith('/pkg/report_analyzer_bg.wasm')), 'the wasm came from the origin');
});

test('phone width (390 px): analysed, no horizontal scrolling, screenshots', async () => {
  const phone = await openSession({ viewport: { width: 390, height: 844 } });
  try {
    await openAnalysedPage(phone.page, phone.origin);
    const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone`);
    await screenshot(phone.page, 'phone-390-top');
    await phone.page.locator('#overview-section').scrollIntoViewIfNeeded();
    await screenshot(phone.page, 'phone-390-overview');
    await phone.page.locator('#text-section').scrollIntoViewIfNeeded();
    await screenshot(phone.page, 'phone-390-text');
    assert.deepEqual(foreignRequests(phone.requests, phone.origin), []);
  } finally {
    await phone.close();
  }
});

test('dark colour scheme is followed', async () => {
  const { page } = session;
  await page.emulateMedia({ colorScheme: 'dark' });
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  // The chart's axis labels follow the scheme too (light text on the dark panel).
  const axisColorOf = () => globalThis.echarts.getInstanceByDom(document.querySelector('#kw-chart')).getOption().yAxis[0].axisLabel.color;
  await page.waitForFunction(() => {
    const color = globalThis.echarts.getInstanceByDom(document.querySelector('#kw-chart')).getOption().yAxis[0].axisLabel.color;
    return parseInt(color.slice(1, 3), 16) > 0xa0;
  }, null, { timeout: 5000 }).catch(() => { /* the assertion below says what was found */ });
  const axisColor = await page.evaluate(axisColorOf);
  await page.locator('#keywords-section').scrollIntoViewIfNeeded();
  await screenshot(page, 'desktop-1280-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  const [r, g, b] = background.match(/\d+/g).map(Number);
  assert.ok(r + g + b < 150, `dark background: ${background}`);
  const light = parseInt(axisColor.slice(1, 3), 16);
  assert.ok(light > 0xa0, `axis labels are light in the dark: ${axisColor}`);
});
