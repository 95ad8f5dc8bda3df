// Serves the page, the tiles and fast-png (from the repository's node_modules) on 127.0.0.1, drives Debian's headless
// Chromium through playwright-core (no browser download) and prints one row per tile format.
// Usage: node run.mjs <tiles dir> <passes> <name>:<kind>:<decoded bytes per pixel>:<label> ...
//   <tiles dir>/<name>/ holds that format's tiles; kind is fastpng or bitmap (see bench.js).
import { createServer } from 'node:http';
import { readFile, readdir } from 'node:fs/promises';
import { join, normalize, extname, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, '..', '..', '..', 'node_modules');
const [tilesDir, passesArg, ...specs] = process.argv.slice(2);
const passes = Number(passesArg);
const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.png': 'image/png',
                '.jpg': 'image/jpeg' };

// Only three roots are served; anything else, or a path escaping its root, is a 404.
function resolve(url) {
  const p = normalize(decodeURIComponent(new URL(url, 'http://x').pathname));
  if (p === '/' || p === '/index.html') return join(here, 'index.html');
  if (p === '/bench.js') return join(here, 'bench.js');
  const m = p.match(/^\/node_modules\/(fast-png|fflate|iobuffer)\/(.+)$/);
  if (m) return join(modules, m[1], m[2]);
  if (p.startsWith('/tiles/')) return join(tilesDir, p.slice('/tiles/'.length));
  return null;
}
const server = createServer(async (req, res) => {
  const file = resolve(req.url);
  try {
    if (!file) throw new Error('not served');
    const body = await readFile(file);
    res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404); res.end();
  }
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const base = `http://127.0.0.1:${server.address().port}`;

const formats = [];
for (const spec of specs) {
  const [name, kind, bpp, ...label] = spec.split(':');
  const files = (await readdir(join(tilesDir, name))).sort();
  const mime = files[0].endsWith('.png') ? 'image/png' : 'image/jpeg';
  formats.push({ name, kind, mime, bpp: Number(bpp), label: label.join(':'),
                 tiles: files.map((f) => `/tiles/${name}/${f}`) });
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
         '--disable-sync', '--no-first-run'],
});
let results;
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error('page error:', e));
  await page.goto(`${base}/`);
  await page.waitForFunction(() => window.benchReady === true);
  console.log(`Chromium ${browser.version()}, one warm-up pass per format, then ${passes} interleaved rounds of one timed pass per format; median pass`);
  results = await page.evaluate((arg) => window.bench(arg), { formats, passes });
} finally {
  await browser.close();
  server.close();
}

const rows = results.map((r, i) => {
  const f = formats[i];
  const mbps = (256 * 256 * f.bpp) / 1e6 / (r.msPerTile / 1e3);
  return [f.label, String(r.tiles), (r.bytesPerTile / 1024).toFixed(1), r.msPerTile.toFixed(3), mbps.toFixed(0),
          (65536 / 1e6 / (r.msPerTile / 1e3)).toFixed(0)];
});
const head = ['format', 'tiles', 'KiB/tile', 'decode ms/tile', 'decoded MB/s', 'Mpx/s'];
const w = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
const line = (r) => '| ' + r.map((v, c) => (c === 0 ? v.padEnd(w[c]) : v.padStart(w[c]))).join(' | ') + ' |';
console.log(line(head));
console.log('|' + w.map((n, c) => (c === 0 ? '-'.repeat(n + 2) : '-'.repeat(n + 1) + ':')).join('|') + '|');
rows.forEach((r) => console.log(line(r)));
for (const [i, r] of results.entries())
  console.log(`  ${formats[i].name}: first tile ${JSON.stringify(r.check)}; pass ms ${r.passMs.map((t) => t.toFixed(0)).join(' ')}`);
