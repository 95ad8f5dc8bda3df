// How a person moves the view: drag to pan, wheel to zoom at the cursor, double-click to zoom in (shift: out), two
// fingers to pinch-zoom and pan, and the keyboard on the focused canvas: + / − zoom, arrows pan, 0 fits.

const WHEEL_STEP = 1 / 300;       // a classic 100-pixel notch zooms by 2^(1/3), about 1.26x
const KEY_ZOOM = 1.5;
const KEY_PAN = 0.1;              // of the canvas size per arrow press

/**
 * @param {HTMLElement} element the focusable canvas container
 * @param {{ panBy(dx: number, dy: number): void, zoomBy(f: number, x?: number, y?: number): void, fit(): void, size(): [number, number] }} view
 */
export function attachInput(element, view) {
  const pointers = new Map(); // pointerId → last client position
  const point = e => {
    const r = element.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top];
  };
  // The centre and spread of the pointers down: one pointer pans; two pan by their centre and zoom by their spread.
  const gesture = () => {
    const all = [...pointers.values()];
    const x = all.reduce((s, p) => s + p.x, 0) / all.length, y = all.reduce((s, p) => s + p.y, 0) / all.length;
    const spread = all.length > 1 ? Math.hypot(all[0].x - all[1].x, all[0].y - all[1].y) : 0;
    return { x, y, spread };
  };
  const handlers = {
    pointerdown(e) {
      if (e.pointerType === 'mouse' && e.button !== 0) return;
      element.setPointerCapture(e.pointerId);
      pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
      element.classList.add('dragging');
    },
    pointermove(e) {
      if (!pointers.has(e.pointerId)) return;
      const before = gesture();
      pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
      const after = gesture();
      view.panBy(after.x - before.x, after.y - before.y);
      if (before.spread > 0 && after.spread > 0) {
        const r = element.getBoundingClientRect();
        view.zoomBy(after.spread / before.spread, after.x - r.left, after.y - r.top);
      }
    },
    pointerup(e) {
      pointers.delete(e.pointerId);
      if (pointers.size === 0) element.classList.remove('dragging');
    },
    wheel(e) {
      e.preventDefault();
      const pixels = e.deltaMode === 1 ? e.deltaY * 33 : e.deltaMode === 2 ? e.deltaY * 400 : e.deltaY;
      view.zoomBy(2 ** (-pixels * WHEEL_STEP), ...point(e));
    },
    dblclick(e) {
      e.preventDefault();
      view.zoomBy(e.shiftKey ? 0.5 : 2, ...point(e));
    },
    keydown(e) {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const [w, h] = view.size();
      switch (e.key) {
        case '+': case '=': view.zoomBy(KEY_ZOOM); break;
        case '-': case '_': case '−': view.zoomBy(1 / KEY_ZOOM); break;
        case '0': view.fit(); break;
        case 'ArrowLeft': view.panBy(w * KEY_PAN, 0); break;
        case 'ArrowRight': view.panBy(-w * KEY_PAN, 0); break;
        case 'ArrowUp': view.panBy(0, h * KEY_PAN); break;
        case 'ArrowDown': view.panBy(0, -h * KEY_PAN); break;
        default: return;
      }
      e.preventDefault();
    },
  };
  handlers.pointercancel = handlers.pointerup;
  for (const [name, handler] of Object.entries(handlers)) element.addEventListener(name, handler, { passive: false });
  return () => { for (const [name, handler] of Object.entries(handlers)) element.removeEventListener(name, handler); };
}
