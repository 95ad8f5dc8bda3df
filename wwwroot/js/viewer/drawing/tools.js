// The shape a person is drawing, click by click, in image pixels: which clicks add a vertex, which finish the
// shape, and the shape it becomes. Pure state; drawing.js feeds it clicks (already converted through the view) and
// adds what it returns to the layer.

export const TOOLS = [
  { id: 'select', icon: 'arrow_selector_tool', label: 'Select a region' },
  { id: 'point', icon: 'location_on', label: 'Point' },
  { id: 'line', icon: 'horizontal_rule', label: 'Line' },
  { id: 'polyline', icon: 'polyline', label: 'Polyline' },
  { id: 'polygon', icon: 'pentagon', label: 'Polygon' },
  { id: 'bbox', icon: 'rectangle', label: 'Rectangle' },
];

/** Clicks closer than this (screen px) to the first vertex close a polygon; to the last one, are the same click. */
export const CLOSE_PX = 8;
const SAME_PX = 3;

export class Draft {
  constructor(type) {
    this.type = type;
    this.xy = [];
    this.cursor = null;
  }

  get count() { return this.xy.length / 2; }

  /**
   * A click at image point (x, y); `zoom` converts the screen tolerances. Returns { done: xy } when the click
   * finished the shape, else null.
   */
  click(x, y, zoom) {
    const n = this.count;
    const near = (i, px) => n > i && Math.hypot(x - this.xy[2 * i], y - this.xy[2 * i + 1]) * zoom <= px;
    switch (this.type) {
      case 'point':
        return { done: [x, y] };
      case 'line':
      case 'bbox':
        if (n === 0) { this.xy.push(x, y); return null; }
        if (near(0, SAME_PX)) return null;
        return { done: [this.xy[0], this.xy[1], x, y] };
      case 'polygon':
        if (n >= 3 && near(0, CLOSE_PX)) return { done: this.xy.slice() };
        if (near(n - 1, SAME_PX)) return null; // the second click of a double-click
        this.xy.push(x, y);
        return null;
      case 'polyline':
        if (n >= 2 && near(n - 1, SAME_PX)) return { done: this.xy.slice() };
        if (near(n - 1, SAME_PX)) return null;
        this.xy.push(x, y);
        return null;
      default:
        return null;
    }
  }

  /** Enter or a double-click: the shape as it stands, when it has enough points. */
  finish() {
    const n = this.count;
    if (this.type === 'polygon' && n >= 3) return { done: this.xy.slice() };
    if (this.type === 'polyline' && n >= 2) return { done: this.xy.slice() };
    return null;
  }
}
