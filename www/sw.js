// Offline support: the page, the wasm module and the assets are cached on first load.
// Network first (so an update shows on the next load), the cache when the network is off.
// Only same-origin GET requests are ever handled; the page makes no others.
const CACHE = 'report-analyzer-v2';
const ASSETS = [
  './',
  'index.html',
  'style.css',
  'app.js',
  'boot.js',
  'i18n.js',
  'worker.js',
  'sample.txt',
  'icon.svg',
  'ui/charts.js',
  'ui/dictionary.js',
  'ui/dom.js',
  'ui/exports.js',
  'ui/figures.js',
  'ui/files.js',
  'ui/keywords.js',
  'ui/model.js',
  'ui/overview.js',
  'ui/sections.js',
  'ui/textview.js',
  'ui/worker-client.js',
  'vendor/echarts.simple.min.js',
  'pkg/report_analyzer.js',
  'pkg/report_analyzer_bg.wasm',
];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(ASSETS)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) if (name !== CACHE) await caches.delete(name);
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    try {
      const response = await fetch(request);
      if (response.ok) cache.put(request, response.clone());
      return response;
    } catch (err) {
      const cached = await cache.match(request, { ignoreSearch: true });
      if (cached) return cached;
      throw err;
    }
  })());
});
