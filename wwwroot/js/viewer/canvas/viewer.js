// The canvas: owns the WebGL2 renderer, the view, the tile cache and loader, and draws a frame whenever something
// changed (a pan, a slider, a tile arriving) — at most once per animation frame, never in a busy loop.
import { Viewport } from './viewport.js';
import { DziSource } from './dzi-source.js';
import { PictureSource } from './picture-source.js';
import { TileCache } from './tile-cache.js';
import { TileLoader } from './tile-loader.js';
import { Renderer } from './renderer.js';
import { attachInput } from './input.js';
import { percentiles } from './percentiles.js';

const LIGHT = [0.85, 0.85, 0.85];
const DARK = [0, 0, 0];
const BLACK = [0, 0, 0];
const TILE_REPAINT_MS = 50, TILE_REPAINT_MAX_MS = 400;

export class Viewer extends EventTarget {
  /**
   * @param {HTMLElement} container the element the canvas fills (focusable; it receives the keys)
   * @param {{ dark?: boolean, capBytes?: number }} options
   */
  constructor(container, { dark = false, capBytes } = {}) {
    super();
    this.container = container;
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'viewer-gl';
    // Sized in whole CSS pixels (see #render) from the container's top left, so one drawing-buffer pixel is exactly
    // one device pixel: no resampling blur, and screen ↔ image maths is exact.
    this.canvas.style.display = 'block';
    // Touch gestures are the viewer's (pan, pinch), not the page's scrolling and zooming.
    container.style.touchAction = 'none';
    container.append(this.canvas);
    this.renderer = new Renderer(this.canvas);
    this.cache = new TileCache(texture => this.renderer.release(texture), capBytes);
    this.loader = new TileLoader((key, tile) => this.#tileArrived(key, tile), (key, message) => this.#tileFailed(key, message),
      { float: this.renderer.wantsFloat });
    this.viewport = null;
    this.channels = [];      // { spec, source, error }
    this.prefetched = [];
    this.sources = new Map(); // source URL → Promise<DziSource | PictureSource>
    this.frame = 0;
    this.scheduled = 0;
    this.background = dark ? DARK : LIGHT;
    this.state = '';
    this.pending = -1;
    this.lastView = '';
    this.generation = 0;
    this.lastRenderMs = 0;
    this.lastTileRender = 0;
    this.tileTimer = 0;
    this.frameCost = 16;
    this.missingKeys = new Set(); // visible tiles the last frame lacked
    container.viewer = this;
    this.#setState('empty');

    this.resize = new ResizeObserver(() => this.requestRender());
    this.resize.observe(container);
    this.detachInput = attachInput(container, {
      panBy: (dx, dy) => this.panBy(dx, dy),
      zoomBy: (f, x, y) => this.zoomBy(f, x, y),
      fit: () => this.fit(),
      size: () => [container.clientWidth, container.clientHeight],
    });
    this.canvas.addEventListener('webglcontextlost', e => { e.preventDefault(); this.cache.entries.clear(); this.cache.bytes = 0; });
    this.canvas.addEventListener('webglcontextrestored', () => { this.renderer = new Renderer(this.canvas); this.requestRender(); });
  }

  /**
   * Replaces the channels drawn. The view is kept when the image has the same size (stepping through layer groups),
   * and fitted when it is a new image (another annotation) or the first one.
   */
  setChannels(specs) {
    const generation = ++this.generation;
    this.channels = specs.map(spec => ({ spec: { ...spec }, source: null, error: null }));
    const reference = specs.find(s => s.source?.width > 0 && s.source?.height > 0)?.source;
    if (reference) this.#useImageSize(reference.width, reference.height);
    for (const channel of this.channels) {
      this.#source(channel.spec.source).then(
        source => {
          if (generation !== this.generation) return;
          channel.source = source;
          if (!this.viewport) this.#useImageSize(source.width, source.height);
          this.requestRender();
        },
        error => {
          if (generation !== this.generation || error.name === 'AbortError') return;
          channel.error = String(error.message ?? error);
          this.dispatchEvent(new CustomEvent('channelerror', { detail: { key: channel.spec.key, message: channel.error } }));
          this.requestRender();
        });
    }
    this.requestRender();
  }

  /** Changes how a channel is drawn (window, colour, opacity, visibility): one repaint, no tile fetched. */
  updateChannel(key, changes) {
    const channel = this.channels.find(c => c.spec.key === key);
    if (!channel) return;
    Object.assign(channel.spec, changes);
    this.requestRender();
  }

  /** Loads the visible tiles of channels not shown yet (the neighbouring layer group), after everything shown. */
  prefetch(specs) {
    this.prefetched = specs.map(spec => ({ spec, source: null }));
    for (const channel of this.prefetched) {
      this.#source(channel.spec.source).then(source => { channel.source = source; this.requestRender(); }, () => { });
    }
    this.requestRender();
  }

  get view() { return this.viewport ? this.viewport.view : null; }

  set view(value) {
    if (!this.viewport) return;
    this.viewport.set(value);
    this.requestRender();
  }

  fit() { this.viewport?.fit(); this.requestRender(); }

  zoomBy(factor, x, y) { this.viewport?.zoomBy(factor, x, y); this.requestRender(); }

  panBy(dx, dy) { this.viewport?.panBy(dx, dy); this.requestRender(); }

  get dark() { return this.background === DARK; }

  set dark(value) {
    this.background = value ? DARK : LIGHT;
    this.requestRender();
  }

  get stats() {
    return { ...this.cache.stats, fetched: this.loader.fetched, pending: this.loader.pending, frames: this.frame, lastRenderMs: this.lastRenderMs };
  }

  /** The composite exactly as displayed, as a PNG. */
  toPngBlob() {
    this.#render();
    // Read in the same task as the draw, before the browser presents (and may discard) the drawing buffer.
    return new Promise((resolve, reject) => this.canvas.toBlob(b => (b ? resolve(b) : reject(new Error('the canvas could not be encoded'))), 'image/png'));
  }

  /**
   * The lowPercent / highPercent percentiles of a channel's values over the visible part of the image, from the
   * tiles drawn; null when none is loaded. Exact for 16-bit tiles (their values are kept); 8-bit read back.
   */
  visiblePercentiles(key, lowPercent = 1, highPercent = 99) {
    const channel = this.channels.find(c => c.spec.key === key);
    if (!channel?.source || !this.viewport) return null;
    const source = channel.source;
    const level = this.#levelOf(channel);
    const rect = this.#visibleSourceRect(source);
    const range = source.tilesIn(level, rect);
    const arrays = [];
    let bits = 8;
    for (let y = range.y0; y <= range.y1; y++) {
      for (let x = range.x0; x <= range.x1; x++) {
        const entry = this.cache.get(tileKey(source, level, x, y));
        if (!entry) continue;
        bits = Math.max(bits, entry.bits);
        const values = entry.samples ?? this.renderer.readRgba8(entry);
        arrays.push(visiblePart(values, entry, source, level, x, y, rect, channel.spec.kind));
      }
    }
    const max = bits === 16 ? 65535 : 255;
    return percentiles(arrays, max, lowPercent, highPercent);
  }

  requestRender() {
    if (this.scheduled) return;
    this.scheduled = requestAnimationFrame(() => {
      this.scheduled = 0;
      const started = performance.now();
      this.#render();
      this.lastRenderMs = performance.now() - started; // the main thread's share; the GPU's follows asynchronously
      // The browser starts the next frame only when the GPU has caught up, so the wait for it is what a repaint
      // really costs (a fraction of a millisecond on a graphics card, 30-150 ms on software WebGL).
      requestAnimationFrame(now => { this.frameCost = 0.7 * this.frameCost + 0.3 * Math.max(0, now - started); });
    });
  }

  destroy() {
    cancelAnimationFrame(this.scheduled);
    clearTimeout(this.tileTimer);
    this.resize.disconnect();
    this.detachInput();
    this.loader.destroy();
    this.cache.clear();
    this.canvas.remove();
    delete this.container.viewer;
  }

  // A canvas at a fractional screen position is resampled by the compositor: every pixel blurred into its
  // neighbours. Page layouts put the stage wherever fonts and borders end, so shift the canvas (by less than a pixel)
  // onto whole device pixels.
  #alignToDevicePixels(dpr) {
    const rect = this.container.getBoundingClientRect();
    const fx = (rect.left * dpr) % 1, fy = (rect.top * dpr) % 1;
    const shift = `translate(${fx ? (Math.round(fx) - fx) / dpr : 0}px, ${fy ? (Math.round(fy) - fy) / dpr : 0}px)`;
    if (this.canvas.style.transform !== shift) this.canvas.style.transform = shift;
  }

  #useImageSize(width, height) {
    const vp = this.viewport;
    if (vp && vp.imageWidth === width && vp.imageHeight === height) return;
    this.viewport = new Viewport(width, height);
    this.viewport.resize(this.container.clientWidth, this.container.clientHeight);
    this.viewport.fit();
  }

  #source(spec) {
    const url = spec?.dziUrl ?? spec?.externalUrl;
    if (!url) return Promise.reject(new Error('This image has no pixels to show yet.'));
    let promise = this.sources.get(url);
    if (!promise) {
      promise = spec.dziUrl ? DziSource.open(spec.dziUrl)
        : PictureSource.open(spec.externalUrl, this.renderer.gl.getParameter(this.renderer.gl.MAX_TEXTURE_SIZE));
      promise.catch(() => this.sources.delete(url));
      this.sources.set(url, promise);
    }
    return promise;
  }

  /** The visible part of the image in a source's own pixels (channels of another size are scaled onto the first). */
  #visibleSourceRect(source) {
    const toSource = source.width / this.viewport.imageWidth;
    const view = this.viewport.visibleRect();
    return { x0: view.x0 * toSource, y0: view.y0 * toSource, x1: view.x1 * toSource, y1: view.y1 * toSource };
  }

  #levelOf(channel) {
    const dpr = window.devicePixelRatio || 1;
    const perSourcePixel = this.viewport.zoom * (this.viewport.imageWidth / channel.source.width) * dpr;
    return channel.source.levelFor(perSourcePixel);
  }

  #render() {
    const vp = this.viewport;
    const dpr = window.devicePixelRatio || 1;
    const width = this.container.clientWidth, height = this.container.clientHeight;
    const pw = Math.max(1, Math.round(width * dpr)), ph = Math.max(1, Math.round(height * dpr));
    if (this.canvas.width !== pw || this.canvas.height !== ph) {
      this.canvas.width = pw;
      this.canvas.height = ph;
      this.canvas.style.width = `${width}px`;
      this.canvas.style.height = `${height}px`;
    }
    this.#alignToDevicePixels(dpr);
    this.frame++;
    this.renderer.begin(pw, ph, this.background);
    if (!vp) { this.#setState(this.channels.length ? 'loading' : 'empty'); return; }
    vp.resize(width, height);

    const clip = (x0, y0, x1, y1) => {
      const [sx0, sy0] = vp.toScreen(x0, y0), [sx1, sy1] = vp.toScreen(x1, y1);
      return [sx0 / width * 2 - 1, 1 - sy0 / height * 2, sx1 / width * 2 - 1, 1 - sy1 / height * 2];
    };
    const shown = this.channels.filter(c => c.source && !c.error && c.spec.visible !== false && c.spec.opacity > 0);
    const plans = shown.map(channel => this.#plan(channel));
    if (!this.#drawComposited(shown, plans, clip)) {
      // Fluorescence is light added onto black: on the light background the image's area is blacked out first —
      // also when every channel is hidden, so the image's place stays visible (black: nothing emitted).
      const base = shown[0] ?? this.channels.find(c => c.source && !c.error);
      if (base && base.spec.kind !== 'rgb' && this.background !== DARK) {
        this.renderer.underlay(clip(0, 0, vp.imageWidth, vp.imageHeight), BLACK);
      }
      for (const [index, channel] of shown.entries()) {
        this.renderer.channel(channel.spec);
        const band = 0.95 - index * (1.9 / shown.length);
        const scale = vp.imageWidth / channel.source.width;
        for (const t of plans[index].draw) {
          const r = t.geometry.rect;
          this.renderer.tile(t.entry, clip(r.x0 * scale, r.y0 * scale, r.x1 * scale, r.y1 * scale), t.geometry.uv,
            band - t.level * (1.8 / shown.length / 64));
        }
      }
    }
    const coarse = plans.flatMap(p => p.coarse), fine = plans.flatMap(p => p.fine);
    this.missingKeys = new Set([...coarse, ...fine].map(t => t.key));
    const missing = plans.reduce((n, p) => n + p.missing, 0);
    // The prefetched group: its tiles after everything on screen, protected from eviction like drawn ones.
    const later = [];
    for (const channel of this.prefetched) {
      if (!channel.source || this.channels.some(c => c.source === channel.source)) continue;
      const plan = this.#plan({ ...channel, spec: channel.spec });
      later.push(...plan.coarse, ...plan.fine);
    }
    fine.sort((a, b) => a.distance - b.distance);
    later.sort((a, b) => a.distance - b.distance);
    this.loader.want([...coarse, ...fine, ...later]);
    this.cache.trim(this.frame);

    const view = `${vp.x.toFixed(3)},${vp.y.toFixed(3)},${vp.zoom.toFixed(6)}`;
    if (view !== this.lastView) {
      this.lastView = view;
      this.container.dataset.viewX = vp.x.toFixed(3);
      this.container.dataset.viewY = vp.y.toFixed(3);
      this.container.dataset.zoom = vp.zoom.toFixed(6);
      this.dispatchEvent(new CustomEvent('view', { detail: vp.view }));
    }
    if (missing !== this.pending) {
      this.pending = missing;
      this.dispatchEvent(new CustomEvent('loading', { detail: { pending: missing } }));
    }
    const waiting = this.channels.some(c => !c.source && !c.error);
    this.#setState(missing === 0 && !waiting ? 'sharp' : 'loading');
  }

  /**
   * The fast path of a complete view of grey channels on one tile grid (a multichannel image, every tile loaded — as
   * when a slider moves): each tile position drawn once for up to four channels, the sum made in the shader.
   * Returns false, drawing nothing, when the view needs the general path (RGB, fallback tiles, different grids).
   */
  #drawComposited(shown, plans, clip) {
    if (shown.length < 2) return false;
    const first = shown[0].source, level = plans[0].level;
    const sameGrid = shown.every((c, i) => c.spec.kind !== 'rgb' && c.source.width === first.width && c.source.height === first.height
      && c.source.tileSize === first.tileSize && c.source.maxLevel === first.maxLevel && plans[i].level === level
      && plans[i].missing === 0 && plans[i].draw.length === plans[0].draw.length && plans[i].draw.every(t => t.level === level));
    if (!sameGrid || plans[0].draw.length === 0) return false;
    const scale = this.viewport.imageWidth / first.width;
    for (let start = 0; start < shown.length; start += 4) {
      this.renderer.compositeChannels(shown.slice(start, start + 4).map(c => c.spec), start === 0);
      plans[0].draw.forEach((t, i) => {
        const r = t.geometry.rect;
        this.renderer.compositeTile(plans.slice(start, start + 4).map(p => p.draw[i].entry),
          clip(r.x0 * scale, r.y0 * scale, r.x1 * scale, r.y1 * scale), t.geometry.uv);
      });
    }
    this.renderer.endComposite();
    return true;
  }

  /**
   * One channel's part of a frame: the tiles to draw now (each visible tile of the level the zoom needs, or for the
   * ones still loading the nearest coarser tile in the cache, or finer ones left from before), and the tiles to fetch
   * (the one-tile overview first, then the needed level, nearest the centre first).
   */
  #plan(channel) {
    const vp = this.viewport, source = channel.source, frame = this.frame;
    const level = this.#levelOf(channel);
    const toSource = source.width / vp.imageWidth;
    const rect = this.#visibleSourceRect(source);
    const cx = vp.x * toSource, cy = vp.y * toSource;
    const draw = new Map(), coarse = [], fine = [];
    let missing = 0;
    const want = (list, l, x, y, key) => {
      if (this.loader.failed.has(key)) return;
      const request = source instanceof PictureSource ? { key, load: signal => source.load(signal) } : { key, url: source.tileUrl(l, x, y) };
      const t = source.tileSize * source.scale(l);
      request.distance = Math.hypot((x + 0.5) * t - cx, (y + 0.5) * t - cy);
      list.push(request);
    };
    const add = (l, x, y, entry) => {
      const key = tileKey(source, l, x, y);
      if (!draw.has(key)) draw.set(key, { entry, level: l, geometry: source.tileGeometry(l, x, y, entry.width, entry.height) });
    };

    const overviewKey = tileKey(source, source.minLevel, 0, 0);
    if (!this.cache.touch(overviewKey, frame)) want(coarse, source.minLevel, 0, 0, overviewKey);
    const range = source.tilesIn(level, rect);
    for (let y = range.y0; y <= range.y1; y++) {
      for (let x = range.x0; x <= range.x1; x++) {
        const key = tileKey(source, level, x, y);
        const entry = this.cache.touch(key, frame);
        if (entry) { add(level, x, y, entry); continue; }
        if (!this.loader.failed.has(key)) missing++;
        want(fine, level, x, y, key);
        // Meanwhile: finer tiles still cached from before (zooming out), and the nearest coarser one under them.
        if (level < source.maxLevel) {
          for (let dy = 0; dy < 2; dy++) for (let dx = 0; dx < 2; dx++) {
            const child = this.cache.touch(tileKey(source, level + 1, 2 * x + dx, 2 * y + dy), frame);
            if (child) add(level + 1, 2 * x + dx, 2 * y + dy, child);
          }
        }
        for (let l = level - 1, d = 1; l >= source.minLevel; l--, d++) {
          const ax = x >> d, ay = y >> d;
          const ancestor = this.cache.touch(tileKey(source, l, ax, ay), frame);
          if (ancestor) { add(l, ax, ay, ancestor); break; }
        }
      }
    }
    return { draw: [...draw.values()], coarse, fine, missing, level };
  }

  #tileArrived(key, tile) {
    const { texture, bytes, toValue } = this.renderer.upload(tile);
    const samples = tile.bits === 16 ? (tile.samples ?? tile.data) : null;
    this.cache.put(key, {
      texture, toValue, width: tile.width, height: tile.height, bits: tile.bits, channels: tile.channels,
      samples, bytes: bytes + (samples ? samples.byteLength : 0),
    }, this.frame);
    this.#renderForTiles(key);
  }

  // A frame repaints the whole canvas, which software WebGL pays in full (35-150 ms at 1600 × 900 here, see
  // docs/benchmarks.md "Viewer"): one frame per arriving tile made the first view of a screenful of tiles that many
  // frames long. While more visible tiles are on their way, arriving tiles therefore repaint at most every three
  // frame costs (50 ms on a graphics card, up to 400 ms on software WebGL), and at once when the last one arrives;
  // input (pan, zoom, sliders) still repaints on the next frame.
  #renderForTiles(key) {
    this.missingKeys.delete(key);
    const interval = Math.min(TILE_REPAINT_MAX_MS, Math.max(TILE_REPAINT_MS, 3 * this.frameCost));
    if (this.missingKeys.size === 0 || performance.now() - this.lastTileRender >= interval) {
      clearTimeout(this.tileTimer);
      this.tileTimer = 0;
      this.lastTileRender = performance.now();
      this.requestRender();
    } else if (!this.tileTimer) {
      this.tileTimer = setTimeout(() => { this.tileTimer = 0; this.lastTileRender = performance.now(); this.requestRender(); },
        interval - (performance.now() - this.lastTileRender));
    }
  }

  #tileFailed(key, message) {
    const channel = this.channels.find(c => c.source && key.startsWith(c.source.key + '|'));
    if (channel && !channel.error) {
      this.dispatchEvent(new CustomEvent('tileerror', { detail: { key: channel.spec.key, message } }));
    }
    this.requestRender();
  }

  #setState(state) {
    if (state === this.state) return;
    this.state = state;
    this.container.dataset.state = state;
    if (state === 'sharp') this.dispatchEvent(new CustomEvent('sharp'));
  }
}

function tileKey(source, level, x, y) {
  return `${source.key}|${level}|${x}|${y}`;
}

// The samples of one tile that lie inside rect (source pixels): grey values, or every colour band of an RGB tile.
function visiblePart(values, entry, source, level, x, y, rect, kind) {
  const s = source.scale(level), t = source.tileSize;
  const stride = values.length / (entry.width * entry.height); // samples per pixel
  const c0 = Math.max(0, Math.floor(rect.x0 / s) - x * t), c1 = Math.min(entry.width, Math.ceil(rect.x1 / s) - x * t);
  const r0 = Math.max(0, Math.floor(rect.y0 / s) - y * t), r1 = Math.min(entry.height, Math.ceil(rect.y1 / s) - y * t);
  const bands = kind === 'rgb' ? Math.min(3, stride) : 1;
  const out = new (values instanceof Uint16Array ? Uint16Array : Uint8Array)(Math.max(0, (c1 - c0) * (r1 - r0) * bands));
  let o = 0;
  for (let r = r0; r < r1; r++) {
    for (let c = c0; c < c1; c++) {
      const i = (r * entry.width + c) * stride;
      for (let b = 0; b < bands; b++) out[o++] = values[i + b];
    }
  }
  return out;
}
