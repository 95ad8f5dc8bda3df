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
