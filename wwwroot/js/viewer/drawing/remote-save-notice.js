// Said as soon as someone else saves the drawing layer this person is editing, before they save: who, which layer,
// which version, and the two ways on — "Reload" shows theirs (what this person drew since is dropped, as the
// conflict dialog's "Reload theirs"), "Keep mine" goes on drawing (Save will then ask the conflict dialog's question,
// where "Keep both" adds these shapes to theirs). A polite status: it must not interrupt a stroke being drawn.

import { el } from '../dom.js';

export class RemoteSaveNotice {
  /** @param parent where the notice shows (the stage); @param actions { reload(layerId), keep(layerId) } */
  constructor(parent, actions) {
    this.actions = actions;
    this.layerId = null;
    this.text = el('span', { class: 'layer-notice-text' });
    const button = (text, run, cls) => {
      const b = el('button', { type: 'button', class: cls }, text);
      b.addEventListener('click', () => {
        const id = this.layerId;
        this.hide();
        run(id);
      });
      return b;
    };
    this.element = el('div', { class: 'layer-notice', role: 'status', 'aria-live': 'polite', hidden: true },
      this.text,
      el('span', { class: 'layer-notice-actions' },
        button('Reload', (id) => actions.reload(id), 'primary'),
        button('Keep mine', (id) => actions.keep(id), 'secondary')));
    parent.append(this.element);
  }

  /** "<actor> saved layer <name> (version n)"; a later save of the same layer replaces the words. */
  show({ layerId, actor, name, version }) {
    this.layerId = Number(layerId);
    this.text.textContent = `${actor || 'Someone'} saved layer ${name || layerId} (version ${version}) — `;
    this.element.hidden = false;
  }

  /** Gone once it no longer applies: answered, the layer reloaded or saved here, another annotation opened. */
  hide(layerId) {
    if (layerId !== undefined && Number(layerId) !== this.layerId) return;
    this.layerId = null;
    this.element.hidden = true;
  }
}
