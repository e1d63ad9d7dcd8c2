// A person's session: paste a report, explore keywords and figures, extend the dictionary,
// export, switch language, and survive a crash of the analysis engine.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openSession, openAnalysedPage, waitForAnalysis, foreignRequests } from './lib/browser.mjs';
import { RIVER_AND_DRUG_REPORTS, USER_WORD } from './lib/reports.mjs';

let session;
before(async () => {
  session = await openSession({ viewport: { width: 1280, height: 900 } });
  await openAnalysedPage(session.page, session.origin);
});
after(async () => { await session?.close(); });

/** Waits until the page shows an analysis of exactly `text`. */
async function waitForAnalysisOf(page, text) {
  await page.waitForFunction((expected) => globalThis.reportAnalyzerPage?.state.text === expected
    && !globalThis.reportAnalyzerPage.state.busy, text, { timeout: 20_000 });
  await waitForAnalysis(page);
}

test('pasting a report replaces the analysis: documents and sections update', async () => {
  const { page } = session;
  await page.fill('#input', RIVER_AND_DRUG_REPORTS);
  await waitForAnalysisOf(page, RIVER_AND_DRUG_REPORTS);
  const titles = await page.locator('#documents .doc-title').allTextContents();
  assert.ok(titles.some((t) => t.includes('禁毒工作计划')), `new documents listed: ${titles}`);
  assert.ok(!titles.some((t) => t.includes('清溪街道')), 'the sample is gone');
  const sections = await page.locator('#sections .section-link').allTextContents();
  assert.ok(sections.some((s) => s.includes('工作目标')), `sections of the plan: ${sections}`);
  assert.match(await page.locator('#documents').textContent(), /禁毒/);
});

test('typing is debounced: a burst of edits ends in one analysis of the final text', async () => {
  const { page } = session;
  const calls = await page.evaluate(() => {
    const client = globalThis.reportAnalyzerPage.client;
    const original = client.call.bind(client);
    globalThis.analyzeCalls = 0;
    client.call = (op, ...rest) => { if (op === 'analyze') globalThis.analyzeCalls++; return original(op, ...rest); };
    return globalThis.analyzeCalls;
  });
  assert.equal(calls, 0);
  await page.locator('#input').focus();
  await page.keyboard.press('End');
  await page.keyboard.press('Control+End');
  await page.keyboard.type('补充说明。', { delay: 30 });
  const finalText = await page.inputValue('#input');
  await waitForAnalysisOf(page, finalText);
  const analyzeCalls = await page.evaluate(() => globalThis.analyzeCalls);
  assert.ok(analyzeCalls >= 1 && analyzeCalls <= 2, `typing 5 characters ran ${analyzeCalls} analyses`);
});

test('clicking a keyword bar lists its occurrences and highlights them in the text', async () => {
  const { page } = session;
  await page.selectOption('#kw-metric', 'count');
  await page.selectOption('#kw-top', '10');
  await page.locator('#kw-chart').scrollIntoViewIfNeeded();
  // Pixel position of the first (top) bar, from the chart itself.
  const target = await page.evaluate(() => {
    const el = document.querySelector('#kw-chart');
    const chart = globalThis.echarts.getInstanceByDom(el);
    const option = chart.getOption();
    const term = option.yAxis[0].data[0];
    const value = option.series[0].data[0];
    const [x, y] = chart.convertToPixel({ seriesIndex: 0 }, [value / 2, 0]);
    const box = el.getBoundingClientRect();
    return { term, x: box.left + x, y: box.top + y };
  });
  await page.mouse.click(target.x, target.y);
  await page.locator('#occurrences li').first().waitFor({ timeout: 10_000 });
  const expected = RIVER_AND_DRUG_REPORTS.split(target.term).length - 1;
  const listed = await page.locator('#occurrences li').count();
  assert.ok(listed >= 1, 'occurrences listed');
  assert.ok(listed <= expected + 1, `${listed} occurrences of ${target.term}, the text holds ${expected}`);
  assert.match(await page.textContent('#occurrences-title'), new RegExp(target.term));
  const hits = await page.locator('#text-view mark.hit').allTextContents();
  assert.ok(hits.length >= listed, `${hits.length} highlights for ${listed} occurrences`);
  assert.ok(hits.join('').includes(target.term), `highlights hold ${target.term}: ${hits.slice(0, 3)}`);
  // The keyboard twin of the chart: the list of keywords as buttons.
  await page.locator('.kw-list-box summary').click();
  const second = page.locator('#kw-list .kw-item').nth(1);
  const secondTerm = await second.getAttribute('data-term');
  await second.click();
  await page.waitForFunction((term) => document.querySelector('#occurrences-title').textContent.includes(term), secondTerm);
  await page.click('#clear-hits');
  assert.equal(await page.locator('#text-view mark.hit').count(), 0, 'highlights cleared');
});

test('keyword metric and scope switches redraw the chart', async () => {
  const { page } = session;
  const labels = () => page.evaluate(() => globalThis.echarts.getInstanceByDom(document.querySelector('#kw-chart')).getOption().yAxis[0].data);
  await page.selectOption('#kw-top', '20');
  const byCount = await labels();
  await page.selectOption('#kw-metric', 'textrank');
  const byRank = await labels();
  assert.ok(byCount.length > 5 && byRank.length > 5);
  assert.notDeepEqual(byRank, byCount, 'a different ranking');
  const scopes = await page.locator('#kw-scope option').evaluateAll((os) => os.map((o) => o.value));
  assert.ok(scopes.some((s) => s.startsWith('doc:')) && scopes.some((s) => s.startsWith('cat:')), `scopes: ${scopes}`);
  const docScope = scopes.find((s) => s.startsWith('doc:'));
  await page.selectOption('#kw-scope', docScope);
  const expected = await page.evaluate((i) => globalThis.reportAnalyzerPage.state.analysis.documents[i].keywords.map((k) => k.term), Number(docScope.slice(4)));
  for (const term of await labels()) assert.ok(expected.includes(term), `${term} is a keyword of that document`);
  await page.selectOption('#kw-scope', 'all');
  await page.selectOption('#kw-metric', 'count');
});

test('the word cloud shows the same words, biggest first, and leads to occurrences', async () => {
  const { page } = session;
  const bars = await page.evaluate(() => globalThis.echarts.getInstanceByDom(document.querySelector('#kw-chart')).getOption().yAxis[0].data);
  await page.selectOption('#kw-view', 'cloud');
  assert.equal(await page.locator('#kw-chart').isHidden(), true);
  const words = await page.locator('#kw-cloud .cloud-word').allTextContents();
  assert.deepEqual(words, bars, 'the cloud holds the chart\'s words');
  const sizes = await page.locator('#kw-cloud .cloud-word').evaluateAll((els) => els.map((el) => parseFloat(getComputedStyle(el).fontSize)));
  assert.ok(sizes[0] > sizes[sizes.length - 1], `the first word is the biggest: ${sizes[0]} vs ${sizes.at(-1)}`);
  await page.locator('#kw-cloud .cloud-word').first().click();
  await page.waitForFunction((term) => document.querySelector('#occurrences-title').textContent.includes(term), words[0]);
  await page.selectOption('#kw-view', 'bars');
  assert.equal(await page.locator('#kw-chart').isVisible(), true);
});

test('the figures table filters by type, document and text; a row leads to its place', async () => {
  const { page } = session;
  await page.selectOption('#fig-type', 'figure');
  await page.fill('#fig-search', '次');
  const rows = page.locator('#fig-body tr');
  const texts = await page.locator('#fig-body td.fig-text').allTextContents();
  assert.ok(texts.length >= 1, 'some figure has 次');
  for (const t of texts) assert.ok(t.includes('次'), `${t} matches the search`);
  assert.match(await page.textContent('#fig-count'), new RegExp(`${texts.length}`));
  await rows.first().click();
  const hit = page.locator('#text-view mark.hit');
  await hit.first().waitFor();
  assert.equal(await hit.first().textContent(), texts[0]);
  await page.locator('#text-view .flash').first().waitFor();
  await page.fill('#fig-search', 'no such figure 无此数字');
  assert.equal(await page.locator('#fig-body td.fig-text').count(), 0);
  await page.fill('#fig-search', '');
  await page.selectOption('#fig-type', 'all');
  const docs = await page.locator('#fig-doc option').count();
  assert.ok(docs >= 3, 'a filter per document');
});

test('a user word becomes a keyword; it is stored only when "remember" is ticked', async () => {
  const { page } = session;
  await page.fill('#user-word', USER_WORD);
  await page.click('#user-word-add');
  await page.waitForFunction((word) => globalThis.reportAnalyzerPage.state.analysis.keywords.some((k) => k.term === word), USER_WORD, { timeout: 20_000 });
  await waitForAnalysis(page);
  assert.ok(await page.locator('#user-words .chip', { hasText: USER_WORD }).count() === 1, 'the word is listed');
  const labels = await page.evaluate(() => globalThis.echarts.getInstanceByDom(document.querySelector('#kw-chart')).getOption().yAxis[0].data);
  assert.ok(labels.includes(USER_WORD), `${USER_WORD} is in the chart: ${labels}`);
  assert.equal(await page.evaluate(() => localStorage.length), 0, 'nothing stored without consent');
  await page.check('#remember');
  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem('report-analyzer.dictionary')));
  assert.deepEqual(stored.user_words, [USER_WORD]);
  await page.uncheck('#remember');
  assert.equal(await page.evaluate(() => localStorage.length), 0, 'forgotten when unticked');
  await page.fill('#stop-word', '桃源');
  await page.press('#stop-word', 'Enter');
  await page.waitForFunction(() => !globalThis.reportAnalyzerPage.state.analysis.keywords.some((k) => k.term === '桃源'), null, { timeout: 20_000 });
});

test('exports: the contract JSON, CSV with a BOM and the Markdown summary', async () => {
  const { page } = session;
  const save = async (button) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
    return { name: download.suggestedFilename(), body: readFileSync(await download.path(), 'utf8') };
  };
  const json = await save('#export-json');
  assert.match(json.name, /\.json$/);
  const analysis = JSON.parse(json.body);
  assert.equal(analysis.schema_version, 1);
  assert.ok(analysis.documents.length >= 2);
  assert.equal(analysis.stats.chars, (await page.inputValue('#input')).length);
  const sentences = await save('#export-sentences');
  assert.ok(sentences.body.startsWith('\uFEFF"document"'), 'CSV starts with a BOM and a header');
  assert.match(sentences.body, /"measure"|"plan"|"result"/);
  const figures = await save('#export-figures');
  assert.match(figures.body, /"figure"/);
  const keywords = await save('#export-keywords');
  assert.match(keywords.body, /"all","1",/);
  const md = await save('#export-md');
  assert.match(md.body, /^# 报告分析摘要/);
  assert.match(md.body, /禁毒工作计划/);
  await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.origin });
  await page.click('#export-md-copy');
  await page.waitForFunction(() => document.querySelector('#export-status').textContent.length > 0);
  assert.match(await page.textContent('#export-status'), /已复制/);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, md.body, 'the copied summary is the downloaded one');
  const png = await Promise.all([page.waitForEvent('download'), page.click('#export-png-keywords')]);
  const bytes = readFileSync(await png[0].path());
  assert.equal(bytes.subarray(1, 4).toString(), 'PNG');
});

test('English and back: labels, lang attribute and the analysis follow', async () => {
  const { page } = session;
  await page.click('#lang-switch');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.textContent('h1'), 'Report Analyzer');
  assert.match(await page.textContent('#matrix thead'), /Measure/);
  assert.match(await page.textContent('#legend'), /Directive/);
  assert.equal(await page.textContent('#lang-switch'), '中文');
  assert.match(await page.textContent('#status'), /^Done: \d+ documents/, 'the status is said again in English');
  assert.match(await page.locator('#documents').textContent(), /Summary|Plan|Bulletin|Meeting/);
  await page.click('#lang-switch');
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  assert.equal(await page.textContent('h1'), '报告分析器');
  assert.match(await page.textContent('#matrix thead'), /做法/);
});

test('clear messages: empty input and an engine crash (restarted, then working again)', async () => {
  const { page } = session;
  await page.click('#clear-input');
  await page.click('#analyze-now');
  await page.locator('#error').waitFor({ state: 'visible' });
  assert.match(await page.textContent('#error'), /文本为空/);
  const crash = await page.evaluate(() => globalThis.reportAnalyzerPage.client.call('selftest-panic', {}).then(() => 'no error', (e) => e.message));
  assert.match(crash, /deliberate panic/, 'the panic message comes back');
  assert.match(await page.textContent('#error'), /崩溃.*重启/);
  await page.fill('#input', RIVER_AND_DRUG_REPORTS);
  await page.click('#analyze-now');
  await waitForAnalysisOf(page, RIVER_AND_DRUG_REPORTS);
  assert.equal(await page.locator('#error').isHidden(), true, 'the error is gone after a good analysis');
  assert.deepEqual(foreignRequests(session.requests, session.origin), []);
});
