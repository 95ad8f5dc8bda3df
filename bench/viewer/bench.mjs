// The measuring half of bench/viewer/run.sh: serves the bare pages of OpenSeadragon (bench/viewer/osd/), OpenLayers
// (bench/viewer/ol/) and our canvas alone (bench/viewer/canvas/), with the libraries from the repository's
// node_modules, on 127.0.0.1; drives Debian's headless Chromium through playwright-core and prints Markdown tables.
// Every viewer opens the same signed Deep Zoom pyramids from the running Memento server; ours also as the product's
// viewer page. Viewers: osd, osd-canvas, ol, canvas, memento (--viewers).
//   first   — navigation to the complete sharp first view, and the tile requests, per case (RGB, 4 channels);
//   frames  — requestAnimationFrame intervals during a scripted wheel zoom and drag pan across the RGB image;
//   repaint — ours: an intensity slider of the 4-channel annotation moved, to the next frames;
//   memory  — a long scripted pan at full resolution: each viewer's tile cache, the JS heap, renderer and GPU
//             process memory, sampled as it goes.
// Each part runs the viewers in interleaved rounds (the order alternating), every round in a fresh browser context
// (an empty HTTP cache), so load from other processes falls on both alike.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { readFileSync, readdirSync } from 'node:fs';
import { join, normalize, extname, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, '..', '..', 'node_modules');
const { values: args } = parseArgs({ options: {
  url: { type: 'string' }, user: { type: 'string' }, password: { type: 'string' }, scene: { type: 'string' },
  rounds: { type: 'string', default: '7' }, parts: { type: 'string', default: 'first,frames,repaint,memory' },
  viewers: { type: 'string', default: 'osd,osd-canvas,ol,canvas,memento' }, 'frame-rounds': { type: 'string', default: '3' },
  'memory-seconds': { type: 'string', default: '120' },
} });
const scene = JSON.parse(readFileSync(args.scene, 'utf8'));
const rounds = Number(args.rounds);
const parts = new Set(args.parts.split(','));
const viewers = args.viewers.split(',');
const WINDOW = { width: 1600, height: 900 };
const FRAME = 1000 / 60;
// osd: OpenSeadragon with its default drawer (WebGL); osd-canvas: with its Canvas 2D drawer
// canvas: our Viewer alone on a bare page like OpenSeadragon's; memento: the product's viewer page
const LABEL = { osd: 'OpenSeadragon 6.1.1 (WebGL drawer)', 'osd-canvas': 'OpenSeadragon 6.1.1 (canvas drawer)',
                canvas: 'Memento canvas (bare page)', memento: 'Memento viewer page', ol: 'OpenLayers 10.11 (WebGLTile)' };
const isOsd = (viewer) => viewer.startsWith('osd');
// the bare pages that expose window.bench.sharpAt themselves (OpenSeadragon's fully-loaded, OpenLayers' rendercomplete)
const ownSharp = (viewer) => isOsd(viewer) || viewer === 'ol';

// ---- the OpenSeadragon page's static server: three roots, anything else (or a path escaping one) is a 404 ----
const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css' };
function resolve(url) {
  const p = normalize(decodeURIComponent(new URL(url, 'http://x').pathname));
  if (p === '/openseadragon.min.js') return join(modules, 'openseadragon', 'build', 'openseadragon', 'openseadragon.min.js');
  const m = p.match(/^\/(osd|canvas|ol)\/([a-z-]+\.(?:html|js|css))$/);
  if (m) return join(here, m[1], m[2]);
  // our canvas's modules, served unchanged from wwwroot for the bare-page variant
  // OpenLayers and its three dependencies, as ES modules (no bundle)
  const o = p.match(/^\/node_modules\/(ol|rbush|quickselect|earcut)\/([\w./-]+\.(?:js|css))$/);
  if (o && !o[2].includes('..')) return join(modules, o[1], o[2]);
  const c = p.match(/^\/js\/viewer\/canvas\/([a-z0-9-]+\.js)$/);
  if (c) return join(here, '..', '..', 'wwwroot', 'js', 'viewer', 'canvas', c[1]);
  return null;
}
const server = createServer(async (req, res) => {
  if (req.url === '/favicon.ico') { res.writeHead(204); res.end(); return; }
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
const staticBase = `http://127.0.0.1:${server.address().port}`;

// ---- statistics ----
const sorted = (xs) => [...xs].sort((a, b) => a - b);
const quantile = (xs, q) => { const s = sorted(xs); return s.length ? s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] : NaN; };
const median = (xs) => { const s = sorted(xs); return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN; };
const fmt = (x, d = 0) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');
const mib = (bytes) => fmt(bytes / 1048576, 1);

// ---- the browser ----
// The browser tests' flags (Memento.Tests/Browser/Support/ChromiumFixture.cs); WebGL runs on SwiftShader with them.
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
         '--disable-sync', '--no-first-run'],
});
const cookie = await signInCookie();

async function newPage(viewer) {
  const context = await browser.newContext({ viewport: WINDOW, deviceScaleFactor: 1 });
  if (viewer === 'memento') await context.addCookies(cookie);
  // Runs before any page script (and outside the page's CSP): the moment the canvas first says it is sharp, and a
  // requestAnimationFrame recorder the bench switches on and off.
  await context.addInitScript(() => {
    window.benchMarks = { sharpAt: null };
    new MutationObserver(() => {
      const canvas = document.querySelector('[data-viewer-canvas]');
      if (canvas && canvas.dataset.state === 'sharp' && window.benchMarks.sharpAt === null) window.benchMarks.sharpAt = performance.now();
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'], childList: true });
    window.benchFrames = {
      times: [], on: false,
      // per animation frame: its time, and for our viewer the main-thread ms of its render when it drew one
      renders: [],
      start() {
        this.times = []; this.renders = []; this.on = true;
        let drawn = -1;
        const tick = (t) => {
          if (!this.on) return;
          this.times.push(t);
          const v = document.querySelector('[data-viewer-canvas]')?.viewer;
          if (v && v.stats.frames !== drawn) { if (drawn >= 0) this.renders.push(v.stats.lastRenderMs); drawn = v.stats.frames; }
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      },
      stop() { this.on = false; return this.times; },
    };
  });
  const page = await context.newPage();
  const tiles = [];
  // context-wide, so requests from the viewer's workers count too
  context.on('request', (r) => { if (/_files\/\d+\/\d+_\d+\./.test(r.url())) tiles.push({ url: r.url(), at: Date.now() }); });
  const errors = [];
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  return { context, page, tiles, errors };
}

// The Memento canvas's box on the viewer page, so OpenSeadragon gets a viewport of the same size and place.
let canvasBox = null;

function viewerUrl(viewer, kase) {
  if (viewer === 'memento') return `${args.url}/projects/${scene.project}/viewer/annotations/${scene[kase].annotation}`;
  const images = kase === 'rgb' ? [scene.rgb.image] : scene.multi.images;
  const q = new URLSearchParams();
  for (const image of images) {
    q.append('dzi', args.url + image.dziUrl);
    if (viewer === 'canvas' || viewer === 'ol') {
      q.append('width', image.width); q.append('height', image.height);
      q.append('bits', image.bitDepth ?? (kase === 'rgb' ? 8 : 16)); q.append('kind', kase === 'rgb' ? 'rgb' : 'grey');
    }
  }
  if (viewer === 'osd-canvas') q.set('drawer', 'canvas');
  if (canvasBox) for (const [k, v] of Object.entries({ w: canvasBox.width, h: canvasBox.height, left: canvasBox.x, top: canvasBox.y })) q.set(k, String(Math.round(v)));
  return `${staticBase}/${isOsd(viewer) ? 'osd' : viewer}/index.html?${q}`;
}

/** Opens a viewer and waits for its sharp first view; returns the page and the figures. */
async function open(viewer, kase, timeout = 60000) {
  const s = await newPage(viewer);
  const started = Date.now();
  await s.page.goto(viewerUrl(viewer, kase));
  const sharpAt = ownSharp(viewer) ? () => window.bench && window.bench.sharpAt : () => window.benchMarks.sharpAt;
  try {
    await s.page.waitForFunction(sharpAt, null, { timeout, polling: 20 });
  } catch (e) {
    throw new Error(`${viewer} ${kase}: no sharp view within ${timeout} ms; ${s.errors.join('; ')}`);
  }
  const ms = await s.page.evaluate(sharpAt);
  const tilesAtSharp = s.tiles.filter((t) => t.at - started <= ms + 50).length; // node sees a request a little late
  return { ...s, ms, tilesAtSharp };
}

async function rendererString() {
  const s = await newPage('osd');
  const r = await s.page.evaluate(() => {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return 'no WebGL2';
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    return `${gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER)}; EXT_texture_norm16 ${gl.getExtension('EXT_texture_norm16') ? 'yes' : 'no'}, OES_texture_float_linear ${gl.getExtension('OES_texture_float_linear') ? 'yes' : 'no'}`;
  });
  await s.context.close();
  return r;
}

/**
 * The floor of this WebGL: one textured quad over the whole canvas box (the cheapest frame any WebGL viewer can
 * draw: no blending, one 256 x 256 RGBA8 texture sampled), 30 times, each finished by a 1-pixel readPixels; median
 * ms per frame, and the same with 4 float textures summed (what a 4-channel composite samples per pixel).
 */
async function webglFloor() {
  const s = await newPage('osd');
  const box = canvasBox || { width: WINDOW.width, height: WINDOW.height };
  const r = await s.page.evaluate(([w, h]) => {
    const canvas = document.createElement('canvas');
    canvas.width = w; canvas.height = h;
    document.body.append(canvas);
    const gl = canvas.getContext('webgl2');
    gl.getExtension('OES_texture_float_linear');
    const program = (textures) => {
      const vs = `#version 300 es
        in vec2 p; out vec2 uv; void main() { uv = p * 0.5 + 0.5; gl_Position = vec4(p, 0, 1); }`;
      const fs = `#version 300 es
        precision highp float; in vec2 uv; out vec4 o;
        ${[...Array(textures).keys()].map((i) => `uniform sampler2D t${i};`).join(' ')}
        void main() { vec4 c = vec4(0); ${[...Array(textures).keys()].map((i) => `c += texture(t${i}, uv * 4.0);`).join(' ')} o = vec4(c.rgb, 1); }`;
      const prog = gl.createProgram();
      for (const [type, src] of [[gl.VERTEX_SHADER, vs], [gl.FRAGMENT_SHADER, fs]]) {
        const sh = gl.createShader(type); gl.shaderSource(sh, src); gl.compileShader(sh); gl.attachShader(prog, sh);
      }
      gl.linkProgram(prog);
      return prog;
    };
    const buffer = gl.createBuffer();
    gl.bindBuffer(gl.ARRAY_BUFFER, buffer);
    gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([-1, -1, 1, -1, -1, 1, 1, 1]), gl.STATIC_DRAW);
    const texture = (float) => {
      const t = gl.createTexture();
      gl.bindTexture(gl.TEXTURE_2D, t);
      const data = float ? new Float32Array(256 * 256).map(() => Math.random()) : new Uint8Array(256 * 256 * 4).map(() => Math.random() * 255);
      if (float) gl.texImage2D(gl.TEXTURE_2D, 0, gl.R32F, 256, 256, 0, gl.RED, gl.FLOAT, data);
      else gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA8, 256, 256, 0, gl.RGBA, gl.UNSIGNED_BYTE, data);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
      return t;
    };
    const run = (textures, float) => {
      const prog = program(textures);
      gl.useProgram(prog);
      for (let i = 0; i < textures; i++) {
        gl.activeTexture(gl.TEXTURE0 + i); gl.bindTexture(gl.TEXTURE_2D, texture(float));
        gl.uniform1i(gl.getUniformLocation(prog, `t${i}`), i);
      }
      const at = gl.getAttribLocation(prog, 'p');
      gl.enableVertexAttribArray(at);
      gl.vertexAttribPointer(at, 2, gl.FLOAT, false, 0, 0);
      gl.viewport(0, 0, w, h);
      const pixel = new Uint8Array(4), times = [];
      for (let i = 0; i < 31; i++) {
        const t0 = performance.now();
        gl.drawArrays(gl.TRIANGLE_STRIP, 0, 4);
        gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
        if (i) times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      return times[15];
    };
    return { rgba: run(1, false), float4: run(4, true) };
  }, [Math.round(box.width), Math.round(box.height)]);
  await s.context.close();
  return `one full-canvas quad (${Math.round(box.width)}x${Math.round(box.height)}) drawn and read back: ${fmt(r.rgba, 1)} ms with one RGBA8 texture, ${fmt(r.float4, 1)} ms summing four float textures (median of 30)`;
}

// ---- Chromium's processes, for CPU and memory by kind (renderer, GPU): the browser is this node process's child,
// the others its descendants (through the zygote) ----
function procStat(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { ppid: Number(f[1]), cpu: (Number(f[11]) + Number(f[12])) * 10 }; // ms, at 100 ticks a second
}
function chromiumProcesses() {
  const all = new Map();
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try { all.set(Number(pid), procStat(pid)); } catch { /* exited */ }
  }
  const ours = new Set([process.pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, s] of all) if (!ours.has(pid) && ours.has(s.ppid)) { ours.add(pid); grew = true; }
  }
  ours.delete(process.pid);
  const out = [];
  for (const pid of ours) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.includes('chromium')) continue;
      const type = (cmd.match(/--type=([a-z-]+)/) || [, 'browser'])[1];
      // PSS, not RSS: Chromium's processes share much of their memory, which RSS would count in each of them
      let rss = 0;
      try { rss = Number((readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8').match(/Pss:\s+(\d+)/) || [, 0])[1]) * 1024; } catch { /* gone */ }
      out.push({ pid, type, cpu: all.get(pid).cpu, rss });
    } catch { /* exited */ }
  }
  return out;
}
const byType = (procs, type) => procs.filter((p) => p.type === type).reduce((a, p) => ({ cpu: a.cpu + p.cpu, rss: a.rss + p.rss }), { cpu: 0, rss: 0 });

// ---- scripted input (the same events for both viewers) ----
const centre = () => {
  const b = canvasBox || { x: 0, y: 0, width: WINDOW.width, height: WINDOW.height };
  return { x: b.x + b.width / 2, y: b.y + b.height / 2, w: b.width, h: b.height };
};
const pause = (ms) => new Promise((ok) => setTimeout(ok, ms));
async function wheel(page, ticks, deltaY, every = 80) {
  const c = centre();
  await page.mouse.move(c.x, c.y);
  for (let i = 0; i < ticks; i++) { await page.mouse.wheel(0, deltaY); await pause(every); }
}
/** A drag from the centre by (dx, dy) over `ms`, one move per frame as a hand would make. */
async function drag(page, dx, dy, ms = 800) {
  const c = centre();
  await page.mouse.move(c.x - dx / 2, c.y - dy / 2);
  await page.mouse.down();
  const t0 = Date.now();
  for (;;) {
    const f = Math.min(1, (Date.now() - t0) / ms);
    await page.mouse.move(c.x - dx / 2 + dx * f, c.y - dy / 2 + dy * f);
    if (f === 1) break;
    await pause(FRAME);
  }
  await page.mouse.up();
}
// Wheel ticks in at the centre until the view shows about one image pixel per screen pixel (the viewers zoom by
// different factors per tick: OpenSeadragon 1.2x, ours 1.26x per 100 px); returns the ticks it took.
const FULL_RESOLUTION = 1;
async function zoomToFullResolution(page, viewer) {
  const c = centre();
  await page.mouse.move(c.x, c.y);
  let ticks = 0;
  while (ticks < 40 && (await zoomOf(viewer, page)) < FULL_RESOLUTION * 0.95) { await page.mouse.wheel(0, -100); ticks++; await pause(80); }
  return ticks;
}
const PAN = [[-700, 0], [0, -500], [700, 0], [700, 0], [0, 500], [-700, 0]];

async function zoomOf(viewer, page) {
  return page.evaluate((v) => {
    if (v.startsWith('osd') || v === 'ol') return window.bench.stats().zoom;
    const c = document.querySelector('[data-viewer-canvas]');
    return c && c.dataset.zoom ? Number(c.dataset.zoom) : null;
  }, viewer);
}

async function heapOf(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Runtime.enable');
  const h = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return h.usedSize;
}

async function cacheOf(viewer, page) {
  return page.evaluate((v) => {
    if (v.startsWith('osd')) return window.bench.stats();
    const c = document.querySelector('[data-viewer-canvas]');
    const viewerObject = c && c.viewer;
    const stats = viewerObject && viewerObject.stats;
    return stats ? { tiles: stats.tiles, bytes: stats.bytes, capBytes: stats.capBytes } : null;
  }, viewer);
}

// ---- the parts ----
const log = (...a) => console.log(...a);
const rowsBy = new Map();
const interleaved = (fn, n = rounds) => async () => {
  for (let round = 0; round < n; round++) {
    const order = round % 2 ? [...viewers].reverse() : viewers;
    for (const viewer of order) await fn(viewer, round);
  }
};

log(`Chromium ${browser.version()}, WebGL: ${await rendererString()}`);
log(`window ${WINDOW.width}x${WINDOW.height}, deviceScaleFactor 1; ${rounds} rounds, order alternating\n`);

if (viewers.includes('memento')) {
  // The canvas's box on our page (the sidebar and layer panel take the rest); OpenSeadragon gets the same box.
  try {
    const s = await open('memento', 'rgb');
    canvasBox = await s.page.locator('[data-viewer-canvas]').boundingBox();
    await s.context.close();
    log(`Memento canvas box ${Math.round(canvasBox.width)}x${Math.round(canvasBox.height)} at (${Math.round(canvasBox.x)}, ${Math.round(canvasBox.y)}); OpenSeadragon's viewer element is given the same box\n`);
  } catch (e) {
    log(`Memento viewer not measurable: ${e.message}\n`);
    viewers.splice(viewers.indexOf('memento'), 1);
  }
}

log(`WebGL floor: ${await webglFloor()}\n`);

if (parts.has('first')) {
  for (const kase of ['rgb', 'multi']) {
    // warm-up: each viewer once, not counted (the server's first requests, the disk cache)
    for (const viewer of viewers) { const s = await open(viewer, kase); await s.context.close(); }
    const res = Object.fromEntries(viewers.map((v) => [v, { ms: [], tiles: [], total: [], errors: new Set() }]));
    await interleaved(async (viewer) => {
      const s = await open(viewer, kase);
      await pause(1000); // requests still made after the view is sharp (prefetch, or cancelled ones)
      res[viewer].ms.push(s.ms); res[viewer].tiles.push(s.tilesAtSharp); res[viewer].total.push(s.tiles.length);
      s.errors.forEach((e) => res[viewer].errors.add(e));
      await s.context.close();
    })();
    log(`### First sharp view, ${kase === 'rgb' ? 'RGB 20000x20000 (JPEG tiles)' : '4 channels 16-bit, 4000x4000 each (PNG tiles)'}\n`);
    log('| viewer | median ms to sharp | min | max | tiles requested by sharp (median) | tiles after 1 s more | every round (ms) |\n|---|---:|---:|---:|---:|---:|---|');
    for (const v of viewers) {
      const r = res[v];
      log(`| ${LABEL[v]} | ${fmt(median(r.ms))} | ${fmt(Math.min(...r.ms))} | ${fmt(Math.max(...r.ms))} | ${median(r.tiles)} | ${median(r.total)} | ${r.ms.map((x) => fmt(x)).join(', ')} |`);
    }
    for (const v of viewers) for (const e of res[v].errors) log(`\n${v}: ${e}`);
    log('');
  }
}

if (parts.has('frames')) {
  const res = Object.fromEntries(viewers.map((v) => [v, { intervals: [], zoom: [], cpu: [], renders: [] }]));
  await interleaved(async (viewer) => {
    const s = await open(viewer, 'rgb');
    await pause(500);
    const before = chromiumProcesses();
    const t0 = Date.now();
    await s.page.evaluate(() => window.benchFrames.start());
    const ticks = await zoomToFullResolution(s.page, viewer);
    res[viewer].zoom.push(`${fmt(await zoomOf(viewer, s.page), 2)} (${ticks})`);
    for (const [dx, dy] of PAN) await drag(s.page, dx, dy);
    await wheel(s.page, ticks, 100);
    const times = await s.page.evaluate(() => window.benchFrames.stop());
    res[viewer].renders.push(...await s.page.evaluate(() => window.benchFrames.renders));
    const wall = Date.now() - t0;
    const after = chromiumProcesses();
    for (let i = 1; i < times.length; i++) res[viewer].intervals.push(times[i] - times[i - 1]);
    const d = (type) => byType(after, type).cpu - byType(before, type).cpu;
    res[viewer].cpu.push({ wall, renderer: d('renderer'), gpu: d('gpu-process'), browser: d('browser') });
    await s.context.close();
  }, Number(args['frame-rounds']))();
  log(`### Frames during a scripted zoom and pan, RGB 20000x20000\n`);
  log(`Wheel ticks in at the centre (80 ms apart) until about one image pixel per screen pixel, six drags of 500-700 px (0.8 s each, one move per frame), as many ticks out; requestAnimationFrame intervals recorded in the page, all rounds pooled. CPU: ms of CPU used by Chromium's processes during the path, median round.\n`);
  log('| viewer | frames | p50 ms | p95 ms | max ms | dropped (> 25 ms) | zoom reached (ticks) | wall ms | CPU renderer | CPU GPU process | CPU browser |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  const renderLines = [];
  for (const v of viewers) {
    const r = res[v];
    const dropped = r.intervals.filter((x) => x > 1.5 * FRAME).length;
    const c = (k) => fmt(median(r.cpu.map((x) => x[k])));
    if (r.renders.length) renderLines.push(`${LABEL[v]}: ${r.renders.length} frames drawn, main-thread render median ${fmt(median(r.renders), 1)} ms, p95 ${fmt(quantile(r.renders, 0.95), 1)} ms (Viewer.stats.lastRenderMs)`);
    log(`| ${LABEL[v]} | ${r.intervals.length} | ${fmt(median(r.intervals), 1)} | ${fmt(quantile(r.intervals, 0.95), 1)} | ${fmt(Math.max(...r.intervals), 1)} | ${dropped} (${fmt(100 * dropped / r.intervals.length, 1)} %) | ${r.zoom.join(', ')} | ${c('wall')} | ${c('renderer')} | ${c('gpu')} | ${c('browser')} |`);
  }
  for (const line of renderLines) log(`\n${line}`);
  log('');
}

if (parts.has('repaint')) {
  // Ours only: the 4-channel annotation, sharp, its first channel's window maximum changed 20 times per round —
  // on the viewer page through the layer panel's own range input (its input event, as a drag makes), on the bare
  // page through Viewer.updateChannel (what the panel calls). Timed from the change: to the end of the viewer's
  // repaint on the main thread (the animation-frame callback after the viewer's), then to the pixels done (a
  // 1-pixel readPixels on the viewer's WebGL context waits for the GPU: SwiftShader's rasterising), then to the
  // next frame. Nothing may be fetched.
  const cases = [...viewers.filter((v) => v === 'memento' || v === 'canvas').flatMap((v) => [[v, 'multi'], [v, 'rgb']]),
                 ...viewers.filter((v) => v === 'ol').map((v) => [v, 'multi'])];
  for (const [viewer, kase] of cases) {
    const ms = { js: [], done: [], next: [] };
    let fetched = 0, how = '';
    for (let round = 0; round < rounds; round++) {
      const s = await open(viewer, kase);
      await pause(500);
      const before = s.tiles.length;
      const r = await s.page.evaluate(async ([page, rgb]) => {
        const v = document.querySelector('[data-viewer-canvas]')?.viewer;
        let change, how;
        const ol = !v && window.bench && window.bench.setWindow;
        if (ol) {
          how = 'OpenLayers updateStyleVariables (window maximum)';
          change = (f) => window.bench.setWindow(0, 0, Math.round(window.bench.max * f));
        } else if (page) {
          const inputs = [...document.querySelectorAll('#layer-panel input[type=range]')];
          if (!inputs.length) return { error: 'no range input in #layer-panel' };
          const input = inputs.find((i) => /max|high|upper/i.test(`${i.name} ${i.className} ${i.getAttribute('aria-label')}`)) || inputs[0];
          how = `the layer panel's range input "${input.getAttribute('aria-label') || input.name || input.className}"`;
          change = (f) => { input.value = String(Math.round(Number(input.min || 0) + (Number(input.max) - Number(input.min || 0)) * f)); input.dispatchEvent(new Event('input', { bubbles: true })); };
        } else {
          const key = v.channels[0].spec.key, max = v.channels[0].spec.max;
          how = `Viewer.updateChannel (${rgb ? 'opacity' : 'window maximum'})`;
          change = rgb ? (f) => v.updateChannel(key, { opacity: 1 - f }) : (f) => v.updateChannel(key, { max: Math.round(max * f) });
        }
        const gl = ol ? window.bench.gl() : v && v.renderer && v.renderer.gl;
        const drawn = () => (ol ? window.bench.rendered : v ? v.stats.frames : 0);
        const frame = () => new Promise((ok) => requestAnimationFrame(() => ok(performance.now())));
        const js = [], done = [], next = [];
        for (let i = 0; i < 20; i++) {
          await frame(); await frame();
          const frames = drawn();
          const t0 = performance.now();
          change(i % 2 ? 0.5 : 0.25);
          const t1 = await frame();  // runs after the viewer's own callback of this frame
          if ((v || ol) && drawn() === frames) return { error: 'the viewer did not repaint in the next frame' };
          if (gl) gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
          const t2 = performance.now();
          const t3 = await frame();
          js.push(t1 - t0); done.push(t2 - t0); next.push(t3 - t0);
        }
        return { js, done, next, how };
      }, [viewer === 'memento', kase === 'rgb']);
      if (r.error) { log(`repaint, ${LABEL[viewer]}: ${r.error}\n`); await s.context.close(); break; }
      ms.js.push(...r.js); ms.done.push(...r.done); ms.next.push(...r.next); how = r.how;
      fetched += s.tiles.length - before;
      await s.context.close();
    }
    if (!ms.js.length) continue;
    log(`### Repaint after a slider change, ${kase === 'rgb' ? 'RGB 20000x20000 (one layer)' : '4 channels 16-bit'} (${LABEL[viewer]})\n`);
    log(`The first channel changed through ${how}, 20 times per round, ${rounds} rounds (fresh page each). Tiles fetched meanwhile: ${fetched}.\n`);
    log(`| from the change to | median ms | p95 ms | max ms |\n|---|---:|---:|---:|`);
    log(`| the next animation frame (the viewer repaints in it) | ${fmt(median(ms.js), 1)} | ${fmt(quantile(ms.js, 0.95), 1)} | ${fmt(Math.max(...ms.js), 1)} |`);
    log(`| its pixels done (readPixels waits for the GPU) | ${fmt(median(ms.done), 1)} | ${fmt(quantile(ms.done, 0.95), 1)} | ${fmt(Math.max(...ms.done), 1)} |`);
    log(`| the frame after | ${fmt(median(ms.next), 1)} | ${fmt(quantile(ms.next, 0.95), 1)} | ${fmt(Math.max(...ms.next), 1)} |\n`);
  }
}

if (parts.has('memory')) {
  // A long pan at about full resolution: a lawnmower path of drags over the RGB image for MEMORY seconds, sampled
  // every 10 s. One round per viewer (both in this run, one after the other).
  const seconds = Number(args['memory-seconds']);
  log(`### Memory over a ${seconds} s pan at full resolution, RGB 20000x20000\n`);
  log(`Zoomed in at the centre to about one image pixel per screen pixel, then drags of 85 % of the canvas width (0.4 s each) in a lawnmower path; sampled every 10 s. Cache: the viewer's own count (ours: viewer.stats; OpenSeadragon: tileCache.numTilesLoaded() against maxImageCacheCount, bytes = tiles x 256 x 256 x 4). JS heap: CDP Runtime.getHeapUsage. Memory of the renderer processes and the GPU process (where SwiftShader keeps the textures): PSS from /proc/PID/smaps_rollup.\n`);
  log('| viewer | s | tiles cached | cache MiB | cap | JS heap MiB | renderer PSS MiB | GPU process PSS MiB | tiles requested |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const viewer of viewers) {
    const s = await open(viewer, 'rgb');
    await zoomToFullResolution(s.page, viewer);
    const t0 = Date.now();
    let next = 0, step = 0;
    const sample = async () => {
      const c = await cacheOf(viewer, s.page);
      const procs = chromiumProcesses();
      const cap = !c ? 'n/a' : c.capBytes ? `${mib(c.capBytes)} MiB` : c.capTiles ? `${c.capTiles} tiles` : 'n/a';
      log(`| ${LABEL[viewer]} | ${Math.round((Date.now() - t0) / 1000)} | ${c ? c.tiles : 'n/a'} | ${c ? mib(c.bytes) : 'n/a'} | ${cap} | ${mib(await heapOf(s.page))} | ${mib(byType(procs, 'renderer').rss)} | ${mib(byType(procs, 'gpu-process').rss)} | ${s.tiles.length} |`);
    };
    // The lawnmower: thirteen drags one way (about the image's width at 1:1), one down, thirteen back, one down, …;
    // fresh image keeps coming into view.
    while (Date.now() - t0 < seconds * 1000) {
      if (Date.now() - t0 >= next) { await sample(); next += 10000; }
      const row = Math.floor(step / 14), col = step % 14;
      const span = Math.round(centre().w * 0.85), down = Math.round(centre().h * 0.75);
      await drag(s.page, col === 13 ? 0 : (row % 2 ? span : -span), col === 13 ? -down : 0, 400);
      step++;
    }
    await sample();
    for (const e of new Set(s.errors)) log(`\n${viewer}: ${e}`);
    await s.context.close();
  }
  log('');
}

log(`WebGL floor again at the end: ${await webglFloor()}\n`);
await browser.close();
server.close();

/** Signs in through the login form as a person does; returns the session cookies for a browser context. */
async function signInCookie() {
  const jar = new Map();
  const keep = (response) => response.headers.getSetCookie().forEach((c) => { const [kv] = c.split(';'); const i = kv.indexOf('='); jar.set(kv.slice(0, i), kv.slice(i + 1)); });
  const page = await fetch(`${args.url}/login`);
  keep(page);
  const token = (await page.text()).match(/name="__RequestVerificationToken" value="([^"]+)"/)[1];
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const response = await fetch(`${args.url}/login`, {
    method: 'POST', redirect: 'manual',
    headers: { cookie: header(), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ userName: args.user, password: args.password, __RequestVerificationToken: token }),
  });
  if (response.status !== 302) throw new Error(`sign-in answered ${response.status}`);
  keep(response);
  return [...jar].map(([name, value]) => ({ name, value, url: args.url }));
}
