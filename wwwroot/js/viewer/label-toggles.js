// A row of toggle buttons for the top panel: the project's labels, or a category's classification options. Grey is
// off, amber is on. Exclusive (the project's annotationexclusive / classificationexclusive) is a radio group: one
// choice at most, arrow keys move between the choices, one tab stop. Otherwise each button is a toggle
// (aria-pressed), except that items sharing a `group` (the options of one classification) exclude each other.

import { el } from './dom.js';

/**
 * @typedef {object} ToggleItem
 * @property {string} key        unique in the set
 * @property {string} name       the button's words (a user's text: it goes in as text)
 * @property {string} [label]    the accessible name when it differs from the words ("Grade: 2")
 * @property {string} [group]    items of one group exclude each other
 * @property {string} [heading]  shown before the first item of a run with this heading (a classification's name)
 * @property {string} [shortcut] the key that picks it (fast annotation), shown on the button
 */

export class ToggleSet {
  /**
   * @param {{ items: ToggleItem[], selected: Iterable<string>, exclusive: boolean, label: string,
   *           onChange?: (keys: string[]) => void }} options
   */
  constructor({ items, selected, exclusive, label, onChange }) {
    this.items = items;
    this.exclusive = exclusive;
    this.onChange = onChange ?? (() => {});
    this.buttons = new Map();
    this.element = el('div', {
      class: 'toggle-set',
      role: exclusive ? 'radiogroup' : 'group',
      'aria-label': label,
    });
    let heading = null;
    for (const item of items) {
      if (item.heading && item.heading !== heading) {
        this.element.append(el('span', { class: 'toggle-heading' }, item.heading));
      }
      heading = item.heading ?? null;
      const button = el('button', {
        type: 'button',
        class: 'toggle-chip',
        role: exclusive ? 'radio' : null,
        'aria-label': item.label ?? null,
        'aria-keyshortcuts': item.shortcut ?? null,
        'data-key': item.key,
      },
      item.shortcut ? el('span', { class: 'toggle-key', 'aria-hidden': 'true' }, item.shortcut) : null,
      el('span', { class: 'toggle-name' }, item.name));
      button.addEventListener('click', () => this.toggle(item.key));
      if (exclusive) button.addEventListener('keydown', (event) => this.arrow(event, item.key));
      this.buttons.set(item.key, button);
      this.element.append(button);
    }
    this.selectedKeys = new Set();
    this.set(selected, { silent: true });
  }

  /** The keys on, in the items' order. */
  get selected() {
    return this.items.filter((item) => this.selectedKeys.has(item.key)).map((item) => item.key);
  }

  /** A click: on → off; off → on (and its rivals off). */
  toggle(key) {
    if (this.selectedKeys.has(key)) this.selectedKeys.delete(key);
    else this.turnOn(key);
    this.render();
    this.onChange(this.selected);
  }

  /** Turns one on (a fast-annotation key); exclusive or grouped rivals go off, others stay. */
  select(key) {
    if (!this.buttons.has(key)) return;
    this.turnOn(key);
    this.render();
    this.onChange(this.selected);
  }

  /** Replaces the selection (what the server holds). Unknown keys are ignored; exclusive keeps the first. */
  set(keys, { silent = false } = {}) {
    this.selectedKeys = new Set();
    for (const key of keys) {
      if (this.buttons.has(key) && !(this.exclusive && this.selectedKeys.size > 0)) this.turnOn(key);
    }
    this.render();
    if (!silent) this.onChange(this.selected);
  }

  turnOn(key) {
    const group = this.items.find((item) => item.key === key)?.group;
    for (const other of [...this.selectedKeys]) {
      const otherGroup = this.items.find((item) => item.key === other)?.group;
      if (this.exclusive || (group !== undefined && otherGroup === group)) this.selectedKeys.delete(other);
    }
    this.selectedKeys.add(key);
  }

  render() {
    // One tab stop in a radio group: the checked radio, else the first.
    const focusKey = this.selected[0] ?? this.items[0]?.key;
    for (const [key, button] of this.buttons) {
      const on = this.selectedKeys.has(key);
      button.classList.toggle('is-selected', on);
      if (this.exclusive) {
        button.setAttribute('aria-checked', String(on));
        button.tabIndex = key === focusKey ? 0 : -1;
      } else {
        button.setAttribute('aria-pressed', String(on));
      }
    }
  }

  arrow(event, key) {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
    if (!step) return;
    event.preventDefault();
    const keys = this.items.map((item) => item.key);
    const next = keys[(keys.indexOf(key) + step + keys.length) % keys.length];
    for (const [k, button] of this.buttons) button.tabIndex = k === next ? 0 : -1;
    this.buttons.get(next).focus();
  }
}
