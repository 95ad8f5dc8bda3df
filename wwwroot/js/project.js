// The project editor's enhancements; the page works without this file (plain posts and redirects).
// Loaded as a module by ProjectEditorPage.razor.

// A form the domain refused answers 400 with its section, the message next to the field: swap it in like a
// success (htmx leaves 4xx responses unswapped by default), so the user sees why and keeps what they typed.
document.addEventListener('htmx:beforeSwap', (event) => {
  if (event.detail.xhr.status === 400 && event.detail.requestConfig?.verb === 'post') {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  }
});

// A processing row polls its own fragment; if the image was deleted meanwhile (404), drop the row so the polling
// (which htmx ends when its element leaves the page) does not go on forever.
document.addEventListener('htmx:beforeSwap', (event) => {
  if (event.detail.xhr.status === 404 && event.detail.target.matches?.('tr[data-state]')) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
    event.detail.serverResponse = '';
  }
});
