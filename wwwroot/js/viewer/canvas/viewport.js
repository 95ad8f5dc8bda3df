// The view as pure numbers: which image pixel sits at the canvas centre and how many CSS pixels one image pixel
// covers. Every conversion between screen and image coordinates lives here, so panning, zooming at the cursor and
// the tiles a frame needs all agree to the pixel.

export class Viewport {
  /** @param {number} imageWidth @param {number} imageHeight */
  constructor(imageWidth, imageHeight) {
    this.imageWidth = imageWidth;
    this.imageHeight = imageHeight;
    this.width = 1;   // canvas size in CSS pixels
    this.height = 1;
    this.x = imageWidth / 2;
    this.y = imageHeight / 2;
    this.zoom = 1;
    this.fitted = false; // showing the fitted view, untouched since: a resize fits again
  }

  /** A new canvas size; a view nobody has moved since it was fitted is fitted to the new size. */
  resize(width, height) {
    width = Math.max(1, width);
    height = Math.max(1, height);
    if (width === this.width && height === this.height) return;
    this.width = width;
    this.height = height;
    if (this.fitted) this.fit();
  }

  /** The zoom at which the whole image fits the canvas. */
  get fitZoom() {
    return Math.min(this.width / this.imageWidth, this.height / this.imageHeight);
  }

  // Far enough out to see the image small in its context, far enough in to see single pixels as large squares.
  get minZoom() { return Math.min(this.fitZoom / 4, 1); }
  get maxZoom() { return Math.max(this.fitZoom, 64); }

  fit() {
    this.x = this.imageWidth / 2;
    this.y = this.imageHeight / 2;
    this.zoom = this.fitZoom;
    this.fitted = true;
  }

  set(view) {
    this.fitted = false;
    if (Number.isFinite(view.x)) this.x = view.x;
    if (Number.isFinite(view.y)) this.y = view.y;
    if (Number.isFinite(view.zoom) && view.zoom > 0) this.zoom = this.#clampZoom(view.zoom);
    this.#clampCentre();
  }

  get view() { return { x: this.x, y: this.y, zoom: this.zoom }; }

  toScreen(ix, iy) {
    return [(ix - this.x) * this.zoom + this.width / 2, (iy - this.y) * this.zoom + this.height / 2];
  }

  toImage(sx, sy) {
    return [(sx - this.width / 2) / this.zoom + this.x, (sy - this.height / 2) / this.zoom + this.y];
  }

  /** Zooms by factor keeping the image point under the screen point (CSS px; default the centre) fixed. */
  zoomBy(factor, sx = this.width / 2, sy = this.height / 2) {
    this.fitted = false;
    const [ix, iy] = this.toImage(sx, sy);
    this.zoom = this.#clampZoom(this.zoom * factor);
    // Solve toScreen(ix, iy) == (sx, sy) for the new centre.
    this.x = ix - (sx - this.width / 2) / this.zoom;
    this.y = iy - (sy - this.height / 2) / this.zoom;
    this.#clampCentre();
  }

  /** Moves the image with the pointer: dx, dy in CSS pixels. */
  panBy(dx, dy) {
    this.fitted = false;
    this.x -= dx / this.zoom;
    this.y -= dy / this.zoom;
    this.#clampCentre();
  }

  /** The part of the image on screen, in image pixels, clipped to the image. */
  visibleRect() {
    const [x0, y0] = this.toImage(0, 0);
    const [x1, y1] = this.toImage(this.width, this.height);
    return {
      x0: Math.max(0, x0), y0: Math.max(0, y0),
      x1: Math.min(this.imageWidth, x1), y1: Math.min(this.imageHeight, y1),
    };
  }

  /** True when the canvas shows the whole image (auto-adjust then uses the whole image's statistics). */
  showsWholeImage() {
    const r = this.visibleRect();
    return r.x0 <= 0 && r.y0 <= 0 && r.x1 >= this.imageWidth && r.y1 >= this.imageHeight;
  }

  #clampZoom(z) { return Math.min(this.maxZoom, Math.max(this.minZoom, z)); }

  // The canvas centre stays over the image, so at most half the canvas is empty and the image is never lost.
  #clampCentre() {
    this.x = Math.min(this.imageWidth, Math.max(0, this.x));
    this.y = Math.min(this.imageHeight, Math.max(0, this.y));
  }
}
