// Live image processing progress on the server-rendered pages: an element with data-image-progress="{imageId}" and
// data-refresh-url (the project editor's image row, the Share-image status) holds a <progress data-progress-bar> and
// a <span data-progress-text>. imageProgress(id) moves both; READY or FAILED fetches the element's fragment again
// from data-refresh-url (htmx swaps it in place, no page load). If the subscription cannot run (refused, or a
// server without it) the element polls its fragment every 2 s instead, as these pages did before. The element's
// data-live says which: "connected", "waiting" (polling until a live place is free) or "off: " and the reason.
//
// Each subscription is an EventSource, i.e. one HTTP/1.1 connection of the six a browser keeps per server: a page
// with many images converting at once must not take them all (the page's own requests would queue behind). So at
// most MAX_LIVE images are followed live; the others poll, and take a live place when one frees.

import { subscribe } from './subscription.js';

const QUERY = `subscription ImageProgress($id: Long!) { imageProgress(id: $id) { imageId state progressPercent } }`;
const POLL_MS = 2000;
const MAX_LIVE = 2;
const FINAL = new Set(['READY', 'FAILED']);

/** image id → { subscription, poll, refreshing, reason } for the elements on the page now. */
const followed = new Map();

function elementOf(imageId) {
  return document.querySelector(`[data-image-progress="${CSS.escape(String(imageId))}"]`);
}

/** Follows every element under `root` that names an image, and lets go of those that left the page. */
function scan(root = document) {
  for (const [id, follow] of followed) {
    if (!elementOf(id)) stop(id, follow);
  }
  const elements = root.matches?.('[data-image-progress]') ? [root] : [];
  elements.push(...(root.querySelectorAll?.('[data-image-progress]') ?? []));
  for (const element of elements) {
    const id = element.dataset.imageProgress;
    if (!id) continue;
    if (!followed.has(id)) follow(id);
    else if (followed.get(id).reason) element.dataset.live = followed.get(id).reason;
  }
}

const liveCount = () => [...followed.values()].filter((entry) => entry.subscription).length;

function follow(id) {
  const entry = { subscription: null, poll: 0, refreshing: false, reason: '' };
  followed.set(id, entry);
  if (liveCount() >= MAX_LIVE) {
    fallBack(id, entry, 'waiting', { now: false });
    entry.waiting = true;
    return;
  }
  goLive(id, entry);
}

function goLive(id, entry) {
  entry.subscription = subscribe(QUERY, { id: Number(id) }, (data) => {
    const progress = data.imageProgress;
    const element = elementOf(id);
    if (!progress || !element) return;
    element.dataset.live = 'connected';
    show(element, progress.progressPercent);
    if (FINAL.has(progress.state)) refresh(id, entry);
  }, (error) => {
    if (error.final) fallBack(id, entry, `off: ${error.message}`);
  }, {
    // The server ended the stream before the image was done (it should not): the fragment says where it stands.
    onComplete: () => fallBack(id, entry, 'off: the server ended the live progress'),
  });
}

/** No live progress for this image: ask for its fragment now and then instead, as the pages did before. */
function fallBack(id, entry, reason, { now = true } = {}) {
  if (!followed.has(id) || entry.poll) return;
  entry.subscription = null;
  entry.reason = reason;
  const element = elementOf(id);
  if (element) element.dataset.live = reason;
  entry.poll = setInterval(() => refresh(id, entry), POLL_MS);
  if (now) refresh(id, entry);
  promote();
}

/** A live place is free: the longest-waiting image takes it. */
function promote() {
  for (const [id, entry] of followed) {
    if (liveCount() >= MAX_LIVE) return;
    if (!entry.waiting) continue;
    entry.waiting = false;
    clearInterval(entry.poll);
    entry.poll = 0;
    entry.reason = '';
    goLive(id, entry);
  }
}

function show(element, percent) {
  const value = Math.max(0, Math.min(100, Math.round(Number(percent) || 0)));
  const bar = element.querySelector('[data-progress-bar]');
  if (bar) {
    bar.value = value;
    bar.textContent = `${value} %`;
  }
  const text = element.querySelector('[data-progress-text]');
  if (text) text.textContent = `${value} %`;
}

/** Swaps in the element's fragment as the server renders it now (the final row or status, or still busy). */
function refresh(id, entry) {
  const element = elementOf(id);
  const url = element?.dataset.refreshUrl;
  if (!element || !url) return stop(id, entry);
  if (entry.refreshing) return;
  if (!window.htmx) {
    location.reload();
    return;
  }
  entry.refreshing = true;
  // The new fragment has no data-image-progress once the image is done: the scan after the swap lets go of it.
  window.htmx.ajax('GET', url, { target: element, swap: 'outerHTML' })
    .finally(() => { entry.refreshing = false; scan(); });
}

function stop(id, entry) {
  entry.subscription?.close();
  clearInterval(entry.poll);
  followed.delete(id);
  promote();
}

// htmx:load fires for every piece of content htmx puts in the page (a new row, a whole images section, the status).
document.addEventListener('htmx:load', (event) => scan(event.target));
scan();
