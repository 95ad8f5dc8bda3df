// The top panel's classifications: the buttons of the classifications linked to the annotation's category, and
// Classify. A classification without options is one button (its name); one with options (its optionData, comma
// separated: "normal,abnormal") is a button per option, at most one of them on. classificationexclusive allows one
// choice in all. Each annotator keeps their own choices (ClassificationService): the buttons start from the
// caller's picks, and Classify replaces only those. Readers see the choices made, as words.

import { graphql } from './api.js';
import { el } from './dom.js';
import { Collapsible } from './label-collapsible.js';
import { ToggleSet } from './label-toggles.js';

const CLASSIFY = `mutation ViewerClassify($id: Long!, $choices: [ClassificationChoiceInput!]!) {
  classifyAnnotation(input: { annotationId: $id, choices: $choices }) { choices { classificationId option chosenById } } }`;

const FLASH_MS = 1500;

/** A classification's options from its optionData: "normal, abnormal" → ["normal", "abnormal"]. */
export function optionsOf(classification) {
  const options = String(classification.optionData ?? '').split(',').map((o) => o.trim()).filter((o) => o !== '');
  return [...new Set(options)];
}

const keyOf = (classificationId, option) => `${classificationId}:${option}`;

export class ClassificationSection {
  constructor(session) {
    this.session = session;
    this.part = new Collapsible('Classifications', 'classification-section');
    this.annotation = null;
    this.toggles = null;
    this.busy = false;
    this.flashTimer = 0;
  }

  get element() {
    return this.part.element;
  }

  /** Shows the category's classifications (null: unknown to this caller). Returns whether there is anything. */
  show(annotation, classifications) {
    this.annotation = annotation;
    this.toggles = null;
    clearTimeout(this.flashTimer);
    const body = this.part.body;
    body.replaceChildren();
    if (!annotation || !classifications || classifications.length === 0) {
      this.part.visible = false;
      return false;
    }
    const items = classifications.flatMap((c) => {
      const options = optionsOf(c);
      if (options.length === 0) return [{ key: keyOf(c.id, ''), name: c.name, group: String(c.id) }];
      return options.map((option) => ({
        key: keyOf(c.id, option), name: option, label: `${c.name}: ${option}`, heading: c.name, group: String(c.id),
      }));
    });
    const names = new Map(items.map((item) => [item.key, item.label ?? item.name]));
    const picks = annotation.classifications ?? [];

    if (this.session.rights.participate && !this.session.readOnly) {
      const mine = picks.filter((p) => String(p.chosenById) === String(this.session.userId))
        .map((p) => keyOf(p.classificationId, p.option ?? ''));
      this.classifications = classifications;
      this.toggles = new ToggleSet({
        items,
        selected: mine,
        exclusive: this.session.settings.classificationExclusive,
        label: 'Classifications',
        onChange: () => this.summarise(),
      });
      this.classifyButton = el('button', { type: 'button', class: 'top-submit' }, 'Classify');
      this.classifyButton.addEventListener('click', () => this.classify());
      this.status = el('p', { class: 'top-status', role: 'status' });
      this.error = el('p', { class: 'top-error', role: 'alert', hidden: true });
      body.append(el('div', { class: 'top-row' }, this.toggles.element, this.classifyButton), this.status, this.error);
    } else {
      const chosen = [...new Set(picks.map((p) => names.get(keyOf(p.classificationId, p.option ?? ''))).filter(Boolean))];
      if (chosen.length === 0) {
        this.part.visible = false;
        return false;
      }
      body.append(el('ul', { class: 'top-readonly', 'aria-label': 'Classifications chosen on this annotation' },
        ...chosen.map((name) => el('li', { class: 'toggle-chip is-selected' }, name))));
    }
    this.part.visible = true;
    this.summarise();
    return true;
  }

  summarise() {
    if (!this.toggles) {
      this.part.setSummary('');
      return;
    }
    const count = this.toggles.selected.length;
    this.part.setSummary(count === 0 ? 'none chosen' : count === 1 ? '1 chosen' : `${count} chosen`);
  }

  async classify() {
    if (!this.toggles || this.busy || !this.annotation) return;
    const annotation = this.annotation;
    const choices = this.toggles.selected.map((key) => {
      const at = key.indexOf(':');
      return { classificationId: Number(key.slice(0, at)), option: key.slice(at + 1) };
    });
    const button = this.classifyButton;
    const stillOpen = () => this.annotation?.id === annotation.id;
    this.busy = true;
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    this.error.hidden = true;
    this.status.textContent = 'Saving…';
    try {
      const data = await graphql(CLASSIFY, { id: Number(annotation.id), choices });
      const mine = data.classifyAnnotation.choices;
      // Everyone else's choices stay as they were; the caller's are what the server now holds.
      const others = (annotation.classifications ?? [])
        .filter((p) => String(p.chosenById) !== String(this.session.userId));
      const classifications = [...others, ...mine];
      this.session.annotationChanged(annotation.id, { classifications });
      if (stillOpen()) {
        this.annotation = { ...this.annotation, classifications };
        this.status.textContent = 'Classification saved.';
        button.classList.add('is-success');
        clearTimeout(this.flashTimer);
        this.flashTimer = setTimeout(() => button.classList.remove('is-success'), FLASH_MS);
      }
    } catch (error) {
      if (error?.name === 'AbortError' || !stillOpen()) return;
      this.status.textContent = '';
      this.error.textContent = `Not saved: ${error?.message ?? 'the server could not be reached.'} `
        + 'Your choice is kept; press Classify to try again.';
      this.error.hidden = false;
    } finally {
      this.busy = false;
      button.disabled = false;
      button.removeAttribute('aria-busy');
    }
  }
}
