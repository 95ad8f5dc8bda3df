// The top panel's labels: one toggle per project label (the open annotation's labels start on), Submit, and the
// fast-annotation keys 1–9. Submit sends the labels and the submission in one mutation (both or neither are
// recorded); on failure the selection stays as it was, with a message, so nothing the annotator chose is lost.
// Only participants get buttons: everyone else reads the annotation's labels as text.

import { graphql } from './api.js';
import { el } from './dom.js';
import { Collapsible } from './label-collapsible.js';
import { ToggleSet } from './label-toggles.js';

const SUBMIT = `mutation ViewerSubmit($id: Long!, $labels: [String!]) {
  submitAnnotation(input: { id: $id, labels: $labels }) { annotation { id status labels { name } } } }`;

const FLASH_MS = 1500;

export class LabelSection {
  constructor(session) {
    this.session = session;
    this.part = new Collapsible('Labels', 'label-section');
    this.annotation = null;
    this.toggles = null;
    this.busy = false;
    this.flashTimer = 0;
  }

  get element() {
    return this.part.element;
  }

  /**
   * Shows the annotation's labels. projectLabels: the project's labels ({ id, name }) for a participant, null when
   * the caller only reads. Returns whether there is anything to show.
   */
  show(annotation, projectLabels) {
    this.annotation = annotation;
    this.toggles = null;
    this.clearFlash();
    const body = this.part.body;
    body.replaceChildren();
    const current = (annotation?.labels ?? []).map((label) => label.name);
    const canSubmit = Boolean(projectLabels) && this.session.rights.participate && !this.session.readOnly;

    if (!annotation || (canSubmit && projectLabels.length === 0) || (!canSubmit && current.length === 0)) {
      this.part.visible = false;
      return false;
    }
    if (canSubmit) {
      const fast = this.session.settings.fastAnnotation;
      this.toggles = new ToggleSet({
        items: projectLabels.map((label, index) => ({
          key: label.name, name: label.name, shortcut: fast && index < 9 ? String(index + 1) : undefined,
        })),
        selected: current,
        exclusive: this.session.settings.annotationExclusive,
        label: 'Labels',
        onChange: () => this.summarise(),
      });
      this.submitButton = el('button', { type: 'button', class: 'top-submit' }, 'Submit');
      this.submitButton.addEventListener('click', () => this.submit());
      this.status = el('p', { class: 'top-status', role: 'status' });
      this.error = el('p', { class: 'top-error', role: 'alert', hidden: true });
      const hint = fast
        ? el('p', { class: 'top-hint' }, 'Keys 1–9 pick a label, submit and open the next sample.')
        : null;
      body.append(el('div', { class: 'top-row' }, this.toggles.element, this.submitButton), this.status, this.error, hint);
    } else {
      // What the annotation carries, as words: a reader (or a share-link holder) has nothing to press.
      body.append(el('ul', { class: 'top-readonly', 'aria-label': 'Labels set on this annotation' },
        ...current.map((name) => el('li', { class: 'toggle-chip is-selected' }, name))));
    }
    this.part.visible = true;
    this.summarise();
    return true;
  }

  summarise() {
    const count = this.toggles ? this.toggles.selected.length : (this.annotation?.labels ?? []).length;
    const submitted = this.annotation?.status === 'SUBMITTED';
    this.part.setSummary([count === 1 ? '1 selected' : `${count} selected`, submitted ? 'Submitted' : 'Not submitted']
      .join(' · '));
  }

  /** Fast annotation: the n-th label (1-based) on, then Submit, then the next sample. Whether the key was used. */
  pressKey(n) {
    if (!this.toggles || this.busy) return false;
    const item = this.toggles.items[n - 1];
    if (!item || n > 9) return false;
    this.toggles.select(item.key);
    this.submit({ advance: true });
    return true;
  }

  async submit({ advance = false } = {}) {
    if (!this.toggles || this.busy || !this.annotation) return;
    const annotation = this.annotation;
    const labels = this.toggles.selected;
    const button = this.submitButton;
    const stillOpen = () => this.annotation === annotation || this.annotation?.id === annotation.id;
    this.busy = true;
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    this.error.hidden = true;
    this.status.textContent = 'Submitting…';
    try {
      const data = await graphql(SUBMIT, { id: Number(annotation.id), labels });
      const saved = data.submitAnnotation.annotation;
      this.session.annotationChanged(annotation.id, { status: saved.status, labels: saved.labels });
      if (stillOpen()) {
        this.annotation = { ...this.annotation, status: saved.status, labels: saved.labels };
        this.status.textContent = advance ? 'Submitted. Opening the next sample…' : 'Submitted.';
        this.flash(button);
        this.summarise();
      }
      if (advance) this.session.openNext();
    } catch (error) {
      if (error?.name === 'AbortError' || !stillOpen()) return;
      this.status.textContent = '';
      this.error.textContent = `Not submitted: ${error?.message ?? 'the server could not be reached.'} `
        + 'Your selection is kept; press Submit to try again.';
      this.error.hidden = false;
    } finally {
      this.busy = false;
      button.disabled = false;
      button.removeAttribute('aria-busy');
    }
  }

  /** The button turns green for a moment: the annotator sees the submission was recorded. */
  flash(button) {
    this.clearFlash();
    button.classList.add('is-success');
    this.flashTimer = setTimeout(() => button.classList.remove('is-success'), FLASH_MS);
  }

  clearFlash() {
    clearTimeout(this.flashTimer);
    this.submitButton?.classList.remove('is-success');
  }
}
