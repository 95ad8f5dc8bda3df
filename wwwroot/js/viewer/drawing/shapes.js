// Regions as the overlay keeps them: one flat Float64Array of image-pixel coordinates per shape (100,000 imported
// cells as arrays of {x, y} objects would cost hundreds of megabytes), its bounding box, and the API's formats in
// and out (Memento.Domain/Services/Regions/RegionGeometry.cs: bbox {x,y,w,h}; point {x,y}; line, polyline and
// polygon [{x,y},…]; coordinates in full-resolution image pixels, never rounded to the screen).

export const TYPES = ['point', 'line', 'polyline', 'polygon', 'bbox'];
export const DEFAULT_STROKE = '#ffeb3b';
const COLOUR = /^#[0-9a-f]{6}$/i;

let nextSeq = 1;

/** A shape: { id (the server's when loaded), saved (as the server has it), type, xy, object, style: { stroke, fill }, edited, seq, x0 y0 x1 y1 }. */
export function makeShape(type, xy, { id = null, object = null, style = null, edited = false } = {}) {
  const shape = { id, saved: id !== null, type, xy: Float64Array.from(xy), object: object || null, style: cleanStyle(style), edited, seq: nextSeq++ };
  if (type === 'bbox') normaliseBox(shape.xy);
  bounds(shape);
  return shape;
}

/** The same shape with other coordinates (a moved vertex): a new object, so history can hold the old one. */
export function withPoints(shape, xy) {
  const copy = makeShape(shape.type, xy, { id: shape.id, object: shape.object, style: shape.style, edited: true });
  return copy;
}

export function cleanStyle(style) {
  const stroke = typeof style?.stroke === 'string' && COLOUR.test(style.stroke) ? style.stroke.toLowerCase() : DEFAULT_STROKE;
  return { stroke, fill: style?.fill === true };
}

function normaliseBox(xy) {
  const x0 = Math.min(xy[0], xy[2]), x1 = Math.max(xy[0], xy[2]);
  const y0 = Math.min(xy[1], xy[3]), y1 = Math.max(xy[1], xy[3]);
  xy[0] = x0; xy[1] = y0; xy[2] = x1; xy[3] = y1;
}

function bounds(shape) {
  const xy = shape.xy;
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (let i = 0; i < xy.length; i += 2) {
    const x = xy[i], y = xy[i + 1];
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  shape.x0 = x0; shape.y0 = y0; shape.x1 = x1; shape.y1 = y1;
}

/** A Region from the API → a shape; null when its geometry is not one we can draw (never throws on bad data). */
export function fromRegion(region) {
  const type = String(region.type ?? '').toLowerCase();
  const g = typeof region.shape === 'string' ? safeParse(region.shape) : region.shape;
  const style = typeof region.style === 'string' ? safeParse(region.style) : region.style;
  let xy;
  if (type === 'bbox') {
    if (!finite(g?.x, g?.y, g?.w, g?.h)) return null;
    xy = [g.x, g.y, g.x + g.w, g.y + g.h];
  } else if (type === 'point') {
    if (!finite(g?.x, g?.y)) return null;
    xy = [g.x, g.y];
  } else if (type === 'line' || type === 'polyline' || type === 'polygon') {
    if (!Array.isArray(g) || g.length < 2) return null;
    xy = new Float64Array(g.length * 2);
    for (let i = 0; i < g.length; i++) {
      if (!finite(g[i]?.x, g[i]?.y)) return null;
      xy[2 * i] = g[i].x; xy[2 * i + 1] = g[i].y;
    }
  } else {
    return null;
  }
  return makeShape(type, xy, { id: region.id ?? null, object: region.object ?? null, style });
}

/** A shape → the API's RegionShapeInput. */
export function toInput(shape) {
  const xy = shape.xy;
  let geometry;
  if (shape.type === 'bbox') geometry = { x: xy[0], y: xy[1], w: xy[2] - xy[0], h: xy[3] - xy[1] };
  else if (shape.type === 'point') geometry = { x: xy[0], y: xy[1] };
  else {
    geometry = [];
    for (let i = 0; i < xy.length; i += 2) geometry.push({ x: xy[i], y: xy[i + 1] });
  }
  return { type: shape.type, shape: geometry, object: shape.object, style: { stroke: shape.style.stroke, fill: shape.style.fill } };
}

/** The vertices a person can drag: a box's four corners, every other shape's points. */
export function handlesOf(shape) {
  const xy = shape.xy;
  if (shape.type === 'bbox') return [[xy[0], xy[1]], [xy[2], xy[1]], [xy[2], xy[3]], [xy[0], xy[3]]];
  const out = [];
  for (let i = 0; i < xy.length; i += 2) out.push([xy[i], xy[i + 1]]);
  return out;
}

/** The shape's points after handle `index` moved to (x, y). */
export function moveHandle(shape, index, x, y) {
  const xy = Array.from(shape.xy);
  if (shape.type === 'bbox') {
    // The opposite corner stays put.
    const corners = handlesOf(shape);
    const [ox, oy] = corners[(index + 2) % 4];
    return [ox, oy, x, y];
  }
  xy[2 * index] = x; xy[2 * index + 1] = y;
  return xy;
}

/** Whether image point (x, y) is on the shape, `tolerance` image pixels counting as on a line. */
export function hits(shape, x, y, tolerance) {
  if (x < shape.x0 - tolerance || x > shape.x1 + tolerance || y < shape.y0 - tolerance || y > shape.y1 + tolerance) return false;
  const xy = shape.xy;
  switch (shape.type) {
    case 'point': return Math.hypot(x - xy[0], y - xy[1]) <= tolerance;
    case 'bbox': return true; // inside the box (with the tolerance): boxes are picked by their area
    case 'polygon': return inside(xy, x, y) || nearPath(xy, x, y, tolerance, true);
    default: return nearPath(xy, x, y, tolerance, false);
  }
}

function inside(xy, x, y) {
  let odd = false;
  const n = xy.length / 2;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const xi = xy[2 * i], yi = xy[2 * i + 1], xj = xy[2 * j], yj = xy[2 * j + 1];
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) odd = !odd;
  }
  return odd;
}

function nearPath(xy, x, y, tolerance, closed) {
  const n = xy.length / 2;
  const last = closed ? n : n - 1;
  for (let i = 0; i < last; i++) {
    const j = (i + 1) % n;
    if (segmentDistance(x, y, xy[2 * i], xy[2 * i + 1], xy[2 * j], xy[2 * j + 1]) <= tolerance) return true;
  }
  return false;
}

function segmentDistance(px, py, ax, ay, bx, by) {
  const dx = bx - ax, dy = by - ay;
  const length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function finite(...values) { return values.every((v) => typeof v === 'number' && Number.isFinite(v)); }

function safeParse(text) {
  try { return JSON.parse(text); } catch { return null; }
}
