// An annotation entry's badges (manual, "GUI in depth"): fact_check (labels to set, not submitted), notes (a comment
// on a layer), share (an active share link) and the classification, as a numbered icon or a letter (project
// setting clastype). Icons are decorative; each badge carries its words for screen readers and as a tooltip.

import { el, icon } from './dom.js';

/** The Material Symbols with a digit, for the 1st..9th classification of the category ("counter_1"…). */
const COUNTERS = ['counter_1', 'counter_2', 'counter_3', 'counter_4', 'counter_5', 'counter_6', 'counter_7', 'counter_8', 'counter_9'];

/**
 * The choice to show: the caller's own (each annotator keeps their own choices), else the first anyone made.
 * @returns {{ classificationId, option } | null}
 */
export function shownChoice(classifications, userId) {
  if (!Array.isArray(classifications) || classifications.length === 0) return null;
  return classifications.find((c) => userId !== null && Number(c.chosenById) === Number(userId)) ?? classifications[0];
}

/** What a choice reads as: "Grade: 2", or the classification's name when it has no option. */
export function choiceText(choice, classifications) {
  const name = classifications.find((c) => String(c.id) === String(choice.classificationId))?.name ?? 'Classified';
  return choice.option ? `${name}: ${choice.option}` : name;
}

/**
 * The letter badge: the first letter of the chosen option (or of the classification's name), followed by its
 * trailing number if it has one, so "Grade 1" and "Grade 2" read G1 and G2 rather than both G.
 */
export function letterOf(text) {
  const trimmed = String(text).trim();
  const first = [...trimmed].find((ch) => /[\p{L}\p{N}]/u.test(ch)) ?? '?';
  const number = /(\d+)\s*$/.exec(trimmed);
  const letter = first.toLocaleUpperCase();
  return number && !/^\d/.test(first) ? letter + number[1] : letter;
}

/**
 * Fills `container` with the entry's badges.
 * @param entry { needsLabels, hasComments, shared, classifications }
 * @param context { classifications (the category's, in order), asLetter, userId }
 */
export function renderBadges(container, entry, { classifications = [], asLetter = false, userId = null } = {}) {
  const badges = [];
  const badge = (name, text, extra = '') => el('span', { class: `sidebar-badge ${extra}`.trim(), title: text, 'data-badge': name },
    icon(name), el('span', { class: 'sidebar-sr' }, text));
  if (entry.needsLabels) badges.push(badge('fact_check', 'Needs labels'));
  if (entry.hasComments) badges.push(badge('notes', 'Has comments'));
  if (entry.shared) badges.push(badge('share', 'Shared by a link'));
  const choice = shownChoice(entry.classifications, userId);
  if (choice) {
    const text = `Classified: ${choiceText(choice, classifications)}`;
    if (asLetter) {
      const letter = letterOf(choice.option || choiceText(choice, classifications));
      badges.push(el('span', { class: 'sidebar-badge sidebar-letter', title: text, 'data-badge': 'classification' },
        el('span', { 'aria-hidden': 'true' }, letter), el('span', { class: 'sidebar-sr' }, text)));
    } else {
      const index = classifications.findIndex((c) => String(c.id) === String(choice.classificationId));
      const name = COUNTERS[index] ?? 'label';
      const node = badge(name, text);
      node.dataset.badge = 'classification';
      badges.push(node);
    }
  }
  container.replaceChildren(...badges);
}
