// Tiny DOM helpers for the viewer's panels. Text always goes in through textContent and attributes through
// setAttribute: names come from users and are hostile until proven otherwise.

/** `el('button', { class: 'x', 'aria-label': 'Zoom in', type: 'button' }, child, 'text')` */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** A Material Symbols icon; decorative, so the control carries the words. */
export function icon(name) {
  return el('span', { class: 'icon', 'aria-hidden': 'true' }, name);
}

let nextId = 0;
/** A page-unique id for label/control pairs. */
export function uniqueId(prefix) {
  nextId += 1;
  return `${prefix}-${nextId}`;
}
