// The ROI table at the stage's top right: one row per region of the active drawing layer (index, type, object
// type, a select button that focuses the region), a page of rows at a time so a layer of 100,000 stays cheap.

import { el, icon } from '../dom.js';

const PAGE = 10;

export class RoiTable {
  /** @param handlers { select(shape), setObject(shape, objectId) } */
  constructor(handlers) {
    this.handlers = handlers;
    this.page = 0;
    this.shapes = [];
    this.objectTypes = [];
    this.editable = false;
    this.selected = null;
    this.body = el('tbody');
    this.position = el('span', { class: 'roi-position', 'aria-live': 'polite' });
    this.prev = el('button', { type: 'button', class: 'roi-page', 'aria-label': 'Previous regions' }, icon('chevron_left'));
    this.next = el('button', { type: 'button', class: 'roi-page', 'aria-label': 'Next regions' }, icon('chevron_right'));
    this.prev.addEventListener('click', () => { this.page--; this.render(); });
    this.next.addEventListener('click', () => { this.page++; this.render(); });
    this.element = el('section', { class: 'roi-table', 'aria-label': 'Regions of interest', hidden: true },
      el('table', {},
        el('caption', { class: 'visually-hidden' }, 'Regions of interest'),
        el('thead', {}, el('tr', {},
          el('th', { scope: 'col' }, '#'), el('th', { scope: 'col' }, 'Type'), el('th', { scope: 'col' }, 'Object'),
          el('th', { scope: 'col' }, el('span', { class: 'visually-hidden' }, 'Select')))),
        this.body),
      el('div', { class: 'roi-pager' }, this.prev, this.position, this.next));
  }

  /** shapes: the active layer's list (null hides the table). */
  show(shapes, { editable, objectTypes, selected } = {}) {
    this.shapes = shapes;
    if (editable !== undefined) this.editable = editable;
    if (objectTypes) this.objectTypes = objectTypes;
    if (selected !== undefined) this.selected = selected;
    this.render();
  }

  /** Turns to the page with this shape (a shape selected on the canvas). */
  reveal(shape) {
    const at = this.shapes?.indexOf(shape) ?? -1;
    if (at >= 0) this.page = Math.floor(at / PAGE);
    this.selected = shape;
    this.render();
  }

  render() {
    const shapes = this.shapes;
    this.element.hidden = !shapes || shapes.length === 0;
    if (this.element.hidden) { this.body.replaceChildren(); return; }
    const pages = Math.max(1, Math.ceil(shapes.length / PAGE));
    this.page = Math.min(Math.max(0, this.page), pages - 1);
    const from = this.page * PAGE, to = Math.min(shapes.length, from + PAGE);
    const rows = [];
    for (let i = from; i < to; i++) rows.push(this.#row(shapes[i], i + 1));
    this.body.replaceChildren(...rows);
    this.position.textContent = `${from + 1}–${to} of ${shapes.length}`;
    this.prev.disabled = this.page === 0;
    this.next.disabled = this.page >= pages - 1;
    this.element.querySelector('.roi-pager').hidden = pages === 1;
  }

  #row(shape, number) {
    const select = el('button', { type: 'button', class: 'roi-select', 'aria-label': `Select region ${number}`, title: 'Focus this region' }, icon('center_focus_strong'));
    select.addEventListener('click', () => this.handlers.select(shape));
    let object;
    if (this.editable && this.objectTypes.length) {
      object = el('select', { class: 'roi-object', 'aria-label': `Object type of region ${number}` },
        el('option', { value: '' }, '—'),
        ...this.objectTypes.map((t) => el('option', { value: t.id, selected: t.id === shape.object }, t.id)));
      if (shape.object && !this.objectTypes.some((t) => t.id === shape.object)) object.append(el('option', { value: shape.object, selected: true }, shape.object));
      object.addEventListener('change', () => this.handlers.setObject(shape, object.value || null));
    } else {
      object = shape.object ?? '';
    }
    return el('tr', { class: shape === this.selected ? 'is-selected' : null },
      el('td', { class: 'roi-index' }, String(number)), el('td', {}, shape.type), el('td', {}, object), el('td', {}, select));
  }
}
