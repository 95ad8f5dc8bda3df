// The viewer page's entry (loaded by the page as a module): reads #viewer's data-* attributes, creates the canvas,
// loads annotations through /graphql and wires the layer panel, the floating actions and the address bar. Moving
// between annotations never reloads the page: sidebar links are followed here (pushState; Back restores), and the
// current layer group is kept in the address (?group=) so a reload or a pasted link reopens the same view.

import { Viewer } from './canvas/viewer.js';
import { loadAnnotation, loadShared } from './api.js';
import { buildGroups, buildImageGroups, groupIndexOf } from './annotation-model.js';
import { LayerPanel } from './layer-panel.js';
import { FloatingActions } from './floating-actions.js';
import { el } from './dom.js';
import { ViewerSession } from './session.js';
// The annotation workflow's panels (issue 14): each exports start(session) and talks only through the session.
import * as sidebarModule from './sidebar.js';
import * as labelPanelModule from './label-panel.js';
import * as drawingLayersModule from './drawing-layers.js';
import * as drawingModule from './drawing/drawing.js';
import * as commentPanelModule from './comment-panel.js';
import * as shareActionsModule from './share-actions.js';
import * as nextQueueModule from './next-queue.js';
// Issue 16: what others change, live (categoryEvents / annotationEvents → badges and panels).
import * as liveEventsModule from './live-events.js';

const ANNOTATION_PATH = /^\/projects\/(\d+)\/viewer\/annotations\/(\d+)\/?$/;
const PROJECT_PATH = /^\/projects\/(\d+)\/viewer\/?$/;
const flag = (value) => value === '1' || value === 'true';

const root = document.getElementById('viewer');
if (root) start(root);

function start(root) {
  const data = root.dataset;
  const stage = root.querySelector('.viewer-stage');
  const canvas = root.querySelector('[data-viewer-canvas]');
  const sidebar = root.querySelector('.viewer-sidebar');
  const baseTitle = document.title;

  const message = el('div', { class: 'viewer-message', role: 'alert', hidden: true });
  stage.append(message);
  let viewer;
  try {
    viewer = new Viewer(canvas, { dark: flag(data.darkmode) });
  } catch (error) {
    // No WebGL2 (an old browser, or hardware acceleration off): say so where the image would be.
    message.textContent = error.message;
    message.hidden = false;
    root.dataset.status = 'error';
    return;
  }

  let current = { annotation: null, group: null, shared: Boolean(data.shareToken) };
  let loads = 0;
  let controller = null;

  const panel = new LayerPanel(root.querySelector('#layer-panel'), {
    viewer,
    stage,
    canvas,
    expandControls: flag(data.expandcontrols),
    expandLayer: flag(data.expandlayer),
    readOnly: flag(data.readonly) || Boolean(data.shareToken),
    groupControls: flag(data.groupcontrols),
    onGroupChange: (group) => {
      current.group = group;
      root.dataset.group = group.id ?? '';
      if (!current.shared && current.annotation) {
        history.replaceState(history.state, '', addressOf(data.project, current.annotation.id, group.id));
      }
    },
  });

  const actions = new FloatingActions(root.querySelector('.viewer-actions'), viewer, {
    dark: flag(data.darkmode),
    downloadName: () => {
      const annotation = current.annotation?.name ?? current.group?.name ?? 'view';
      // The implicit group is named after the annotation: "<annotation>.png", not "<a>-<a>.png".
      return current.group && current.group.id !== null ? `${annotation}-${current.group.name}` : annotation;
    },
  });

  const session = new ViewerSession(root, { viewer, stage, canvas, actions, layerPanel: panel });
  panel.session = session;
  for (const module of [sidebarModule, labelPanelModule, drawingLayersModule, drawingModule, commentPanelModule, shareActionsModule, nextQueueModule, liveEventsModule]) {
    try {
      module.start(session);
    } catch (error) {
      // One panel failing must not take the canvas down with it.
      console.error(error);
    }
  }

  const showMessage = (text, role = 'alert') => {
    message.setAttribute('role', role);
    message.textContent = text;
    message.hidden = !text;
  };

  /** Loads and shows one annotation (or the share link's item); a newer load supersedes an older one. */
  async function open(load, groupId) {
    const mine = ++loads;
    controller?.abort();
    controller = new AbortController();
    root.dataset.status = 'loading';
    showMessage('');
    try {
      const result = await load(controller.signal);
      if (mine !== loads) return;
      current = { ...current, annotation: result.annotation, group: null };
      const groups = result.annotation ? buildGroups(result.annotation) : buildImageGroups(result.image);
      const name = result.annotation?.name ?? result.image?.name ?? '';
      document.title = name ? `${name} · ${baseTitle}` : baseTitle;
      markSidebar(result.annotation?.id);
      if (groups.length === 0) {
        viewer.setChannels([]);
        panel.clear('This annotation has no image layers.');
        showMessage('This annotation has no images to show.', 'status');
      } else {
        panel.show(groups, groupIndexOf(groups, groupId), data.defaultlayer);
        const drawable = groups.some((g) => g.channels.some((c) => c.source));
        if (!drawable) showMessage('None of the images of this annotation can be shown yet; the layer panel says why.', 'status');
      }
      root.dataset.annotation = result.annotation?.id ?? '';
      session.setAnnotation(result.annotation ?? null);
      root.dataset.status = 'ready';
    } catch (error) {
      if (error?.name === 'AbortError' || mine !== loads) return;
      current = { ...current, annotation: null, group: null };
      viewer.setChannels([]);
      panel.clear();
      session.setAnnotation(null);
      showMessage(error?.code ? error.message : 'The annotation could not be opened. Reload the page to try again.');
      root.dataset.status = 'error';
    }
  }

  const openAnnotation = (annotationId, groupId) =>
    open(async (signal) => ({ annotation: await loadAnnotation(annotationId, { signal }) }), groupId);

  const openAddress = () => {
    const match = ANNOTATION_PATH.exec(location.pathname);
    if (match && match[1] === String(data.project)) {
      openAnnotation(match[2], new URLSearchParams(location.search).get('group'));
    } else if (PROJECT_PATH.test(location.pathname)) {
      closeAnnotation();
    }
  };

  /** No annotation open: the stage says to choose one (the sidebar shows its grid on the 'annotation' null). */
  function closeAnnotation() {
    loads++;
    controller?.abort();
    current = { ...current, annotation: null, group: null };
    viewer.setChannels([]);
    panel.clear();
    markSidebar(null);
    session.setAnnotation(null);
    document.title = baseTitle;
    showMessage('Choose an annotation in the list to open it.', 'status');
    root.dataset.status = 'ready';
  }

  function markSidebar(annotationId) {
    for (const link of sidebar?.querySelectorAll('a[href]') ?? []) {
      const match = ANNOTATION_PATH.exec(new URL(link.href, location.href).pathname);
      if (match && annotationId !== undefined && annotationId !== null && match[2] === String(annotationId)) {
        link.setAttribute('aria-current', 'page');
      } else if (match) {
        link.removeAttribute('aria-current');
      }
    }
  }

  // A sidebar link to an annotation of this project opens it here; a modified click (new tab…) stays the browser's.
  sidebar?.addEventListener('click', (event) => {
    const link = event.target.closest?.('a[href]');
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const url = new URL(link.href, location.href);
    const match = ANNOTATION_PATH.exec(url.pathname);
    if (url.origin !== location.origin || !match || match[1] !== String(data.project)) return;
    event.preventDefault();
    if (url.pathname + url.search !== location.pathname + location.search) history.pushState({ annotation: match[2] }, '', url);
    openAnnotation(match[2], url.searchParams.get('group'));
  });
  window.addEventListener('popstate', () => { if (!current.shared) openAddress(); });
  // The sidebar closes the open annotation when a category is chosen (the address it pushed names no annotation).
  session.addEventListener('close', () => { if (!current.shared) closeAnnotation(); });
  // Grid cards, Next and fast annotation open annotations through the session, as a followed link would.
  session.addEventListener('open', (event) => {
    if (current.shared) return;
    const id = String(event.detail.annotationId);
    const url = addressOf(data.project, id, null);
    if (url !== location.pathname + location.search + location.hash) history.pushState({ annotation: id }, '', url);
    openAnnotation(id, null);
  });

  if (data.shareToken) {
    open((signal) => loadShared(data.shareToken, { signal }), null);
  } else if (data.annotation) {
    openAnnotation(data.annotation, data.group || new URLSearchParams(location.search).get('group'));
  } else {
    openAddress();
  }
}

/** The address of an annotation and group: `/projects/{p}/viewer/annotations/{a}?group={g}` (no group: implicit). */
function addressOf(projectId, annotationId, groupId) {
  const url = new URL(`/projects/${encodeURIComponent(projectId)}/viewer/annotations/${encodeURIComponent(annotationId)}`, location.href);
  if (groupId !== null && groupId !== undefined) url.searchParams.set('group', String(groupId));
  return url.pathname + url.search + location.hash;
}
