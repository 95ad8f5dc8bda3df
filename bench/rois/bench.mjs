// The measuring half of bench/rois/run.sh: seeds the scene through the GraphQL API (an image, an annotation, a
// drawing layer of N regions saved in parts), then in headless Chromium (the browser tests' flags) opens the viewer
// page N rounds in fresh contexts and measures: navigation → every region drawn (the overlay's data-roi-drawn),
// the overlay's paint time at the fitted view, and animation-frame intervals plus overlay paint times during a
// scripted wheel zoom and drag pan over the regions. Then the spatial index (drawing/grid-index.js, imported as is)
// on the same shapes: build time and the time of a hit test at random points. Prints Markdown.
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { graphql, signIn, upload } from '../../scripts/scene.mjs';
import { GridIndex } from '../../wwwroot/js/viewer/drawing/grid-index.js';
import { makeShape, hits } from '../../wwwroot/js/viewer/drawing/shapes.js';

const { values: args } = parseArgs({ options: {
  url: { type: 'string' }, user: { type: 'string' }, password: { type: 'string' }, image: { type: 'string' },
  regions: { type: 'string', default: '100000' }, rounds: { type: 'string', default: '3' },
} });
const N = Number(args.regions);
const SIZE = 8000;
const token = await signIn(args.url, args.user, args.password);
const q = (query, variables) => graphql(args.url, token, query, variables);

// ---- the scene ----
const project = (await q('mutation($n: String!) { createProject(input: { name: $n }) { project { id } } }', { n: `ROI bench ${new Date().toISOString()}` })).createProject.project.id;
const category = (await q('mutation($p: Long!) { createCategory(input: { projectId: $p, name: "Bench" }) { category { id } } }', { p: project })).createCategory.category.id;
const uploaded = await upload(args.url, token, 'mutation($p: Long!, $file: Upload) { uploadImage(input: { projectId: $p, name: "cells", format: 5, file: $file }) { image { id } } }', { p: project }, args.image);
const imageId = uploaded.uploadImage.image.id;
for (;;) {
  const { image } = await q('query($i: Long!) { image(id: $i) { state error } }', { i: imageId });
  if (image.state === 'READY') break;
  if (image.state === 'FAILED') throw new Error(image.error);
  await new Promise((ok) => setTimeout(ok, 500));
}
const annotation = (await q('mutation($c: Long!, $i: Long) { createAnnotation(input: { categoryId: $c, name: "100k cells", layer: { name: "Cells", imageId: $i, sequence: 1 } }) { annotation { id } } }',
  { c: category, i: imageId })).createAnnotation.annotation.id;
const layer = (await q('mutation($a: Long!) { createLayer(input: { annotationId: $a, name: "Segmentation", kind: DRAWING, sequence: 0 }) { layer { id } } }',
  { a: annotation })).createLayer.layer.id;

// Cells on a jittered grid, 8-vertex outlines of 6-14 px radius (a deterministic generator: the same scene each run).
let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pitch = SIZE / Math.ceil(Math.sqrt(N));
const cells = [];
for (let i = 0; i < N; i++) {
  const col = i % Math.ceil(Math.sqrt(N)), row = Math.floor(i / Math.ceil(Math.sqrt(N)));
  const cx = (col + 0.5) * pitch + (random() - 0.5) * pitch * 0.3, cy = (row + 0.5) * pitch + (random() - 0.5) * pitch * 0.3;
  const r = 6 + random() * 8;
  const points = [];
  for (let k = 0; k < 8; k++) {
    const a = (k / 8) * Math.PI * 2, rr = r * (0.8 + random() * 0.4);
    points.push({ x: Math.round((cx + Math.cos(a) * rr) * 100) / 100, y: Math.round((cy + Math.sin(a) * rr) * 100) / 100 });
  }
  cells.push(points);
}
const seedStarted = Date.now();
let version = null;
const PART = 2000;
for (let from = 0; from < N; from += PART) {
  const regions = cells.slice(from, from + PART).map((shape) => ({ type: 'polygon', shape, style: { stroke: '#00e5ff', fill: false } }));
  const data = await q('mutation($input: SaveRegionsInput!) { saveRegions(input: $input) { version } }',
    { input: { layerId: layer, regions, expectedVersion: version, append: from > 0 } });
  version = data.saveRegions.version;
}
console.error(`seeded ${N} regions in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s`);

// ---- the browser ----
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
         '--disable-sync', '--no-first-run'],
});
const pct = (values, p) => { const s = [...values].sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : NaN; };
const f1 = (v) => (Number.isFinite(v) ? v.toFixed(1) : 'n/a');

async function newPage() {
  const context = await browser.newContext({ viewport: { width: 1600, height: 900 }, deviceScaleFactor: 1 });
  await context.addInitScript(() => {
    window.roiBench = { drawnAt: null, paints: [], frames: [], on: false };
    new MutationObserver(() => {
      const c = document.querySelector('[data-viewer-canvas]');
      if (!c) return;
      if (window.roiBench.drawnAt === null && Number(c.dataset.roiDrawn) > 0) window.roiBench.drawnAt = performance.now();
      if (window.roiBench.on && c.dataset.roiMs) window.roiBench.paints.push(Number(c.dataset.roiMs));
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-roi-drawn', 'data-roi-ms'], childList: true });
    window.roiBench.start = () => {
      const b = window.roiBench;
      b.frames = []; b.paints = []; b.on = true;
      const tick = (t) => { if (!b.on) return; b.frames.push(t); requestAnimationFrame(tick); };
      requestAnimationFrame(tick);
    };
  });
  const page = await context.newPage();
  await page.goto(`${args.url}/login`);
  await page.fill('input[name=userName]', args.user);
  await page.fill('input[name=password]', args.password);
  await page.click('form button[type=submit]');
  await page.waitForURL((url) => !url.pathname.includes('/login'));
  return { context, page };
}

const opens = [], firstPaints = [], intervals = [], paints = [], drawnAtFit = [];
for (let round = 0; round < Number(args.rounds); round++) {
  const { context, page } = await newPage();
  await page.goto(`${args.url}/projects/${project}/viewer/annotations/${annotation}`);
  await page.waitForFunction(() => window.roiBench.drawnAt !== null, null, { timeout: 120000 });
  opens.push(await page.evaluate(() => window.roiBench.drawnAt));
  firstPaints.push(Number(await page.getAttribute('[data-viewer-canvas]', 'data-roi-ms')));
  drawnAtFit.push(Number(await page.getAttribute('[data-viewer-canvas]', 'data-roi-drawn')));
  // Zoom in at three points and out again, then drag across: the overlay repaints with every view.
  const box = await page.locator('[data-viewer-canvas]').boundingBox();
  const cx = box.x + box.width / 2, cy = box.y + box.height / 2;
  await page.evaluate(() => window.roiBench.start());
  for (const [dx, dy] of [[0, 0], [-300, -150], [250, 120]]) {
    await page.mouse.move(cx + dx, cy + dy);
    for (let i = 0; i < 12; i++) { await page.mouse.wheel(0, -100); await page.waitForTimeout(30); }
    for (let i = 0; i < 12; i++) { await page.mouse.wheel(0, 100); await page.waitForTimeout(30); }
  }
  for (let i = 0; i < 6; i++) { await page.mouse.wheel(0, -100); await page.waitForTimeout(30); }
  await page.mouse.move(cx - 300, cy);
  await page.mouse.down();
  for (let i = 0; i < 40; i++) await page.mouse.move(cx - 300 + i * 15, cy + Math.sin(i / 6) * 80);
  await page.mouse.up();
  const result = await page.evaluate(() => { window.roiBench.on = false; return { frames: window.roiBench.frames, paints: window.roiBench.paints }; });
  for (let i = 1; i < result.frames.length; i++) intervals.push(result.frames[i] - result.frames[i - 1]);
  paints.push(...result.paints);
  await context.close();
}
await browser.close();

// ---- the index, on the same shapes, in Node ----
const shapes = cells.map((points) => makeShape('polygon', points.flatMap((p) => [p.x, p.y])));
let started = performance.now();
const index = new GridIndex(shapes);
const buildMs = performance.now() - started;
const hitTimes = [];
let found = 0;
for (let i = 0; i < 2000; i++) {
  const x = random() * SIZE, y = random() * SIZE, tolerance = 6;
  started = performance.now();
  let best = null;
  index.query(x - tolerance, y - tolerance, x + tolerance, y + tolerance, (s) => { if ((!best || s.seq > best.seq) && hits(s, x, y, tolerance)) best = s; });
  hitTimes.push(performance.now() - started);
  if (best) found++;
}

console.log(`\n${N} regions (8-vertex polygons) on an ${SIZE}x${SIZE} image, ${args.rounds} rounds, 1600x900, headless Chromium (software rendering)\n`);
console.log('| measure | p50 | p95 | max |');
console.log('|---|---|---|---|');
console.log(`| open: navigation → all regions drawn (ms) | ${f1(pct(opens, 50))} | ${f1(pct(opens, 95))} | ${f1(Math.max(...opens))} |`);
console.log(`| overlay paint at the fitted view, ${drawnAtFit[0]} regions (ms) | ${f1(pct(firstPaints, 50))} | ${f1(pct(firstPaints, 95))} | ${f1(Math.max(...firstPaints))} |`);
console.log(`| frame interval while zooming and panning (ms, ${intervals.length} frames) | ${f1(pct(intervals, 50))} | ${f1(pct(intervals, 95))} | ${f1(Math.max(...intervals))} |`);
console.log(`| overlay paint per view while zooming and panning (ms, ${paints.length} paints) | ${f1(pct(paints, 50))} | ${f1(pct(paints, 95))} | ${f1(Math.max(...paints))} |`);
console.log(`| hit test at a point through the grid index (ms, 2000 points, ${found} hits) | ${pct(hitTimes, 50).toFixed(4)} | ${pct(hitTimes, 95).toFixed(4)} | ${Math.max(...hitTimes).toFixed(3)} |`);
console.log(`| grid index build over ${N} shapes (ms, Node) | ${f1(buildMs)} | | |`);
