// One collapsible part of the top panel (labels, classifications): a header button that opens and closes its body
// (aria-expanded), the part's title and a short summary a person reads while it is closed ("2 selected · Submitted").

import { el, icon, uniqueId } from './dom.js';

export class Collapsible {
  constructor(title, className) {
    this.title = title;
    const bodyId = uniqueId(className);
    this.summary = el('span', { class: 'top-summary' });
    this.arrow = icon('expand_more');
    this.summary.id = `${bodyId}-summary`;
    // The summary describes the toggle rather than naming it: the button is "Labels", whatever the state.
    this.toggle = el('button', {
      type: 'button', class: 'top-toggle', 'aria-expanded': 'false', 'aria-controls': bodyId,
      'aria-describedby': this.summary.id,
    }, this.arrow, el('span', { class: 'top-title' }, title));
    this.toggle.addEventListener('click', () => this.setOpen(!this.open));
    this.body = el('div', { class: 'top-body', id: bodyId, hidden: true });
    this.element = el('div', { class: `top-section ${className}`, hidden: true },
      el('div', { class: 'top-head' }, this.toggle, this.summary), this.body);
    this.open = false;
  }

  setOpen(open) {
    this.open = Boolean(open);
    this.toggle.setAttribute('aria-expanded', String(this.open));
    this.arrow.textContent = this.open ? 'expand_less' : 'expand_more';
    this.body.hidden = !this.open;
  }

  setSummary(text) {
    this.summary.textContent = text ?? '';
  }

  /** Shows the part (or hides it: nothing to show for this annotation). */
  set visible(visible) {
    this.element.hidden = !visible;
  }

  get visible() {
    return !this.element.hidden;
  }
}
