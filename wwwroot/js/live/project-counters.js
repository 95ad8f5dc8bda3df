// The project editor's counters, live: projectCounters(id) sends the current ones at once, then after every change
// (an annotation submitted, shared, a participant added…). The section names its project (data-project-counters);
// each number sits in <dd data-counter="participants|annotations|submitted|shared">. Without JavaScript, or if the
// subscription is refused, the numbers stay those the page was rendered with. data-live on the section says whether
// they are live ("connected", "connecting", or "off: " and the reason).

import { subscribe } from './subscription.js';

const QUERY = `subscription ProjectCounters($id: Long!) {
  projectCounters(id: $id) { projectId participants annotations submitted shared } }`;
const NAMES = ['participants', 'annotations', 'submitted', 'shared'];

export function followCounters(section) {
  const id = Number(section.dataset.projectCounters);
  if (!Number.isSafeInteger(id)) return null;
  return subscribe(QUERY, { id }, (data) => {
    const counters = data.projectCounters;
    if (!counters) return;
    for (const name of NAMES) {
      const cell = section.querySelector(`[data-counter="${name}"]`);
      if (cell && typeof counters[name] === 'number') cell.textContent = String(counters[name]);
    }
    section.dataset.live = 'connected';
  }, (error) => {
    // The numbers stay as rendered; data-live says why they no longer move.
    section.dataset.live = error.final ? `off: ${error.message}` : 'connecting';
  }, { onComplete: () => { section.dataset.live = 'off: the server ended the live counters'; } });
}
