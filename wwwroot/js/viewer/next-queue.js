// The Next queue (manual: "The Next button … advances automatically through annotations that still need labelling"):
// on the session's 'next' request, asks the server for the annotation after the open one that is not submitted and
// that the caller may label (same order as the sidebar, wrapping round), and opens it. The order and the rights are
// the server's (Query.nextAnnotation); nothing is computed from what the page happens to have loaded.

import { graphql } from './api.js';
import { el } from './dom.js';

const NEXT_QUERY = `query ViewerNext($project: Long!, $after: Long) {
  nextAnnotation(projectId: $project, after: $after) { id name } }`;

export function start(session) {
  if (session.readOnly || session.projectId === null) return;
  const notice = el('p', { class: 'viewer-notice', role: 'status', hidden: true });
  session.stage.append(notice);
  let pending = null;
  let hideTimer = 0;

  const say = (text) => {
    clearTimeout(hideTimer);
    notice.textContent = text;
    notice.hidden = !text;
    if (text) hideTimer = setTimeout(() => { notice.hidden = true; }, 6000);
  };

  session.addEventListener('next', async () => {
    // A second press while the first is on its way asks again from where the first one lands.
    const mine = Symbol('next');
    pending = mine;
    try {
      const data = await graphql(NEXT_QUERY, { project: session.projectId, after: session.annotation?.id ?? null });
      if (pending !== mine) return;
      const next = data?.nextAnnotation;
      if (next) {
        say('');
        session.open(next.id);
      } else {
        say('Nothing left to label: every annotation you can label is submitted.');
      }
    } catch (error) {
      if (pending === mine) say(error?.message ?? 'The next annotation could not be found.');
    }
  });
}
