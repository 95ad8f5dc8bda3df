// What others do, live: subscribes to categoryEvents(categoryId) for the category being shown (the sidebar's
// selection, else the open annotation's), or in a share link's limited viewer to annotationEvents(id, shareToken).
// Each event's `annotation` (as this caller may see it now) updates the badges through session.annotationChanged;
// when the event is about the open annotation, the panels hear 'remote' { change, event } and refresh what they own
// (label panel, comments, share link, drawing layer regions). Layers added or deleted elsewhere reach the drawing
// layers' list through session.setLayers.
//
// The tab's own changes come back as events too. They change nothing: badges and panels already show them (the
// label panel is told only when the labels, status or classifications differ from what it shows; the drawing
// compares layer versions). After a dropped connection comes back, everything shown is read again ('RESYNC').
// #viewer's data-live says how the stream is: "connected", "connecting" or the reason it is off (tests read it).

import { subscribe } from '../live/subscription.js';
import { loadAnnotation, loadShared } from './api.js';

const EVENT_FIELDS = `change annotationId categoryId layerId layerVersion actor
  annotation { id status needsLabels hasComments shared labels { name } classifications { classificationId option chosenById } }`;
const CATEGORY_EVENTS = `subscription ViewerCategoryEvents($categoryId: Long!) {
  categoryEvents(categoryId: $categoryId) { ${EVENT_FIELDS} } }`;
const ANNOTATION_EVENTS = `subscription ViewerAnnotationEvents($id: Long!, $shareToken: String) {
  annotationEvents(id: $id, shareToken: $shareToken) { ${EVENT_FIELDS} } }`;

export function start(session) {
  let current = null; // { key, subscription }

  /** The stream this page should follow now, or null. */
  function wanted() {
    if (session.shareToken) {
      const annotation = session.annotation;
      if (!annotation) return null; // an image share: nothing changes on it that the page shows
      return { key: `annotation:${annotation.id}`, query: ANNOTATION_EVENTS,
        variables: { id: Number(annotation.id), shareToken: session.shareToken } };
    }
    const categoryId = session.categoryId ?? session.annotation?.categoryId ?? null;
    if (categoryId === null) return null;
    return { key: `category:${categoryId}`, query: CATEGORY_EVENTS, variables: { categoryId: Number(categoryId) } };
  }

  function follow() {
    const next = wanted();
    if (next?.key === current?.key) return;
    current?.subscription.close();
    current = null;
    if (!next) {
      delete session.root.dataset.live;
      return;
    }
    session.root.dataset.live = 'connecting';
    const subscription = subscribe(next.query, next.variables,
      (data) => received(data.categoryEvents ?? data.annotationEvents),
      (error) => {
        // Live updates are an extra: the page keeps working as it loaded, and says why it is not live.
        session.root.dataset.live = error.final ? `off: ${error.message}` : 'connecting';
      },
      {
        onOpen: () => { session.root.dataset.live = 'connected'; },
        onReconnect: () => resync(),
        onComplete: () => { session.root.dataset.live = 'off: the server ended the live updates'; },
      });
    current = { key: next.key, subscription };
  }

  /** One event: badges for any annotation of the category, the panels for the open one. */
  function received(event) {
    if (!event) return;
    const id = String(event.annotationId);
    const open = session.annotation && String(session.annotation.id) === id ? session.annotation : null;
    const differs = open && event.annotation ? shownDiffers(open, event.annotation) : false;
    if (event.annotation) session.annotationChanged(id, badgeChanges(event.annotation));
    if (!open) return;
    switch (event.change) {
      case 'LABELS':
      case 'STATUS':
      case 'CLASSIFICATIONS':
        if (differs) session.emit('remote', { change: event.change, event });
        break;
      case 'LAYER_ADDED':
      case 'LAYER_DELETED':
        reloadLayers(id);
        break;
      default: // COMMENTS, SHARE_LINK, LAYER_SAVED: the panel that owns it reads it again or compares versions
        session.emit('remote', { change: event.change, event });
    }
  }

  /** The open annotation read again: its layers list follows when layers came or went. */
  async function reloadLayers(id) {
    let fresh;
    try {
      fresh = await reload();
    } catch {
      return; // the list stays as it is; the next load shows the truth
    }
    if (!fresh || String(session.annotation?.id) !== id) return;
    const ids = (layers) => (layers ?? []).map((l) => String(l.id)).sort().join(',');
    if (ids(fresh.layers) !== ids(session.annotation.layers)) {
      session.setLayers(fresh.layers ?? []);
      const active = session.activeLayerId;
      if (active !== null && !(fresh.layers ?? []).some((l) => Number(l.id) === active)) session.setActiveLayer(null);
    }
    return fresh;
  }

  async function reload() {
    if (session.shareToken) return (await loadShared(session.shareToken)).annotation ?? null;
    return session.annotation ? loadAnnotation(session.annotation.id) : null;
  }

  /** After a reconnect: events may have been missed, so the sidebar and the open annotation are read again. */
  async function resync() {
    session.emit('resync', {});
    const open = session.annotation;
    if (!open) return;
    const fresh = await reloadLayers(String(open.id)).catch(() => null);
    if (!fresh || String(session.annotation?.id) !== String(open.id)) return;
    const differs = shownDiffers(session.annotation, fresh);
    session.annotationChanged(open.id, { status: fresh.status, labels: fresh.labels, classifications: fresh.classifications });
    if (differs) session.emit('remote', { change: 'LABELS', event: null });
    session.emit('remote', { change: 'RESYNC', event: null });
  }

  // The sidebar says which category it shows; an open annotation's category counts when none is selected.
  session.addEventListener('category', () => follow());
  session.addEventListener('annotation', () => follow());
  follow();
}

/** What the sidebar's badges and the open annotation's panels take from an event's annotation. */
function badgeChanges(annotation) {
  const changes = {};
  for (const key of ['status', 'needsLabels', 'hasComments', 'shared', 'labels', 'classifications']) {
    if (annotation[key] !== undefined && annotation[key] !== null) changes[key] = annotation[key];
  }
  return changes;
}

/**
 * Whether the labels, status or classifications differ between two views of an annotation (what the label panel
 * shows). Choices compare by classification and option: a panel's own Classify answer does not say who chose.
 */
export function shownDiffers(shown, now) {
  const labels = (a) => (a.labels ?? []).map((l) => l.name).sort().join('\u0000');
  const picks = (a) => (a.classifications ?? []).map((c) => `${c.classificationId}:${c.option ?? ''}`).sort().join('\u0000');
  return (now.status !== undefined && now.status !== shown.status)
    || (now.labels !== undefined && labels(now) !== labels(shown))
    || (now.classifications !== undefined && picks(now) !== picks(shown));
}
