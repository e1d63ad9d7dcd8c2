// Pasted text is data, never markup: HTML and script in a report must show as text, run
// nothing and fetch nothing. Headless Chromium on the real page (www/).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sessionOnPage, foreignRequests } from './lib/browser.mjs';

// Each payload would set window.__pwned if any part of the page ever parsed it as HTML.
const PAYLOADS = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=2</script>',
  '<a href="javascript:window.__pwned=3">x</a>',
  '<svg onload="window.__pwned=4"><circle r=1 /></svg>',
  '"><iframe src="https://evil.invalid/frame" onload="window.__pwned=5"></iframe>',
  "'><img src=\"https://evil.invalid/pixel.gif\" onerror=window.__pwned=6>",
  '<link rel="stylesheet" href="https://evil.invalid/style.css">',
  '<meta http-equiv="refresh" content="0;url=https://evil.invalid/">',
  '</textarea><body onload="window.__pwned=7">',
  '<style>@import url(https://evil.invalid/import.css);</style>',
  '{{constructor.constructor("window.__pwned=8")()}}',
];

// A report with the payloads in a title, a heading, sentences, figures and alone on lines,
// so every view that shows pieces of the input gets some.
const REPORT = [
  `关于<b>环境卫生</b>整治工作的通知${PAYLOADS[1]}`,
  `一、总体情况${PAYLOADS[0]}`,
  `今年以来共清运垃圾340吨${PAYLOADS[2]}，出动人员1,260人次。`,
  ...PAYLOADS,
  `二、存在问题：部分社区${PAYLOADS[3]}保洁不到位；<b>创卫</b>工作仍需加强。`,
  `会议强调，要压实责任${PAYLOADS[4]}。`,
].join('\n');

const opened = sessionOnPage(before, after);

test('pasted HTML and script stay text: nothing runs, nothing is fetched', { timeout: 90_000 }, async () => {
  const { page, requests, origin } = opened.session;
  await page.fill('#input', REPORT);
  await page.click('#analyze-now');
  await page.waitForFunction(
    (marker) => document.querySelector('#text-view')?.textContent.includes(marker)
      && document.querySelector('#results').getAttribute('aria-busy') === 'false',
    '会议强调，要压实责任',
    { timeout: 60_000 },
  );
  // Give a would-be onerror/onload handler time to fire.
  await page.waitForTimeout(1500);

  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'a payload ran');
  const textView = await page.textContent('#text-view');
  for (const payload of PAYLOADS) {
    assert.ok(textView.includes(payload), `the text view shows ${payload} as text`);
  }
  // Elements only the paste could have made (the page uses no inline handlers or frames).
  const injected = await page.evaluate(() => [...document.querySelectorAll(
    'img[src="x"], [src*="evil.invalid"], [href*="evil.invalid"], [onerror], [onload], a[href^="javascript:"], iframe, meta[http-equiv="refresh"]',
  )].map((el) => el.outerHTML.slice(0, 120)));
  assert.deepEqual(injected, [], 'elements made from the paste');

  assert.deepEqual(foreignRequests(requests, origin), [], 'requests left the origin');
  assert.ok(!requests.some((url) => url === `${origin}/x` || url.includes('evil')), requests.join('\n'));
  assert.equal(page.url(), `${origin}/index.html`, 'the page navigated away');
});
