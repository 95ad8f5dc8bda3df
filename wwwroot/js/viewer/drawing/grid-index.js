// A uniform grid over the shapes' bounding boxes: which shapes touch a rectangle, in time proportional to what is
// there rather than to the layer (100,000 imported cells; drawing culls to the view and hit tests ask a few pixels).
// Cells are sized so a typical shape touches one or a few; a shape beyond the grid's extent (drawn later outside the
// first shapes' area) lands in the edge cells, which stays correct, only less selective.

export class GridIndex {
  constructor(shapes = []) {
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity, area = 0;
    for (const s of shapes) {
      if (s.x0 < x0) x0 = s.x0;
      if (s.y0 < y0) y0 = s.y0;
      if (s.x1 > x1) x1 = s.x1;
      if (s.y1 > y1) y1 = s.y1;
      area += Math.max(1, (s.x1 - s.x0) * (s.y1 - s.y0));
    }
    if (!(x1 > x0)) { x0 = 0; x1 = 4096; }
    if (!(y1 > y0)) { y0 = 0; y1 = 4096; }
    // About one cell per few shapes, and a cell no smaller than four typical shapes: both bound the work per query.
    const typical = shapes.length ? Math.sqrt(area / shapes.length) : 64;
    const byCount = Math.sqrt(((x1 - x0) * (y1 - y0)) / Math.max(1, shapes.length / 4));
    this.size = Math.max(16, typical * 2, byCount);
    this.x0 = x0; this.y0 = y0;
    this.cols = Math.min(1024, Math.max(1, Math.ceil((x1 - x0) / this.size)));
    this.rows = Math.min(1024, Math.max(1, Math.ceil((y1 - y0) / this.size)));
    this.cells = new Array(this.cols * this.rows);
    this.stamp = 0;
    for (const s of shapes) this.insert(s);
  }

  #col(x) { return Math.min(this.cols - 1, Math.max(0, Math.floor((x - this.x0) / this.size))); }
  #row(y) { return Math.min(this.rows - 1, Math.max(0, Math.floor((y - this.y0) / this.size))); }

  insert(shape) {
    const c0 = this.#col(shape.x0), c1 = this.#col(shape.x1), r0 = this.#row(shape.y0), r1 = this.#row(shape.y1);
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        const k = r * this.cols + c;
        (this.cells[k] ??= []).push(shape);
      }
    }
  }

  remove(shape) {
    const c0 = this.#col(shape.x0), c1 = this.#col(shape.x1), r0 = this.#row(shape.y0), r1 = this.#row(shape.y1);
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        const cell = this.cells[r * this.cols + c];
        const i = cell ? cell.indexOf(shape) : -1;
        if (i >= 0) cell.splice(i, 1);
      }
    }
  }

  /** Calls visit(shape) once for each shape whose box meets the rectangle (image pixels). */
  query(x0, y0, x1, y1, visit) {
    const stamp = ++this.stamp;
    const c0 = this.#col(x0), c1 = this.#col(x1), r0 = this.#row(y0), r1 = this.#row(y1);
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        const cell = this.cells[r * this.cols + c];
        if (!cell) continue;
        for (let i = 0; i < cell.length; i++) {
          const s = cell[i];
          if (s._stamp === stamp) continue;
          s._stamp = stamp;
          if (s.x1 < x0 || s.x0 > x1 || s.y1 < y0 || s.y0 > y1) continue;
          visit(s);
        }
      }
    }
  }
}
