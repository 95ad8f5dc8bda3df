// Regions of interest on the canvas (manual: "To draw a region of interest"): every visible drawing layer's shapes
// over the image at any zoom; for an editable active drawing layer, the draw action (amber while on), its colour,
// Fill and tools, Save against the layer's version (a conflict asks "Reload theirs" or "Keep both"), selection with
// a red × to delete, vertex handles, undo/redo, and the ROI table. Viewers and share-link holders see the shapes and
// the table, and none of the controls.

import { el, icon } from '../dom.js';
import { LayerState } from './layer-state.js';
import { Overlay } from './overlay.js';
import { RoiTable } from './roi-table.js';
import { Draft, TOOLS } from './tools.js';
import { makeShape, withPoints, hits, handlesOf, moveHandle, DEFAULT_STROKE } from './shapes.js';
import { loadLayer, saveLayer, loadObjectTypes } from './regions-api.js';
import { askConflict } from './conflict-dialog.js';
import { RemoteSaveNotice } from './remote-save-notice.js';

const CLICK_SLOP = 4;   // screen px a pointer may move and still click
const HIT_PX = 6;       // screen px around a line that still picks it
const HANDLE_PX = 7;    // screen px around a vertex handle

export function start(session) {
  if (!session.viewer || !session.canvas) return;
  new Drawing(session);
}

class Drawing {
  constructor(session) {
    this.session = session;
    this.viewer = session.viewer;
    this.container = session.canvas;
    this.overlay = new Overlay(this.container, this.viewer.canvas);
    this.layers = new Map();      // layer id → LayerState (loaded) or a Promise (loading)
    this.drawMode = false;
    this.tool = 'polygon';
    this.stroke = DEFAULT_STROKE;
    this.fill = false;
    this.selected = null;
    this.draft = null;
    this.pointer = null;           // { id, x, y, kind: 'click' | 'handle' | 'box', … } while a button is down
    this.objectTypes = null;
    this.generation = 0;           // bumps with each annotation, so late loads of the previous one are dropped

    this.table = new RoiTable({
      select: (shape) => this.focus(shape),
      setObject: (shape, object) => this.setObject(shape, object),
    });
    this.status = el('span', { class: 'roi-status', role: 'status' });
    this.buildControls();
    session.actions.subActions.append(this.table.element);

    this.deleteButton = el('button', { type: 'button', class: 'roi-delete', 'aria-label': 'Delete the selected region', title: 'Delete', hidden: true }, icon('close'));
    this.deleteButton.addEventListener('click', () => this.deleteSelected());
    // Put in the page only while a shape the caller may edit is selected: read-only callers never get the control.

    this.viewer.addEventListener('view', () => this.paint());
    new ResizeObserver(() => this.schedule()).observe(this.container);
    session.addEventListener('annotation', () => this.openAnnotation());
    session.addEventListener('layers', () => this.syncLayers());
    session.addEventListener('layervisibility', () => { this.syncLayers(); this.schedule(); });
    session.addEventListener('activelayer', () => this.activeChanged());
    // Opening another annotation through the session (grid, Next, fast keys) with unsaved shapes asks first; this
    // listener runs before the page's (modules start before it listens), so stopping the event keeps this one open.
    session.addEventListener('open', (event) => { if (!this.confirmLeave()) event.stopImmediatePropagation(); });
    session.root.addEventListener('click', (event) => this.guardLink(event), true);
    window.addEventListener('beforeunload', (event) => {
      if (this.unsaved()) { event.preventDefault(); event.returnValue = ''; }
    });
    // Someone else saved a layer shown here (live-events.js): announced when it is the one being edited.
    this.notice = new RemoteSaveNotice(session.stage ?? this.container, {
      reload: (layerId) => this.reloadTheirs(this.layers.get(layerId)),
      keep: () => this.say('Keeping your shapes; Save will ask how to combine them with the saved layer.'),
    });
    this.remoteWhileSaving = [];
    session.addEventListener('remote', (event) => this.remote(event.detail));
    this.attachPointer();
    document.addEventListener('keydown', (event) => this.onKey(event));
    if (session.annotation) this.openAnnotation();
  }

  // ---- layers ----

  drawingLayers() {
    return (this.session.annotation?.layers ?? []).filter((l) => l.kind === 'DRAWING');
  }

  activeLayer() {
    const id = this.session.activeLayerId;
    return this.drawingLayers().find((l) => Number(l.id) === id) ?? null;
  }

  activeState() {
    const layer = this.activeLayer();
    const state = layer && this.layers.get(Number(layer.id));
    return state instanceof LayerState ? state : null;
  }

  canEdit() {
    const layer = this.activeLayer();
    return Boolean(layer && layer.editable && !this.session.readOnly && this.session.rights.participate !== false
      && this.activeState());
  }

  openAnnotation() {
    this.notice.hide();
    this.remoteWhileSaving = [];
    this.generation++;
    this.layers.clear();
    this.selected = null;
    this.draft = null;
    this.setDrawMode(false);
    this.syncLayers();
    this.activeChanged();
  }

  /** Loads every drawing layer not loaded yet (hidden ones too: the active layer may be hidden and edited). */
  syncLayers() {
    const ids = new Set(this.drawingLayers().map((l) => Number(l.id)));
    for (const id of [...this.layers.keys()]) if (!ids.has(id)) this.layers.delete(id);
    for (const id of ids) if (!this.layers.has(id)) this.load(id);
    this.activeChanged();
  }

  load(id) {
    const generation = this.generation;
    const promise = loadLayer(id, { shareToken: this.session.shareToken }).then(({ shapes, version }) => {
      if (generation !== this.generation || this.layers.get(id) !== promise) return;
      this.layers.set(id, new LayerState(id, shapes, version));
      this.container.dataset.roiLayers = String([...this.layers.values()].filter((s) => s instanceof LayerState).length);
      this.activeChanged();
      this.schedule();
    }, (error) => {
      if (generation !== this.generation) return;
      this.layers.delete(id);
      this.say(`The regions of a drawing layer could not be loaded: ${error.message}`);
    });
    this.layers.set(id, promise);
    return promise;
  }

  // ---- controls ----

  buildControls() {
    const button = (name, label, onClick, cls) => {
      const b = el('button', { type: 'button', class: `action ${cls}`, 'aria-label': label, title: label }, icon(name));
      b.addEventListener('click', onClick);
      return b;
    };
    this.drawButton = button('draw', 'Draw regions', () => this.setDrawMode(!this.drawMode), 'action-draw');
    this.saveButton = button('save', 'Save the drawing layer', () => this.save(), 'action-save');

    const colourId = 'roi-stroke-colour';
    this.colourInput = el('input', { type: 'color', id: colourId, value: this.stroke });
    this.colourInput.addEventListener('input', () => { this.stroke = this.colourInput.value; this.schedule(); });
    this.fillInput = el('input', { type: 'checkbox', id: 'roi-fill' });
    this.fillInput.addEventListener('change', () => { this.fill = this.fillInput.checked; });
    this.toolButtons = TOOLS.map((tool) => {
      const b = el('button', { type: 'button', class: 'roi-tool', 'aria-label': tool.label, title: tool.label, 'aria-pressed': String(tool.id === this.tool), 'data-tool': tool.id }, icon(tool.icon));
      b.addEventListener('click', () => this.setTool(tool.id));
      return b;
    });
    this.undoButton = button('undo', 'Undo', () => this.undo(), 'roi-undo');
    this.redoButton = button('redo', 'Redo', () => this.redo(), 'roi-redo');
    this.controls = el('div', { class: 'roi-controls', role: 'toolbar', 'aria-label': 'Drawing tools' },
      el('label', { class: 'roi-colour', for: colourId }, el('span', {}, 'Colour'), this.colourInput),
      el('label', { class: 'roi-fill', for: 'roi-fill' }, this.fillInput, el('span', {}, 'Fill')),
      el('span', { class: 'roi-tools' }, ...this.toolButtons),
      this.undoButton, this.redoButton);
  }

  /** Shows the controls the caller may use for the active layer, and removes the rest from the page. */
  activeChanged() {
    const editable = this.canEdit();
    const actions = this.session.actions;
    if (!editable && this.drawMode) this.setDrawMode(false);
    if (editable && !this.drawButton.isConnected) actions.extra.append(this.drawButton);
    if (!editable) this.drawButton.remove();
    const state = this.activeState();
    if (this.selected && !state?.shapes.includes(this.selected)) this.select(null);
    this.table.show(state ? state.shapes : null, { editable: editable && this.drawMode, objectTypes: this.objectTypes ?? [], selected: this.selected });
    this.updateButtons();
    this.schedule();
  }

  setDrawMode(on) {
    this.drawMode = Boolean(on) && this.canEdit();
    this.drawButton.setAttribute('aria-pressed', String(this.drawMode));
    const actions = this.session.actions;
    if (this.drawMode) {
      if (!this.saveButton.isConnected) this.drawButton.after(this.saveButton);
      if (!this.controls.isConnected) actions.subActions.prepend(this.controls, this.status);
      if (this.objectTypes === null) {
        this.objectTypes = [];
        loadObjectTypes().then((types) => { this.objectTypes = types; this.activeChanged(); });
      }
    } else {
      this.saveButton.remove();
      this.controls.remove();
      this.status.remove();
      this.draft = null;
      this.pointer = null;
    }
    this.container.classList.toggle('is-drawing', this.drawMode);
    this.container.dataset.drawMode = String(this.drawMode);
    if (this.drawButton.isConnected || !on) {
      const state = this.activeState();
      this.table.show(state ? state.shapes : null, { editable: this.drawMode, objectTypes: this.objectTypes ?? [] });
    }
    this.select(this.selected);
  }

  setTool(id) {
    this.tool = id;
    this.draft = null;
    for (const b of this.toolButtons) b.setAttribute('aria-pressed', String(b.dataset.tool === id));
    this.schedule();
  }

  updateButtons() {
    const state = this.activeState();
    this.undoButton.disabled = !state?.done.length;
    this.redoButton.disabled = !state?.undone.length;
    this.saveButton.classList.toggle('is-unsaved', Boolean(state?.dirty));
    this.container.dataset.roiUnsaved = String(Boolean(state?.dirty));
  }

  say(text) {
    this.status.textContent = text;
    if (!this.status.isConnected && text) this.session.actions.subActions.prepend(this.status);
  }

  // ---- painting ----

  schedule() {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => { this.frame = 0; this.paint(); });
  }

  paint() {
    const visible = [];
    for (const layer of this.drawingLayers()) {
      const state = this.layers.get(Number(layer.id));
      if (state instanceof LayerState && !this.session.hiddenLayers.has(Number(layer.id))) visible.push({ state });
    }
    const draft = this.draft ? { type: this.draft.type, xy: this.draft.xy, cursor: this.draft.cursor, stroke: this.stroke } : null;
    this.overlay.draw(this.viewer.view, visible, {
      selected: this.selected, hideSelected: Boolean(this.pointer?.moving), moving: this.pointer?.moving, draft,
    });
    // What tests and the ROI bench wait for: how many regions the last paint drew, and what it cost.
    this.container.dataset.roiDrawn = String(this.overlay.lastCount);
    this.container.dataset.roiMs = this.overlay.lastMs.toFixed(1);
    this.placeDelete();
  }

  placeDelete() {
    const show = Boolean(this.selected && this.drawMode && this.canEdit() && !this.pointer?.moving && this.viewer.view);
    this.deleteButton.hidden = !show;
    if (!show) {
      this.deleteButton.remove();
      return;
    }
    if (!this.deleteButton.isConnected) this.container.after(this.deleteButton);
    const [x, y] = this.overlay.toScreen(this.selected.x1, this.selected.y0);
    this.deleteButton.style.left = `${Math.round(x)}px`;
    this.deleteButton.style.top = `${Math.round(y)}px`;
  }

  // ---- pointer ----

  /** Screen (client) → image pixels through the current view, unrounded. */
  toImage(event) {
    const view = this.viewer.view;
    const rect = this.viewer.canvas.getBoundingClientRect();
    return [(event.clientX - rect.left - rect.width / 2) / view.zoom + view.x, (event.clientY - rect.top - rect.height / 2) / view.zoom + view.y];
  }

  attachPointer() {
    const c = this.container;
    const own = (event) => { event.stopImmediatePropagation(); event.preventDefault(); };
    c.addEventListener('pointerdown', (event) => {
      if (!this.drawMode || !this.viewer.view || event.button !== 0) return;
      const [x, y] = this.toImage(event);
      const zoom = this.viewer.view.zoom;
      this.pointer = { id: event.pointerId, cx: event.clientX, cy: event.clientY, kind: 'click' };
      const handle = this.handleAt(x, y, zoom);
      if (handle !== null) {
        this.pointer = { ...this.pointer, kind: 'handle', handle, moving: null };
      } else if (this.tool === 'bbox' && !this.draft) {
        this.pointer = { ...this.pointer, kind: 'box', start: [x, y] };
      } else {
        return; // a click or a pan: the viewer pans if it moves
      }
      own(event);
      c.setPointerCapture(event.pointerId);
    }, true);
    c.addEventListener('pointermove', (event) => {
      if (!this.drawMode || !this.viewer.view) return;
      const p = this.pointer;
      const [x, y] = this.toImage(event);
      if (p && p.id === event.pointerId && p.kind === 'handle') {
        own(event);
        const state = this.activeState();
        if (state && this.selected) this.pointer.moving = withPoints(this.selected, moveHandle(this.selected, p.handle, x, y));
        this.paint();
        return;
      }
      if (p && p.id === event.pointerId && p.kind === 'box') {
        own(event);
        if (Math.hypot(event.clientX - p.cx, event.clientY - p.cy) > CLICK_SLOP) {
          this.draft = new Draft('bbox');
          this.draft.xy.push(...p.start);
          this.draft.cursor = [x, y];
          p.dragging = true;
        }
        this.paint();
        return;
      }
      if (this.draft) { this.draft.cursor = [x, y]; this.schedule(); }
    }, true);
    const up = (event) => {
      const p = this.pointer;
      if (!this.drawMode || !p || p.id !== event.pointerId) return;
      this.pointer = null;
      const [x, y] = this.toImage(event);
      if (p.kind === 'handle') {
        own(event);
        if (p.moving) this.replaceSelected(p.moving);
        this.paint();
        return;
      }
      if (p.kind === 'box' && p.dragging) {
        own(event);
        this.draft = null;
        this.finishShape('bbox', [p.start[0], p.start[1], x, y]);
        return;
      }
      if (p.kind === 'box') own(event);
      if (event.type === 'pointerup' && Math.hypot(event.clientX - p.cx, event.clientY - p.cy) <= CLICK_SLOP) this.click(x, y);
    };
    c.addEventListener('pointerup', up, true);
    c.addEventListener('pointercancel', up, true);
    // In draw mode a double-click finishes a polyline or polygon instead of zooming.
    c.addEventListener('dblclick', (event) => {
      if (!this.drawMode) return;
      own(event);
      const done = this.draft?.finish();
      if (done) this.finishShape(this.draft.type, done.done);
    }, true);
  }

  handleAt(x, y, zoom) {
    if (!this.selected || !this.canEdit()) return null;
    const handles = handlesOf(this.selected);
    for (let i = 0; i < handles.length; i++) {
      if (Math.hypot(handles[i][0] - x, handles[i][1] - y) * zoom <= HANDLE_PX) return i;
    }
    return null;
  }

  click(x, y) {
    const zoom = this.viewer.view.zoom;
    if (this.tool === 'select') {
      this.select(this.hitTest(x, y, zoom));
      return;
    }
    if (!this.draft) { this.draft = new Draft(this.tool); this.select(null); }
    const result = this.draft.click(x, y, zoom);
    if (result) this.finishShape(this.draft.type, result.done);
    else this.schedule();
  }

  /** The topmost shape of the active layer at image point (x, y), through the spatial index. */
  hitTest(x, y, zoom) {
    const state = this.activeState();
    if (!state) return null;
    const tolerance = HIT_PX / zoom;
    let best = null;
    state.index.query(x - tolerance, y - tolerance, x + tolerance, y + tolerance, (s) => {
      if ((!best || s.seq > best.seq) && hits(s, x, y, tolerance)) best = s;
    });
    return best;
  }

  // ---- edits ----

  finishShape(type, xy) {
    this.draft = null;
    const state = this.activeState();
    if (!state || !this.canEdit()) return;
    if (type === 'bbox' && (xy[0] === xy[2] || xy[1] === xy[3])) { this.schedule(); return; }
    const shape = makeShape(type, xy, { style: { stroke: this.stroke, fill: this.fill }, edited: true });
    state.add(shape);
    this.changed();
  }

  replaceSelected(after) {
    const state = this.activeState();
    if (!state || !this.selected) return;
    state.replace(this.selected, after);
    this.selected = after;
    this.changed();
  }

  deleteSelected() {
    const state = this.activeState();
    if (!state || !this.selected || !this.canEdit()) return;
    state.remove(this.selected);
    this.selected = null;
    this.changed();
    this.container.focus();
  }

  setObject(shape, object) {
    const state = this.activeState();
    if (!state || !this.canEdit()) return;
    const after = withPoints(shape, shape.xy);
    after.object = object;
    state.replace(shape, after);
    if (this.selected === shape) this.selected = after;
    this.changed();
  }

  undo() {
    const state = this.activeState();
    if (!state || !this.canEdit() || !state.undo()) return;
    this.draft = null;
    this.select(null);
    this.changed();
  }

  redo() {
    const state = this.activeState();
    if (!state || !this.canEdit() || !state.redo()) return;
    this.select(null);
    this.changed();
  }

  changed() {
    const state = this.activeState();
    this.table.show(state ? state.shapes : null, { selected: this.selected });
    this.updateButtons();
    this.say('');
    this.paint();
  }

  select(shape) {
    this.selected = shape;
    if (shape) this.table.reveal(shape);
    else this.table.show(this.table.shapes, { selected: null });
    this.schedule();
  }

  /**
   * The table's select button: selects the region and zooms so it fills about a third of the canvas, left of the
   * centre, clear of the floating actions and the table at the top right (its × must stay clickable).
   */
  focus(shape) {
    const width = this.container.clientWidth, height = this.container.clientHeight;
    const w = Math.max(shape.x1 - shape.x0, 1), h = Math.max(shape.y1 - shape.y0, 1);
    const zoom = Math.min((width * 0.35) / w, (height * 0.35) / h, 8);
    this.viewer.view = { x: (shape.x0 + shape.x1) / 2 + (width * 0.15) / zoom, y: (shape.y0 + shape.y1) / 2, zoom };
    this.select(shape);
  }

  onKey(event) {
    if (!this.drawMode) return;
    const target = event.target;
    if (target instanceof HTMLElement && target.closest('input, select, textarea, [contenteditable="true"], dialog')) return;
    const key = event.key;
    const mod = event.ctrlKey || event.metaKey;
    if (mod && (key === 'z' || key === 'Z')) { event.preventDefault(); if (event.shiftKey) this.redo(); else this.undo(); return; }
    if (mod && (key === 'y' || key === 'Y')) { event.preventDefault(); this.redo(); return; }
    if (mod || event.altKey) return;
    if (key === 'Escape') {
      if (this.draft) this.draft = null;
      else this.select(null);
      this.schedule();
    } else if (key === 'Enter' && this.draft) {
      const done = this.draft.finish();
      if (done) this.finishShape(this.draft.type, done.done);
    } else if ((key === 'Delete' || key === 'Backspace') && this.selected) {
      this.deleteSelected();
    } else {
      return;
    }
    event.preventDefault();
  }

  // ---- save ----

  async save() {
    const state = this.activeState();
    if (!state || !this.canEdit() || this.saving) return;
    this.saving = true;
    this.saveButton.disabled = true;
    this.say('Saving…');
    const shapes = state.shapes.slice();
    try {
      const result = await saveLayer(state.layerId, shapes, state.version);
      for (const s of shapes) { s.saved = true; s.edited = false; }
      state.saved(result.version);
      this.notice.hide(state.layerId);
      this.say(`Saved ${shapes.length} ${shapes.length === 1 ? 'region' : 'regions'}.`);
    } catch (error) {
      if (error.code === 'CONFLICT') await this.resolveConflict(state);
      else this.say(`Not saved: ${error.message}`);
    } finally {
      this.saving = false;
      this.saveButton.disabled = false;
      this.updateButtons();
      this.paint();
      // Saves announced while this one ran: this tab's own parts are behind the version it now holds.
      const queued = this.remoteWhileSaving;
      this.remoteWhileSaving = [];
      for (const detail of queued) this.remote(detail);
    }
  }

  async resolveConflict(state) {
    this.notice.hide(state.layerId);
    const choice = await askConflict(this.session.root);
    if (!choice) { this.say('Not saved: the layer changed on the server.'); return; }
    let theirs;
    try {
      theirs = await loadLayer(state.layerId);
    } catch (error) {
      this.say(`Not saved: ${error.message}`);
      return;
    }
    // Mine: what was drawn or changed here since the last load (saved shapes unchanged are in theirs already).
    const mine = choice === 'both' ? state.shapes.filter((s) => !s.saved || s.edited) : [];
    this.selected = null;
    this.draft = null;
    state.reset(theirs.shapes, theirs.version);
    if (choice === 'theirs') {
      this.changed();
      this.say('Reloaded the saved layer.');
      return;
    }
    for (const s of mine) { s.saved = false; state.add(s); }
    this.changed();
    this.saving = false;
    await this.save();
  }

  // ---- saved elsewhere (live) ----

  /**
   * A live change on the open annotation. LAYER_SAVED with a version newer than the one held here: a layer with
   * nothing unsaved here shows theirs at once; one with unsaved shapes (being edited) gets the notice. This
   * tab's own saves come back with the version it already holds (or while it saves: looked at once it is done), so
   * they say nothing. RESYNC (a reconnect) asks each loaded layer's version, as a missed event would have said.
   */
  async remote({ change, event }) {
    if (change === 'RESYNC') {
      for (const [id, state] of this.layers) {
        if (!(state instanceof LayerState) || state.version === null) continue;
        try {
          const { version } = await loadLayer(id);
          if (version !== state.version) this.remote({ change: 'LAYER_SAVED', event: { layerId: id, layerVersion: version, actor: null } });
        } catch {
          // The next save's version check still catches it.
        }
      }
      return;
    }
    if (change !== 'LAYER_SAVED' || event?.layerId === null || event?.layerId === undefined) return;
    const id = Number(event.layerId);
    const state = this.layers.get(id);
    if (!(state instanceof LayerState)) return; // not loaded yet: its load brings the new version
    if (this.saving) { this.remoteWhileSaving.push({ change, event }); return; }
    const version = event.layerVersion ?? null;
    // A share link's reader holds no version: every save is someone else's, shown as it comes.
    if (state.version !== null && (version === null || version <= state.version)) return;
    const layer = this.drawingLayers().find((l) => Number(l.id) === id);
    if (!state.dirty) {
      // Nothing of this person's to lose: show theirs, and say so where the drawing status shows.
      const shown = await this.reloadTheirs(state, { quiet: true });
      if (!shown && state.dirty) {
        // A shape was drawn while theirs loaded: now there is something to lose, so ask.
        this.notice.show({ layerId: id, actor: event.actor, name: layer?.name, version });
        return;
      }
      if (shown && this.drawMode && this.activeLayer() === layer) {
        this.say(`${event.actor || 'Someone'} saved layer ${layer?.name ?? id} (version ${version}); showing it.`);
      }
      return;
    }
    this.notice.show({ layerId: id, actor: event.actor, name: layer?.name, version });
  }

  /** "Reload" (the notice) and "Reload theirs" (the conflict dialog): the layer as saved, this tab's shapes dropped. */
  async reloadTheirs(state, { quiet = false } = {}) {
    if (!(state instanceof LayerState)) return false;
    const generation = this.generation;
    let theirs;
    try {
      theirs = await loadLayer(state.layerId, { shareToken: this.session.shareToken });
    } catch (error) {
      if (!quiet) this.say(`The saved layer could not be loaded: ${error.message}`);
      return false;
    }
    if (generation !== this.generation || this.layers.get(state.layerId) !== state) return false;
    if (quiet && state.dirty) return false; // drawn on meanwhile: never swept away unasked
    this.notice.hide(state.layerId);
    if (this.selected && state.shapes.includes(this.selected)) this.selected = null;
    if (!quiet) this.draft = null; // a shape half drawn (not a change yet) survives a quiet reload
    state.reset(theirs.shapes, theirs.version);
    this.changed();
    if (!quiet) this.say('Reloaded the saved layer.');
    return true;
  }

  // ---- leaving ----

  unsaved() {
    for (const state of this.layers.values()) if (state instanceof LayerState && state.dirty) return true;
    return false;
  }

  confirmLeave() {
    if (!this.unsaved()) return true;
    return window.confirm('This drawing layer has shapes that are not saved. Leave without saving them?');
  }

  /** A sidebar link to another annotation with unsaved shapes: ask, and cancel the click when the answer is no. */
  guardLink(event) {
    const link = event.target.closest?.('a[href]');
    if (!link || !/\/viewer\/annotations\/\d+/.test(link.getAttribute('href') ?? '')) return;
    if (!this.confirmLeave()) { event.preventDefault(); event.stopPropagation(); }
  }
}
