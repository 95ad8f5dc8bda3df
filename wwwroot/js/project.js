// The project editor's enhancements; the page works without this file (plain posts and redirects).
// Loaded as a module by ProjectEditorPage.razor. (Image rows' live progress: pages.js → live/image-progress.js.)

import { followCounters } from './live/project-counters.js';

// A processing row fetches its own fragment when its image is done; if the image was deleted meanwhile (404), drop
// the row rather than leave a progress bar that will never move.
document.addEventListener('htmx:beforeSwap', (event) => {
  if (event.detail.xhr.status === 404 && event.detail.target.matches?.('tr[data-state]')) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
    event.detail.serverResponse = '';
  }
});

// The counters follow projectCounters(id); the section is never swapped by htmx, so one subscription serves the page.
const counters = document.querySelector('[data-project-counters]');
if (counters) followCounters(counters);
