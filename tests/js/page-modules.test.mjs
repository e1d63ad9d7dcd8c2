// index.html asks for the page's whole module graph at once (<link rel="modulepreload">), so
// the modules arrive while the engine starts rather than one level of imports at a time. This
// keeps that list equal to what app.js really imports, followed through every module.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const WWW = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../www');

/** The relative static imports of a module (www-relative paths). */
function importsOf(file) {
  const source = readFileSync(path.join(WWW, file), 'utf8');
  const found = [...source.matchAll(/^\s*import\s[^'"]*['"](\.{1,2}\/[^'"]+)['"]/gm)].map((m) => m[1]);
  return found.map((spec) => path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)));
}

function moduleGraph(entry) {
  const seen = new Set();
  const stack = [entry];
  while (stack.length) {
    const file = stack.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    stack.push(...importsOf(file));
  }
  return seen;
}

test('index.html preloads exactly the modules app.js loads', () => {
  const html = readFileSync(path.join(WWW, 'index.html'), 'utf8');
  const preloaded = new Set([...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]));
  const graph = moduleGraph('app.js');
  assert.ok(graph.size > 5, `app.js's module graph looks too small: ${[...graph]}`);
  assert.deepEqual([...preloaded].sort(), [...graph].sort());
});
