// Writes NAME.br and NAME.gz beside every asset of a folder (for servers that serve
// precompressed files, e.g. nginx gzip_static/brotli_static). Node's zlib only: no install.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const COMPRESSIBLE = /\.(html|js|mjs|css|wasm|json|txt|svg|webmanifest|map)$/;

function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (COMPRESSIBLE.test(name)) {
      const data = readFileSync(path);
      writeFileSync(path + '.br', brotliCompressSync(data, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
      }));
      writeFileSync(path + '.gz', gzipSync(data, { level: 9 }));
    }
  }
}

walk(process.argv[2] || 'dist');
