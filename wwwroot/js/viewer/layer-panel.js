// The right-hand layer panel, image side (manual, "GUI in depth": layer panel, layer groups): a row per channel of
// the current group, the group stepper (← / slider / →) when there are two groups or more, and the arrow at the
// stage's right edge that opens and closes the panel. Display changes go to the canvas at once and are never saved,
// so they work the same for a read-only viewer or a share-link holder.

import { defaultChannelKey, drawableChannels, syncAcrossGroups, toViewerChannel } from './annotation-model.js';
import { channelRow } from './channel-row.js';
import { el, icon } from './dom.js';

export class LayerPanel {
  /**
   * @param panel the `<aside id="layer-panel">`
   * @param options { viewer, stage (the stage section), canvas (the canvas container), expandControls, expandLayer,
   *                  readOnly, groupControls, onGroupChange(group, index) }
   */
  constructor(panel, options) {
    this.panel = panel;
    this.options = options;
    this.viewer = options.viewer;
    this.groups = [];
    this.index = 0;
    this.rows = new Map();
    this.selectedKey = null;
    this.defaultLayer = null;
    // Expanded state by channel name, so stepping through a z-stack keeps the same rows open.
    this.expandedByName = new Map();

    /** The drawing layers' list (drawing-layers.js fills it): kept at the top of the panel across annotations. */
    this.drawingSlot = el('div', { class: 'drawing-layers' });
    /** Set by viewer-page.js (see the setter): selecting an image layer makes it the active layer for comments. */
    this.session = null;

    this.toggle = el('button', { type: 'button', class: 'layers-toggle', 'aria-controls': panel.id || 'layer-panel' });
    this.toggleIcon = icon('chevron_left');
    this.toggle.append(this.toggleIcon);
    this.toggle.addEventListener('click', () => this.setOpen(this.panel.hidden));
    options.stage.append(this.toggle);
    this.viewer.addEventListener('channelerror', (event) => this.channelFailed(event.detail?.key, event.detail?.message));
    this.setOpen(Boolean(options.expandLayer));
  }

  get session() {
    return this._session;
  }

  /** The viewer's session: its 'comments' event shows or hides the rows' notes icons. */
  set session(session) {
    this._session = session;
    session?.addEventListener('comments', () => {
      for (const row of this.rows.values()) row.setCommented(this.isCommented(row.layerId));
    });
  }

  isCommented(layerId) {
    return layerId !== null && layerId !== undefined && Boolean(this._session?.commentedLayers?.has(Number(layerId)));
  }

  /** Opens or closes the panel (the arrow at the stage's right edge). */
  setOpen(open) {
    this.panel.hidden = !open;
    this.toggle.setAttribute('aria-expanded', String(open));
    this.toggle.setAttribute('aria-label', open ? 'Hide the layer panel' : 'Show the layer panel');
    this.toggleIcon.textContent = open ? 'chevron_right' : 'chevron_left';
    this.panel.closest('.viewer')?.setAttribute('data-layers', open ? 'open' : 'closed');
  }

  /** Shows an annotation's groups, starting at `groupIndex`; `defaultLayer` is the project's defaultlayer. */
  show(groups, groupIndex, defaultLayer) {
    this.groups = groups;
    this.defaultLayer = defaultLayer;
    this.selectedKey = null;
    this.index = -1;
    // The frame (title, hint, stepper, list) is built once per annotation; stepping only refills the list and moves
    // the stepper, so a slider being dragged is never replaced under the pointer.
    this.stepper = groups.length > 1 ? this.groupStepper() : null;
    this.list = el('ul', { class: 'channel-list' });
    this.panel.replaceChildren(...[
      el('h2', { class: 'layers-title' }, 'Layers'),
      this.drawingSlot,
      this.options.readOnly ? el('p', { class: 'layers-hint' }, 'Read-only: display changes are yours alone and are not saved.') : null,
      this.stepper?.element,
      groups.length === 0 ? el('p', { class: 'layers-empty' }, 'This annotation has no image layers.') : this.list,
    ].filter(Boolean));
    if (groups.length > 0) this.showGroup(Math.min(Math.max(0, groupIndex), groups.length - 1));
  }

  /** Empties the panel, with a sentence saying why (loading, an error). */
  clear(message = '') {
    this.groups = [];
    this.rows.clear();
    this.stepper = null;
    this.panel.replaceChildren(el('h2', { class: 'layers-title' }, 'Layers'), this.drawingSlot);
    if (message) this.panel.append(el('p', { class: 'layers-empty' }, message));
  }

  get group() {
    return this.groups[this.index] ?? null;
  }

  /** Steps to group `index`: the canvas keeps its view, and the neighbours' visible tiles are prefetched. */
  showGroup(index) {
    if (index < 0 || index >= this.groups.length || index === this.index) return;
    const previous = this.group;
    this.index = index;
    const group = this.group;
    // Keep the selected layer by name across groups (same channel, next plane), else the project's defaultlayer.
    const selectedName = previous?.channels.find((c) => c.key === this.selectedKey)?.name;
    this.selectedKey = group.channels.find((c) => selectedName !== undefined && c.name === selectedName)?.key
      ?? defaultChannelKey(group, this.defaultLayer);
    this.viewer.setChannels(drawableChannels(group).map(toViewerChannel));
    const neighbours = [this.groups[index + 1], this.groups[index - 1]].filter(Boolean);
    if (neighbours.length > 0) this.viewer.prefetch(neighbours.flatMap((g) => drawableChannels(g).map(toViewerChannel)));
    this.stepper?.update();
    this.renderChannels();
    this.options.onGroupChange?.(group, index);
  }

  renderChannels() {
    const group = this.group;
    this.rows.clear();
    this.list.setAttribute('aria-label', `Channels of ${group.name}`);
    const rows = group.channels.map((channel) => {
      const row = channelRow(channel, {
        expanded: this.expandedByName.get(channel.name) ?? Boolean(this.options.expandControls),
        onChange: (c, change) => this.channelChanged(c, change),
        onSelect: (c) => this.select(c.key),
        onToggle: (c, open) => this.expandedByName.set(c.name, open),
        autoAdjust: (c) => this.autoAdjust(c),
        commented: this.isCommented(channel.layerId),
      });
      row.layerId = channel.layerId;
      row.setSelected(channel.key === this.selectedKey);
      this.rows.set(channel.key, row);
      return row.element;
    });
    if (rows.length === 0) rows.push(el('li', { class: 'layers-empty' }, 'This group has no image layers.'));
    this.list.replaceChildren(...rows);
  }

  /** ← / slider / → and the group's name; `update()` moves them to the current group. */
  groupStepper() {
    const count = this.groups.length;
    const previous = el('button', { type: 'button', class: 'group-previous', 'aria-label': 'Previous layer group' }, icon('arrow_back'));
    const next = el('button', { type: 'button', class: 'group-next', 'aria-label': 'Next layer group' }, icon('arrow_forward'));
    const slider = el('input', { type: 'range', min: 0, max: count - 1, step: 1, value: 0, class: 'group-slider', 'aria-label': 'Layer group' });
    const name = el('bdi', {});
    const position = el('span', { class: 'group-position' });
    const output = el('output', { class: 'group-name', 'aria-live': 'polite' }, name, position);
    const step = (delta, button) => {
      const focused = document.activeElement === button;
      this.showGroup(Math.min(count - 1, Math.max(0, this.index + delta)));
      // A button disabled at the end of the range cannot keep focus: the slider takes it.
      if (focused && button.disabled) slider.focus();
    };
    previous.addEventListener('click', () => step(-1, previous));
    next.addEventListener('click', () => step(1, next));
    slider.addEventListener('input', () => this.showGroup(Number(slider.value)));
    const element = el('div', { class: 'group-stepper', role: 'group', 'aria-label': 'Layer groups' },
      el('div', { class: 'group-controls' }, previous, slider, next), output);
    const update = () => {
      const group = this.group;
      previous.disabled = this.index === 0;
      next.disabled = this.index === count - 1;
      slider.value = String(this.index);
      slider.setAttribute('aria-valuetext', `${group.name} (${this.index + 1} of ${count})`);
      name.textContent = group.name;
      position.textContent = ` ${this.index + 1} / ${count}`;
    };
    return { element, update };
  }

  select(key) {
    this.selectedKey = key;
    for (const [k, row] of this.rows) row.setSelected(k === key);
    const layerId = this.group?.channels.find((c) => c.key === key)?.layerId;
    if (layerId !== undefined && layerId !== null) this.session?.setActiveLayer(layerId);
  }

  channelChanged(channel, change) {
    this.viewer.updateChannel(channel.key, { ...change, ...(change.color ? { color: change.color.slice() } : {}) });
    if (!this.options.groupControls) return;
    for (const other of syncAcrossGroups(this.groups, channel, change)) {
      // Channels of the same name in this group (rare) are on screen: tell the canvas and the row.
      if (this.rows.has(other.key)) {
        this.viewer.updateChannel(other.key, { min: other.min, max: other.max, opacity: other.opacity });
        this.rows.get(other.key).refresh();
      }
    }
  }

  /** The canvas could not open a channel's image: its row says so (the canvas shows the other channels). */
  channelFailed(key, message) {
    const channel = this.group?.channels.find((c) => c.key === key);
    if (!channel) return;
    // The canvas words whole sentences for people (an external picture without CORS) and fragments for the rest.
    const text = String(message ?? '').trim();
    channel.problem = /^[A-Z]/.test(text) ? text : `The image cannot be shown${text ? `: ${text}` : ''}.`;
    this.rows.get(key)?.showProblem();
  }

  /**
   * The 1st-99th percentile window: from the ingest statistics when the whole image is in view, from the visible
   * tiles' values when zoomed in (or when there are no statistics). Says which one it used.
   */
  autoAdjust(channel) {
    const whole = this.wholeImageVisible(channel);
    if (whole && channel.statistics) return { ...channel.statistics, note: 'Auto: whole image' };
    const visible = this.viewer.visiblePercentiles?.(channel.key, 1, 99);
    if (visible && Number.isFinite(visible.low) && Number.isFinite(visible.high) && visible.samples > 0) {
      const samples = new Intl.NumberFormat().format(visible.samples);
      return { min: visible.low, max: Math.max(visible.high, visible.low + 1), note: `Auto: visible area, ${samples} samples` };
    }
    if (channel.statistics) return { ...channel.statistics, note: 'Auto: whole image (the visible tiles are still loading)' };
    return { note: 'Auto: no pixel values yet; wait for the tiles and try again.' };
  }

  /** Whether the view shows the whole image (then whole-image statistics describe what the person sees). */
  wholeImageVisible(channel) {
    const { width, height } = channel.source ?? {};
    const view = this.viewer.view;
    const box = this.options.canvas;
    if (!width || !height || !view || !(view.zoom > 0) || !box) return true;
    const halfW = box.clientWidth / view.zoom / 2;
    const halfH = box.clientHeight / view.zoom / 2;
    return view.x - halfW <= 0.5 && view.y - halfH <= 0.5 && view.x + halfW >= width - 0.5 && view.y + halfH >= height - 0.5;
  }
}

