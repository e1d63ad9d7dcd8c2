// Shared by the end-to-end tests: a static server for www/ on a free loopback port and a
// headless Chromium (playwright-core) with a fresh profile. Every request the page makes is
// recorded, so a test can assert that nothing left the origin.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const WWW = join(REPO_ROOT, 'www');
export const SCREENSHOTS = join(REPO_ROOT, 'target/screenshots');

export const CHROMIUM_ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
  '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolvePort(port));
    });
  });
}

/** Serves `root` (default www/) with tools/serve.py; resolves once it answers. */
export async function startServer(root = WWW) {
  const port = await freePort();
  const child = spawn('python3', [join(REPO_ROOT, 'tools/serve.py'), '--host', '127.0.0.1', '--port', String(port), root], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr += chunk; });
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`static server exited: ${stderr}`);
    try {
      const response = await fetch(`${origin}/index.html`, { method: 'HEAD' });
      if (response.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`static server did not start on ${origin}: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    origin,
    port,
    stop: () => new Promise((done) => {
      if (child.exitCode !== null) return done();
      child.once('exit', done);
      child.kill('SIGTERM');
    }),
  };
}

/** Headless Chromium with a throw-away profile. Returns {browser, context, close}. */
export async function launchBrowser({ viewport = { width: 1280, height: 900 }, acceptDownloads = true } = {}) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'ra-e2e-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROME_BIN || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
    viewport,
    acceptDownloads,
    locale: 'zh-CN',
    serviceWorkers: 'allow',
  });
  return {
    context,
    close: async () => {
      await context.close().catch(() => {});
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * One server + one browser + one page, with every request URL and console error recorded.
 * `session.close()` stops everything.
 */
export async function openSession(options = {}) {
  const server = await startServer(options.root);
  const { context, close } = await launchBrowser(options);
  const page = context.pages()[0] ?? await context.newPage();
  const requests = [];
  const consoleErrors = [];
  context.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(message.text()); });
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  return {
    server, context, page, requests, consoleErrors,
    origin: server.origin,
    close: async () => {
      await close();
      await server.stop();
    },
  };
}

/**
 * A session on the page for every test of a file: opened before them (`before`), closed after
 * (`after`); read it as `holder.session` inside a test.
 */
export function sessionOnPage(before, after, path = '/index.html') {
  const holder = { session: null };
  before(async () => {
    holder.session = await openSession();
    await holder.session.page.goto(`${holder.session.origin}${path}`);
  });
  after(async () => {
    await holder.session?.close();
  });
  return holder;
}

/** Requests that went anywhere but the page's origin (data: and blob: URLs are local). */
export function foreignRequests(requests, origin) {
  return requests.filter((url) => !url.startsWith(`${origin}/`) && !/^(data|blob):/.test(url));
}

/** Opens the page and waits until the preloaded sample is analysed and drawn. */
export async function openAnalysedPage(page, origin, timeout = 30_000) {
  await page.goto(`${origin}/index.html`);
  await waitForAnalysis(page, timeout);
}

/** Waits for a rendered analysis: documents listed, text view filled, keyword chart drawn. */
export async function waitForAnalysis(page, timeout = 30_000) {
  await page.waitForFunction(() => {
    const docs = document.querySelectorAll('#documents li').length;
    const sentences = document.querySelectorAll('#text-view .s').length;
    const canvas = document.querySelector('#kw-chart canvas');
    return docs > 0 && sentences > 0 && canvas && canvas.width > 0 && canvas.height > 0
      && document.querySelector('#results').getAttribute('aria-busy') === 'false';
  }, null, { timeout });
}

export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}
