// The viewer's top panel (#label-panel): the project's labels with Submit, and the classifications linked to the
// open annotation's category with Classify, each part collapsible (expandannotation / expandclassification open
// them as an annotation loads). With fastannotation, keys 1–9 pick a label, submit and open the next sample.
// The panel is hidden while no annotation is open, and when there is nothing to show for this one. A change someone
// else made ('remote', live-events.js) shows at once.

import { graphql } from './api.js';
import { el } from './dom.js';
import { LabelSection } from './label-section.js';
import { ClassificationSection } from './classification-section.js';
import { shownDiffers } from './live-events.js';

const LABELS = `query ViewerLabels($id: Long!) { project(id: $id) { labels { id name } } }`;
const CLASSIFICATIONS = `query ViewerClassifications($id: Long!) {
  categoryClassifications(categoryId: $id) { id name typeCode optionData } }`;

export function start(session) {
  const panel = session.root.querySelector('#label-panel');
  if (!panel) return;
  const labels = new LabelSection(session);
  const classifications = new ClassificationSection(session);
  panel.append(el('div', { class: 'top-panel' }, labels.element, classifications.element));

  // A page works on one project; labels and a category's classifications change rarely, and fast annotation wants
  // the next sample's buttons at once: each is asked for once per page.
  const cache = new Map();
  const cached = (key, load) => {
    if (!cache.has(key)) {
      const pending = load().catch((error) => {
        cache.delete(key);
        throw error;
      });
      cache.set(key, pending);
    }
    return cache.get(key);
  };
  const projectLabels = (projectId) => cached(`labels:${projectId}`,
    async () => (await graphql(LABELS, { id: Number(projectId) })).project?.labels ?? []);
  const categoryClassifications = (categoryId) => cached(`classifications:${categoryId}`,
    async () => (await graphql(CLASSIFICATIONS, { id: Number(categoryId) })).categoryClassifications ?? []);

  let loads = 0;
  session.addEventListener('annotation', (event) => show(event.detail.annotation, true));
  // Someone else changed the open annotation's labels, status or classifications (live-events.js): show theirs. This
  // tab's own Submit or Classify may still be on its way (its event can arrive before its answer): wait for it, then
  // redraw only if the panel shows something else than the annotation now is (a redraw would drop its "Submitted.").
  let waiting = 0;
  session.addEventListener('remote', (event) => {
    if (!['LABELS', 'STATUS', 'CLASSIFICATIONS'].includes(event.detail.change)) return;
    clearTimeout(waiting);
    const redraw = () => {
      const annotation = session.annotation;
      if (!annotation) return;
      if (labels.busy || classifications.busy) { waiting = setTimeout(redraw, 200); return; }
      // Each part redraws only for what it shows: a colleague's Classify leaves labels being chosen here alone.
      const stale = (part, fields) => !part.annotation || (String(part.annotation.id) === String(annotation.id)
        && shownDiffers(pick(part.annotation, fields), pick(annotation, fields)));
      const parts = { labels: stale(labels, ['status', 'labels']), classifications: stale(classifications, ['classifications']) };
      if (parts.labels || parts.classifications) show(annotation, false, parts);
    };
    redraw();
  });

  /**
   * Fills the panel for the annotation; `opening` (a new annotation) applies the expand settings; `parts` says which
   * parts to fill again (both when an annotation opens).
   */
  async function show(annotation, opening, parts = { labels: true, classifications: true }) {
    const mine = ++loads;
    if (!annotation) {
      labels.show(null, null);
      classifications.show(null, null);
      panel.hidden = true;
      return;
    }
    const participant = session.rights.participate && !session.readOnly;
    const hasPicks = (annotation.classifications ?? []).length > 0;
    // A reader needs no vocabulary for labels (the annotation names its own) and the classifications' names only when
    // something was chosen; a failed look-up (a share link cannot read the project) shows what the annotation says.
    const [vocabulary, linked] = await Promise.all([
      participant ? projectLabels(annotation.projectId).catch(() => null) : null,
      participant || hasPicks ? categoryClassifications(annotation.categoryId).catch(() => null) : null,
    ]);
    if (mine !== loads) return;
    const showsLabels = parts.labels ? labels.show(session.annotation ?? annotation, vocabulary) : labels.part.visible;
    const showsClassifications = parts.classifications
      ? classifications.show(session.annotation ?? annotation, linked) : classifications.part.visible;
    if (opening && session.settings.expandAnnotation) labels.part.setOpen(true);
    if (opening && session.settings.expandClassification) classifications.part.setOpen(true);
    panel.hidden = !showsLabels && !showsClassifications;
  }

  document.addEventListener('keydown', (event) => {
    if (!session.settings.fastAnnotation || !/^[1-9]$/.test(event.key)) return;
    if (event.defaultPrevented || event.repeat || event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return;
    if (isTyping(event.target)) return;
    if (labels.pressKey(Number(event.key))) event.preventDefault();
  });
}

/** Only the named fields of an annotation (what one part of the panel shows). */
function pick(annotation, fields) {
  return Object.fromEntries(fields.map((field) => [field, annotation[field]]));
}

/** Keys typed into a field (a comment, a layer name, a min/max) or a dialog are the field's, never a label. */
function isTyping(target) {
  if (!(target instanceof Element)) return false;
  return target.isContentEditable || Boolean(target.closest('input, textarea, select, [contenteditable], dialog'));
}
