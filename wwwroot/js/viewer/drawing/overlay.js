// The regions drawn over the image: a Canvas2D canvas on top of the WebGL one, repainted whenever the view or the
// shapes change. It scales to 100,000 shapes by level of detail: only shapes the spatial index finds in the visible
// rectangle are touched; a shape smaller than a few screen pixels is a dot written straight into a pixel buffer
// (one putImageData per frame, no path work); while very many shapes are visible, small ones are box outlines in
// the same buffer; the rest are stroked as one path per style.

const DOT = 3;          // screen px: below this a shape is a dot
const BOX = 10;         // screen px: below this, and with many shapes visible, an outline of its box
const MANY = 3000;      // visible shapes above which mid-sized ones are boxes
const HANDLE = 4;       // half a vertex handle, screen px
const FIRST_VERTEX = 6; // radius of the marker on a shape's first vertex, screen px

export class Overlay {
  /** @param container the viewer's canvas container; @param glCanvas the viewer's canvas (its sub-pixel shift) */
  constructor(container, glCanvas) {
    this.container = container;
    this.glCanvas = glCanvas;
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'roi-overlay';
    this.canvas.setAttribute('aria-hidden', 'true');
    // Beside the viewer's container, not in it: the container's own canvas stays the only one there (tests and the
    // bench screenshot it), and the overlay never takes the pointer (pointer-events: none).
    container.after(this.canvas);
    this.ctx = this.canvas.getContext('2d');
    this.pixels = null;
    this.lastMs = 0;
    this.lastCount = 0;
  }

  /**
   * @param view { x, y, zoom } or null
   * @param layers [{ state: LayerState }], bottom first
   * @param extra { selected, draft: { type, xy, stroke, cursor }, hideSelected }
   */
  draw(view, layers, extra = {}) {
    const started = performance.now();
    const dpr = window.devicePixelRatio || 1;
    const width = this.container.clientWidth, height = this.container.clientHeight;
    const pw = Math.max(1, Math.round(width * dpr)), ph = Math.max(1, Math.round(height * dpr));
    const canvas = this.canvas, ctx = this.ctx;
    if (canvas.width !== pw || canvas.height !== ph) {
      canvas.width = pw; canvas.height = ph;
      canvas.style.width = `${width}px`; canvas.style.height = `${height}px`;
      this.pixels = null;
    }
    // The WebGL canvas is shifted onto whole device pixels; the overlay follows it so lines sit on the image.
    if (canvas.style.transform !== this.glCanvas.style.transform) canvas.style.transform = this.glCanvas.style.transform;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, pw, ph);
    this.lastCount = 0;
    if (!view) return;

    const k = view.zoom * dpr;
    const ox = pw / 2 - view.x * k, oy = ph / 2 - view.y * k;
    this.transform = { k, ox, oy, dpr };
    // The visible rectangle in image pixels, with a margin for line widths.
    const margin = 4 / view.zoom;
    const vx0 = -ox / k - margin, vy0 = -oy / k - margin, vx1 = (pw - ox) / k + margin, vy1 = (ph - oy) / k + margin;

    const small = [], large = [];
    for (const { state } of layers) {
      state.index.query(vx0, vy0, vx1, vy1, (s) => {
        if (s === extra.selected && extra.hideSelected) return;
        const extent = Math.max(s.x1 - s.x0, s.y1 - s.y0) * k;
        if (s.type === 'point') (large.length + small.length > MANY ? small : large).push(s);
        else if (extent < DOT * dpr) small.push(s);
        else large.push(s);
      });
    }
    let boxes = [];
    if (small.length + large.length > MANY) {
      const keep = [];
      for (const s of large) (s.type !== 'point' && Math.max(s.x1 - s.x0, s.y1 - s.y0) * k < BOX * dpr ? boxes : keep).push(s);
      large.length = 0;
      large.push(...keep);
    }
    this.lastCount = small.length + large.length + boxes.length;

    if (small.length || boxes.length) this.#pixelPass(small, boxes, k, ox, oy, pw, ph);
    this.#strokePass(large, k, ox, oy, dpr);
    if (extra.selected && !extra.hideSelected) this.#selected(extra.selected, k, ox, oy, dpr);
    if (extra.moving) this.#selected(extra.moving, k, ox, oy, dpr);
    if (extra.draft) this.#draft(extra.draft, k, ox, oy, dpr);
    this.lastMs = performance.now() - started;
  }

  /** Image point → overlay CSS pixel (for the delete button). */
  toScreen(x, y) {
    const t = this.transform;
    if (!t) return [0, 0];
    return [(x * t.k + t.ox) / t.dpr, (y * t.k + t.oy) / t.dpr];
  }

  #pixelPass(small, boxes, k, ox, oy, pw, ph) {
    if (!this.pixels || this.pixels.width !== pw || this.pixels.height !== ph) {
      this.pixels = this.ctx.createImageData(pw, ph);
      this.words = new Uint32Array(this.pixels.data.buffer);
    }
    const words = this.words;
    words.fill(0);
    const put = (x, y, c) => { if (x >= 0 && y >= 0 && x < pw && y < ph) words[y * pw + x] = c; };
    for (const s of small) {
      const c = packed(s.style.stroke);
      const x = Math.floor(((s.x0 + s.x1) / 2) * k + ox), y = Math.floor(((s.y0 + s.y1) / 2) * k + oy);
      put(x, y, c); put(x + 1, y, c); put(x, y + 1, c); put(x + 1, y + 1, c);
    }
    for (const s of boxes) {
      const c = packed(s.style.stroke);
      const x0 = Math.floor(s.x0 * k + ox), y0 = Math.floor(s.y0 * k + oy);
      const x1 = Math.floor(s.x1 * k + ox), y1 = Math.floor(s.y1 * k + oy);
      for (let x = x0; x <= x1; x++) { put(x, y0, c); put(x, y1, c); }
      for (let y = y0 + 1; y < y1; y++) { put(x0, y, c); put(x1, y, c); }
    }
    this.ctx.putImageData(this.pixels, 0, 0);
  }

  #strokePass(shapes, k, ox, oy, dpr) {
    if (!shapes.length) return;
    const ctx = this.ctx;
    const groups = new Map();
    for (const s of shapes) {
      const key = `${s.style.stroke}|${s.style.fill ? 1 : 0}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = []));
      g.push(s);
    }
    ctx.lineWidth = 2 * dpr;
    ctx.lineJoin = 'round';
    for (const g of groups.values()) {
      const { stroke, fill } = g[0].style;
      const path = new Path2D(), areas = new Path2D();
      for (const s of g) trace(s, s.type === 'point' || s.type === 'bbox' || s.type === 'polygon' ? areas : path, k, ox, oy, dpr);
      ctx.strokeStyle = stroke;
      if (fill) {
        ctx.fillStyle = withAlpha(stroke, 0.3);
        ctx.fill(areas, 'evenodd');
      }
      ctx.stroke(areas);
      ctx.stroke(path);
    }
  }

  #selected(s, k, ox, oy, dpr) {
    const ctx = this.ctx;
    const path = new Path2D();
    trace(s, path, k, ox, oy, dpr);
    ctx.lineWidth = 4 * dpr;
    ctx.strokeStyle = 'rgba(0, 0, 0, .55)';
    ctx.stroke(path);
    ctx.lineWidth = 2 * dpr;
    ctx.strokeStyle = s.style.stroke;
    if (s.style.fill) { ctx.fillStyle = withAlpha(s.style.stroke, 0.3); ctx.fill(path, 'evenodd'); }
    ctx.stroke(path);
    // Handles: the vertices a person drags.
    const h = HANDLE * dpr;
    ctx.fillStyle = '#fff';
    ctx.strokeStyle = '#1d2327';
    ctx.lineWidth = 1 * dpr;
    for (const [x, y] of handlePoints(s)) {
      const sx = x * k + ox, sy = y * k + oy;
      ctx.fillRect(sx - h, sy - h, 2 * h, 2 * h);
      ctx.strokeRect(sx - h, sy - h, 2 * h, 2 * h);
    }
  }

  #draft(d, k, ox, oy, dpr) {
    const ctx = this.ctx;
    const xy = d.xy;
    if (!xy.length) return;
    ctx.strokeStyle = d.stroke;
    ctx.lineWidth = 2 * dpr;
    ctx.beginPath();
    if (d.type === 'bbox') {
      const [x0, y0] = [xy[0] * k + ox, xy[1] * k + oy];
      const [x1, y1] = d.cursor ? [d.cursor[0] * k + ox, d.cursor[1] * k + oy] : [x0, y0];
      ctx.rect(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0), Math.abs(y1 - y0));
    } else {
      ctx.moveTo(xy[0] * k + ox, xy[1] * k + oy);
      for (let i = 2; i < xy.length; i += 2) ctx.lineTo(xy[i] * k + ox, xy[i + 1] * k + oy);
      if (d.cursor) ctx.lineTo(d.cursor[0] * k + ox, d.cursor[1] * k + oy);
    }
    ctx.stroke();
    // The first vertex's marker: clicking it closes the polygon.
    ctx.beginPath();
    ctx.arc(xy[0] * k + ox, xy[1] * k + oy, FIRST_VERTEX * dpr, 0, Math.PI * 2);
    ctx.fillStyle = 'rgba(255, 255, 255, .85)';
    ctx.fill();
    ctx.lineWidth = 1.5 * dpr;
    ctx.stroke();
  }
}

function handlePoints(s) {
  const xy = s.xy;
  if (s.type === 'bbox') return [[xy[0], xy[1]], [xy[2], xy[1]], [xy[2], xy[3]], [xy[0], xy[3]]];
  const out = [];
  for (let i = 0; i < xy.length; i += 2) out.push([xy[i], xy[i + 1]]);
  return out;
}

function trace(s, path, k, ox, oy, dpr) {
  const xy = s.xy;
  if (s.type === 'point') {
    const x = xy[0] * k + ox, y = xy[1] * k + oy, r = 4 * dpr;
    path.moveTo(x + r, y);
    path.arc(x, y, r, 0, Math.PI * 2);
    return;
  }
  if (s.type === 'bbox') {
    path.rect(xy[0] * k + ox, xy[1] * k + oy, (xy[2] - xy[0]) * k, (xy[3] - xy[1]) * k);
    return;
  }
  path.moveTo(xy[0] * k + ox, xy[1] * k + oy);
  for (let i = 2; i < xy.length; i += 2) path.lineTo(xy[i] * k + ox, xy[i + 1] * k + oy);
  if (s.type === 'polygon') path.closePath();
}

const packedCache = new Map();
/** '#rrggbb' → the pixel as the little-endian Uint32 of an RGBA ImageData. */
function packed(hex) {
  let value = packedCache.get(hex);
  if (value === undefined) {
    const n = parseInt(hex.slice(1), 16);
    value = ((0xff << 24) | ((n & 0xff) << 16) | (n & 0xff00) | ((n >> 16) & 0xff)) >>> 0;
    packedCache.set(hex, value);
  }
  return value;
}

function withAlpha(hex, alpha) {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}
