// The project editor's enhancements; the page works without this file (plain posts and redirects).
// Loaded as a module by ProjectEditorPage.razor.

// A processing row polls its own fragment; if the image was deleted meanwhile (404), drop the row so the polling
// (which htmx ends when its element leaves the page) does not go on forever.
document.addEventListener('htmx:beforeSwap', (event) => {
  if (event.detail.xhr.status === 404 && event.detail.target.matches?.('tr[data-state]')) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
    event.detail.serverResponse = '';
  }
});
