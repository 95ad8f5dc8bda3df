// The drawing layers' list in the layer panel (manual, "GUI in depth": drawing layers): listed at the top, each with
// an eye, its name (a button that makes it the active layer, which turns on the draw controls), a notes icon when it
// has comments and, for its owner or an administrator, a red delete button behind a confirmation. At the bottom of
// the panel a participant adds a drawing layer by name. Controls the caller may not use are left out of the DOM; the
// server checks every write again.

import { graphql } from './api.js';
import { el, icon, uniqueId } from './dom.js';

// The fields api.js loads for a layer, so a layer added here looks like one the page loaded.
const LAYER_FIELDS = 'id name kind sequence parentLayerId settings bitDepth ownerId editable';

const CREATE_LAYER = `mutation CreateDrawingLayer($input: CreateLayerInput!) {
  createLayer(input: $input) { layer { ${LAYER_FIELDS} } } }`;

const DELETE_LAYER = `mutation DeleteDrawingLayer($input: DeleteInput!) { deleteLayer(input: $input) { deletedId } }`;

// The server's limit on layer names (Layers.Name is 200 characters).
const MAX_NAME = 200;

export function start(session) {
  const slot = session.layerPanel?.drawingSlot;
  if (!slot) return;
  new DrawingLayers(session, slot).render();
}

class DrawingLayers {
  constructor(session, slot) {
    this.session = session;
    this.slot = slot;
    this.busy = false;
    // The add form is kept across renders so a half-typed name and its error survive a re-render.
    this.form = this.addForm();
    // Outside the slot, which every render refills: an open confirmation must survive a re-render.
    this.dialog = this.confirmDialog();
    (session.root ?? document.body).append(this.dialog);
    for (const type of ['annotation', 'layers', 'comments', 'activelayer', 'layervisibility']) {
      session.addEventListener(type, () => this.render());
    }
  }

  get layers() {
    return (this.session.annotation?.layers ?? []).filter((layer) => layer.kind === 'DRAWING');
  }

  /** Whether the caller may add drawing layers: a participant on a page that is not read-only. */
  get canAdd() {
    return Boolean(this.session.annotation) && !this.session.readOnly && Boolean(this.session.rights.participate);
  }

  render() {
    const annotationId = this.session.annotation?.id ?? null;
    if (annotationId !== this.annotationId) {
      // Another annotation: a name typed for the previous one and its error do not carry over.
      this.annotationId = annotationId;
      this.form.input.value = '';
      this.showError('');
    }
    const layers = this.layers;
    const parts = [];
    if (layers.length > 0) {
      parts.push(el('h3', { class: 'drawing-layers-title', id: 'drawing-layers-title' }, 'Drawing layers'));
      parts.push(el('ul', { class: 'drawing-layer-list', 'aria-labelledby': 'drawing-layers-title' },
        ...layers.map((layer) => this.row(layer))));
    }
    if (this.canAdd) parts.push(this.form.element);
    // Rows are rebuilt on every change; the control that had the focus (an eye just clicked) gets it back.
    const focused = this.slot.contains(document.activeElement) ? document.activeElement.dataset.focusKey : null;
    this.slot.replaceChildren(...parts);
    if (focused) this.slot.querySelector(`[data-focus-key="${focused}"]`)?.focus();
  }

  row(layer) {
    const session = this.session;
    const id = Number(layer.id);
    const visible = !session.hiddenLayers.has(id);
    const active = session.activeLayerId === id;
    const eye = el('button', {
      type: 'button', class: 'drawing-layer-eye', 'aria-pressed': String(visible),
      'aria-label': `Show drawing layer ${layer.name}`, title: visible ? 'Hide this drawing' : 'Show this drawing',
      'data-focus-key': `${id}-eye`,
    }, icon(visible ? 'visibility' : 'visibility_off'));
    eye.addEventListener('click', () => session.setLayerVisible(id, !visible));
    const name = el('button', {
      type: 'button', class: 'drawing-layer-name', 'aria-pressed': String(active),
      'aria-current': active ? 'true' : null, title: 'Draw and comment on this layer', 'data-focus-key': `${id}-name`,
    }, el('bdi', {}, layer.name));
    name.addEventListener('click', () => session.setActiveLayer(id));
    const notes = session.commentedLayers.has(id)
      ? el('span', { class: 'drawing-layer-notes', title: 'This layer has comments' },
        icon('notes'), el('span', { class: 'visually-hidden' }, 'has comments'))
      : null;
    let remove = null;
    if (layer.editable && !session.readOnly) {
      remove = el('button', { type: 'button', class: 'drawing-layer-delete', 'aria-label': `Delete drawing layer ${layer.name}` },
        icon('layers_clear'));
      remove.addEventListener('click', () => this.confirmDelete(layer));
    }
    return el('li', {
      class: `drawing-layer${active ? ' is-active' : ''}${visible ? '' : ' is-hidden'}`, 'data-layer-id': id,
    }, eye, name, notes, remove);
  }

  addForm() {
    const inputId = uniqueId('drawing-layer-name');
    const errorId = uniqueId('drawing-layer-error');
    const input = el('input', {
      id: inputId, type: 'text', class: 'drawing-layer-input', maxlength: MAX_NAME, autocomplete: 'off',
      placeholder: 'New drawing layer', 'aria-describedby': errorId,
    });
    const button = el('button', { type: 'submit', class: 'drawing-layer-add', 'aria-label': 'Add drawing layer' },
      icon('library_add'));
    const error = el('p', { id: errorId, class: 'drawing-layer-error', role: 'alert' });
    const element = el('form', { class: 'drawing-layer-form', 'aria-label': 'Add a drawing layer' },
      el('label', { for: inputId, class: 'visually-hidden' }, 'Name of the new drawing layer'),
      el('div', { class: 'drawing-layer-form-row' }, input, button), error);
    element.addEventListener('submit', (event) => {
      event.preventDefault();
      this.add();
    });
    input.addEventListener('input', () => this.showError(''));
    return { element, input, button, error };
  }

  showError(message) {
    this.form.error.textContent = message;
    this.form.error.hidden = message === '';
    if (message) this.form.input.setAttribute('aria-invalid', 'true');
    else this.form.input.removeAttribute('aria-invalid');
  }

  async add() {
    if (this.busy) return;
    const session = this.session;
    const annotation = session.annotation;
    const name = this.form.input.value.trim();
    if (!annotation) return;
    if (name === '') {
      this.showError('Type a name for the new drawing layer.');
      this.form.input.focus();
      return;
    }
    // Names are not unique in the database (two annotators may each have an "ROI"), but within one annotation the
    // name is how people and scripts (layerByName) tell layers apart.
    const taken = (annotation.layers ?? []).some((layer) => layer.name.trim().toLowerCase() === name.toLowerCase());
    if (taken) {
      this.showError(`This annotation already has a layer named “${name}”. Choose another name.`);
      this.form.input.focus();
      return;
    }
    this.busy = true;
    this.form.button.disabled = true;
    try {
      const data = await graphql(CREATE_LAYER, { input: { annotationId: Number(annotation.id), name, kind: 'DRAWING' } });
      const layer = data.createLayer.layer;
      // The annotation may have changed while the request ran: the layer belongs to the one it was made for.
      if (session.annotation?.id !== annotation.id) return;
      this.form.input.value = '';
      this.showError('');
      // The live stream may have brought the new layer in already (live-events.js): never listed twice.
      session.setLayers([...(session.annotation.layers ?? []).filter((l) => String(l.id) !== String(layer.id)), layer]);
      session.setActiveLayer(layer.id);
    } catch (error) {
      this.showError(error?.message || 'The layer could not be added. Try again.');
    } finally {
      this.busy = false;
      this.form.button.disabled = false;
    }
  }

  confirmDialog() {
    const message = el('p', { class: 'drawing-layer-confirm-text', id: uniqueId('drawing-layer-confirm') });
    const cancel = el('button', { type: 'button', class: 'drawing-layer-cancel', value: 'cancel' }, 'Cancel');
    const confirm = el('button', { type: 'button', class: 'drawing-layer-confirm danger', value: 'delete' },
      icon('layers_clear'), ' Delete layer');
    const error = el('p', { class: 'drawing-layer-dialog-error', role: 'alert', hidden: true });
    const dialog = el('dialog', { class: 'drawing-layer-dialog', 'aria-labelledby': message.id },
      message, error, el('div', { class: 'drawing-layer-dialog-actions' }, cancel, confirm));
    cancel.addEventListener('click', () => dialog.close());
    confirm.addEventListener('click', () => this.remove(dialog.layer));
    Object.assign(dialog, { message, error, confirm });
    return dialog;
  }

  confirmDelete(layer) {
    const dialog = this.dialog;
    dialog.layer = layer;
    dialog.message.textContent = `Delete the drawing layer “${layer.name}” and all its regions and comments? This cannot be undone.`;
    dialog.error.textContent = '';
    dialog.error.hidden = true;
    dialog.showModal();
    // Cancel first: Enter on an opened dialog must not delete.
    dialog.querySelector('.drawing-layer-cancel').focus();
  }

  async remove(layer) {
    if (!layer || this.busy) return;
    const session = this.session;
    const dialog = this.dialog;
    this.busy = true;
    dialog.confirm.disabled = true;
    try {
      await graphql(DELETE_LAYER, { input: { id: Number(layer.id) } });
      dialog.close();
      const id = Number(layer.id);
      if (session.annotation) {
        session.setLayers((session.annotation.layers ?? []).filter((l) => Number(l.id) !== id));
      }
      if (session.activeLayerId === id) session.setActiveLayer(null);
    } catch (error) {
      dialog.error.textContent = error?.message || 'The layer could not be deleted. Try again.';
      dialog.error.hidden = false;
    } finally {
      this.busy = false;
      dialog.confirm.disabled = false;
    }
  }
}
