// One Deep Zoom pyramid: its levels, tile grid and tile URLs. Level maxLevel is full resolution and each level below
// halves it, rounding up, down to one pixel (the layout libvips' dzsave writes and OpenSeadragon reads).

export class DziSource {
  /**
   * @param {string} dziUrl signed URL of image.dzi; tiles live under the same prefix in image_files/
   */
  static async open(dziUrl, signal) {
    const response = await fetch(dziUrl, { signal, credentials: 'omit', referrerPolicy: 'no-referrer' });
    if (!response.ok) throw new Error(`the image's tile descriptor could not be read (HTTP ${response.status})`);
    const xml = new DOMParser().parseFromString(await response.text(), 'application/xml');
    const image = xml.getElementsByTagName('Image')[0], size = xml.getElementsByTagName('Size')[0];
    if (!image || !size) throw new Error("the image's tile descriptor is not Deep Zoom XML");
    return new DziSource(dziUrl, {
      width: Number(size.getAttribute('Width')), height: Number(size.getAttribute('Height')),
      tileSize: Number(image.getAttribute('TileSize')), overlap: Number(image.getAttribute('Overlap') ?? 0),
      format: image.getAttribute('Format') ?? 'png',
    });
  }

  constructor(dziUrl, { width, height, tileSize, overlap, format }) {
    if (!(width > 0 && height > 0 && tileSize > 0)) throw new Error("the image's tile descriptor has no size");
    this.key = dziUrl.split('?')[0];
    this.width = width;
    this.height = height;
    this.tileSize = tileSize;
    this.overlap = overlap;
    this.format = format;
    this.maxLevel = Math.ceil(Math.log2(Math.max(width, height)));
    // The coarsest level worth drawing: the whole image in one tile.
    this.minLevel = Math.max(0, this.maxLevel - Math.ceil(Math.log2(Math.max(1, Math.max(width, height) / tileSize))));
    this.base = dziUrl.replace(/\.dzi(\?.*)?$/, '_files/');
    this.query = dziUrl.includes('?') ? dziUrl.slice(dziUrl.indexOf('?')) : '';
  }

  /** Full-resolution pixels per level pixel. */
  scale(level) { return 2 ** (this.maxLevel - level); }

  levelSize(level) {
    const s = this.scale(level);
    return [Math.ceil(this.width / s), Math.ceil(this.height / s)];
  }

  grid(level) {
    const [w, h] = this.levelSize(level);
    return [Math.ceil(w / this.tileSize), Math.ceil(h / this.tileSize)];
  }

  /** The level whose pixels are at least as fine as the screen's at this zoom (device px per image px). */
  levelFor(devicePixelsPerImagePixel) {
    // A hair of tolerance so that exactly 1:1 (or 1:2, …) does not fetch the next, four times larger, level.
    const wanted = this.maxLevel + Math.log2(devicePixelsPerImagePixel) - 0.02;
    return Math.min(this.maxLevel, Math.max(this.minLevel, Math.ceil(wanted)));
  }

  /**
   * Where tile (x, y) of a level lies: `rect` in full-resolution image pixels (the part the tile owns, without
   * overlap) and `uv` the same part inside the tile's texture of size width × height.
   */
  tileGeometry(level, x, y, width, height) {
    const s = this.scale(level), t = this.tileSize;
    const [lw, lh] = this.levelSize(level);
    const left = x === 0 ? 0 : this.overlap, top = y === 0 ? 0 : this.overlap;
    const ownW = Math.min(t, lw - x * t), ownH = Math.min(t, lh - y * t);
    return {
      rect: { x0: x * t * s, y0: y * t * s, x1: Math.min(this.width, (x * t + ownW) * s), y1: Math.min(this.height, (y * t + ownH) * s) },
      uv: { u0: left / width, v0: top / height, u1: (left + ownW * Math.min(1, (this.width / s - x * t) / ownW)) / width, v1: (top + ownH * Math.min(1, (this.height / s - y * t) / ownH)) / height },
    };
  }

  /** Tiles of a level covering an image-pixel rectangle. */
  tilesIn(level, rect) {
    const s = this.scale(level) * this.tileSize;
    const [cols, rows] = this.grid(level);
    return {
      x0: Math.max(0, Math.floor(rect.x0 / s)), y0: Math.max(0, Math.floor(rect.y0 / s)),
      x1: Math.min(cols - 1, Math.ceil(rect.x1 / s) - 1), y1: Math.min(rows - 1, Math.ceil(rect.y1 / s) - 1),
    };
  }

  tileUrl(level, x, y) {
    return `${this.base}${level}/${x}_${y}.${this.format}${this.query}`;
  }
}
