// One channel of the layer panel: eye, name, expand arrow, and its display controls (colour, dual-handle intensity
// window with typed min/max, opacity, auto-adjust). It changes the channel object it is given and reports each change
// through `onChange(channel, change)` at once (input events, so the canvas repaints while a handle moves).

import { clampWindow, colourToHex, hexToColour } from './annotation-model.js';
import { el, icon, uniqueId } from './dom.js';

/**
 * @param channel the model's channel (mutated here)
 * @param options { expanded, selected, onChange(channel, change), onSelect(channel), onToggle(channel, open),
 *                  autoAdjust(channel) → { min, max, note } | { note }, commented }
 * @returns { element, refresh(), setCommented(on) } refresh() writes the channel's current state back into the
 *          controls; setCommented shows or hides the notes icon (the layer has comments).
 */
export function channelRow(channel, options) {
  const row = el('li', { class: 'channel', 'data-key': channel.key, 'data-kind': channel.kind });
  const controlsId = uniqueId('channel-controls');

  const eye = el('button', { type: 'button', class: 'channel-eye' });
  const name = el('button', { type: 'button', class: 'channel-name', title: channel.name }, el('bdi', {}, channel.name));
  const expand = el('button', { type: 'button', class: 'channel-expand', 'aria-controls': controlsId });
  // The manual's notes icon: the layer has at least one comment (comment-panel.js keeps session.commentedLayers).
  const notes = el('span', { class: 'icon channel-notes', role: 'img', 'aria-label': 'Has comments', title: 'Has comments' }, 'notes');
  const setCommented = (on) => { notes.hidden = !on; };
  setCommented(Boolean(options.commented));
  const head = el('div', { class: 'channel-head' }, eye, name, notes, expand);
  row.append(head);

  if (channel.unavailable) {
    // Nothing to draw: the row says why, the canvas shows nothing for it.
    row.classList.add('is-unavailable');
    eye.disabled = true;
    eye.setAttribute('aria-label', `${channel.name} cannot be shown`);
    eye.append(icon('visibility_off'));
    expand.remove();
    row.append(el('p', { class: 'channel-note' }, channel.unavailable));
    name.addEventListener('click', () => options.onSelect(channel));
    return { element: row, refresh() {}, showProblem() {}, setSelected: (on) => markSelected(row, name, on), setCommented };
  }

  const eyeIcon = icon('visibility');
  eye.append(eyeIcon);
  const expandIcon = icon('expand_more');
  expand.append(expandIcon);
  expand.setAttribute('aria-label', `Display controls of ${channel.name}`);

  const controls = el('div', { class: 'channel-controls', id: controlsId });
  if (channel.externalHost) {
    controls.append(el('p', { class: 'channel-note' }, 'External image from ', el('bdi', {}, channel.externalHost)));
  }

  // Colour: a grey channel is tinted; an RGB image is shown in its own colours.
  const colour = el('input', { type: 'color', class: 'channel-colour', 'aria-label': `Colour of ${channel.name}` });
  if (channel.kind === 'grey') {
    controls.append(el('label', { class: 'control colour-control' }, el('span', {}, 'Colour'), colour));
  } else {
    controls.append(el('p', { class: 'channel-note' }, 'True colour (RGB)'));
  }

  // Intensity: two range inputs overlaid as one dual-handle slider, with the filled span between the handles.
  const attrs = (label, cls) => ({ type: 'range', min: 0, max: channel.bitMax, step: 1, class: cls, 'aria-label': label });
  const lowRange = el('input', attrs(`Minimum intensity of ${channel.name}`, 'range-low'));
  const highRange = el('input', attrs(`Maximum intensity of ${channel.name}`, 'range-high'));
  const fill = el('span', { class: 'range-fill', 'aria-hidden': 'true' });
  const dual = el('div', { class: 'dual-range' }, el('span', { class: 'range-track', 'aria-hidden': 'true' }), fill, lowRange, highRange);
  const numberAttrs = { type: 'number', min: 0, max: channel.bitMax, step: 1, inputmode: 'numeric' };
  const lowNumber = el('input', { ...numberAttrs, class: 'number-low' });
  const highNumber = el('input', { ...numberAttrs, class: 'number-high' });
  const intensity = el('fieldset', { class: 'control intensity-control' },
    el('legend', {}, 'Intensity ', el('span', { class: 'range-limit' }, `0–${channel.bitMax}`)),
    dual,
    el('div', { class: 'number-pair' },
      el('label', {}, el('span', {}, 'Min'), lowNumber),
      el('label', {}, el('span', {}, 'Max'), highNumber)));
  controls.append(intensity);

  // Opacity 0-100 %, dragged or typed.
  const opacityRange = el('input', { type: 'range', min: 0, max: 100, step: 1, class: 'opacity-range', 'aria-label': `Opacity of ${channel.name}` });
  const opacityNumber = el('input', { type: 'number', min: 0, max: 100, step: 1, inputmode: 'numeric', class: 'opacity-number' });
  controls.append(el('div', { class: 'control opacity-control' },
    el('span', { class: 'control-label', 'aria-hidden': 'true' }, 'Opacity'),
    opacityRange,
    el('label', { class: 'opacity-typed' }, el('span', { class: 'visually-hidden' }, `Opacity of ${channel.name} in percent`), opacityNumber, el('span', { 'aria-hidden': 'true' }, '%'))));

  // Auto-adjust, and which data it used.
  const auto = el('button', { type: 'button', class: 'auto-adjust', 'aria-label': `Auto-adjust ${channel.name}` }, icon('exposure'), el('span', {}, 'Auto'));
  const autoNote = el('output', { class: 'auto-note', 'aria-live': 'polite' });
  controls.append(el('div', { class: 'control auto-control' }, auto, autoNote));
  row.append(controls);

  const apply = (change) => {
    Object.assign(channel, change);
    options.onChange(channel, change);
  };

  // Writes the channel's state into the controls, leaving alone a number field the person is typing in.
  const refresh = () => {
    row.classList.toggle('is-hidden', !channel.visible);
    eye.setAttribute('aria-pressed', String(channel.visible));
    eye.setAttribute('aria-label', `Show ${channel.name}`);
    eyeIcon.textContent = channel.visible ? 'visibility' : 'visibility_off';
    colour.value = colourToHex(channel.color);
    lowRange.value = String(channel.min);
    highRange.value = String(channel.max);
    if (document.activeElement !== lowNumber) lowNumber.value = String(channel.min);
    if (document.activeElement !== highNumber) highNumber.value = String(channel.max);
    dual.style.setProperty('--low', String(channel.min / channel.bitMax));
    dual.style.setProperty('--high', String(channel.max / channel.bitMax));
    // Both handles at the top end: the low one must be the one on top, or it could never be dragged back down.
    dual.classList.toggle('low-on-top', channel.min >= channel.bitMax / 2);
    dual.style.setProperty('--tint', colourToHex(channel.kind === 'grey' ? channel.color : [0.5, 0.5, 0.5]));
    const percent = Math.round(channel.opacity * 100);
    opacityRange.value = String(percent);
    if (document.activeElement !== opacityNumber) opacityNumber.value = String(percent);
  };

  const setOpen = (open) => {
    controls.hidden = !open;
    expand.setAttribute('aria-expanded', String(open));
    expandIcon.textContent = open ? 'expand_less' : 'expand_more';
    row.classList.toggle('is-expanded', open);
  };

  const setWindow = (min, max, edited) => {
    const window = clampWindow(min, max, channel.bitMax, edited);
    apply(window);
    refresh();
  };

  eye.addEventListener('click', () => { apply({ visible: !channel.visible }); refresh(); });
  name.addEventListener('click', () => options.onSelect(channel));
  expand.addEventListener('click', () => {
    const open = controls.hidden;
    setOpen(open);
    options.onToggle(channel, open);
  });
  colour.addEventListener('input', () => {
    const value = hexToColour(colour.value);
    if (value) apply({ color: value });
    refresh();
  });
  lowRange.addEventListener('input', () => setWindow(Number(lowRange.value), channel.max, 'min'));
  highRange.addEventListener('input', () => setWindow(channel.min, Number(highRange.value), 'max'));
  // Typed values apply while typing (the canvas follows each keystroke, clamped); the field itself is rewritten
  // to the clamped value only when the person leaves it or presses Enter, so typing "3000" is not cut at "3".
  const typed = (input, edited) => {
    input.addEventListener('input', () => {
      if (input.value.trim() === '' || !Number.isFinite(Number(input.value))) return;
      const value = Number(input.value);
      if (edited === 'min') setWindow(value, channel.max, 'min');
      else setWindow(channel.min, value, 'max');
    });
    input.addEventListener('change', () => { input.value = String(channel[edited]); refresh(); });
  };
  typed(lowNumber, 'min');
  typed(highNumber, 'max');
  opacityRange.addEventListener('input', () => { apply({ opacity: Number(opacityRange.value) / 100 }); refresh(); });
  opacityNumber.addEventListener('input', () => {
    if (opacityNumber.value.trim() === '' || !Number.isFinite(Number(opacityNumber.value))) return;
    apply({ opacity: Math.min(100, Math.max(0, Math.round(Number(opacityNumber.value)))) / 100 });
    refresh();
  });
  opacityNumber.addEventListener('change', () => { opacityNumber.value = String(Math.round(channel.opacity * 100)); });
  auto.addEventListener('click', () => {
    const result = options.autoAdjust(channel);
    if (Number.isFinite(result.min) && Number.isFinite(result.max)) setWindow(result.min, result.max, 'max');
    autoNote.textContent = result.note;
  });

  // What the canvas reported when it could not open the image (an external picture the browser may not read…).
  const problem = el('p', { class: 'channel-note channel-problem', role: 'status' });
  head.after(problem);
  const showProblem = () => {
    problem.textContent = channel.problem ?? '';
    problem.hidden = !channel.problem;
  };

  setOpen(options.expanded);
  refresh();
  showProblem();
  return { element: row, refresh, showProblem, setSelected: (on) => markSelected(row, name, on), setCommented };
}

function markSelected(row, name, on) {
  row.classList.toggle('is-selected', on);
  if (on) name.setAttribute('aria-current', 'true');
  else name.removeAttribute('aria-current');
}
