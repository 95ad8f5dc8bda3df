// Said when Save finds the layer changed on the server since it was loaded (someone else saved it): nothing is lost
// whatever the choice — "Reload theirs" drops only what this person drew, "Keep both" keeps everything.

import { el } from '../dom.js';

/** Resolves 'theirs', 'both' or null (closed: nothing happens, the shapes stay unsaved here). */
export function askConflict(parent) {
  return new Promise((resolve) => {
    const dialog = el('dialog', { class: 'roi-conflict', 'aria-labelledby': 'roi-conflict-title' },
      el('h2', { id: 'roi-conflict-title' }, 'Someone else saved this layer'),
      el('p', {}, 'The drawing layer changed on the server since you opened it. Choose what to keep:'),
      el('ul', {},
        el('li', {}, el('strong', {}, 'Reload theirs'), ' discards your unsaved shapes and shows the layer as saved.'),
        el('li', {}, el('strong', {}, 'Keep both'), ' adds your shapes to theirs and saves the result.')));
    const button = (text, value, cls) => {
      const b = el('button', { type: 'button', class: cls }, text);
      b.addEventListener('click', () => { dialog.close(); dialog.remove(); resolve(value); });
      return b;
    };
    dialog.append(el('div', { class: 'roi-conflict-actions' },
      button('Keep both', 'both', 'primary'), button('Reload theirs', 'theirs', 'secondary'), button('Cancel', null, 'secondary')));
    dialog.addEventListener('cancel', () => { dialog.remove(); resolve(null); });
    parent.append(dialog);
    dialog.showModal();
  });
}
