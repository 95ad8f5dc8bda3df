// The category area's pages (category editor, annotation editor, members): htmx swaps an editor fragment after
// each form post. A refused post answers 400 with the fragment showing the message next to the field; htmx
// leaves 4xx answers unswapped by default, so inside an editor marked data-swap-errors they are swapped too.
// Every page works without this file (the forms post and the page comes back).
document.addEventListener('htmx:beforeSwap', (event) => {
  const status = event.detail.xhr.status;
  if (status !== 400) return;
  if (!event.detail.target.closest('[data-swap-errors]') && !event.detail.target.matches('[data-swap-errors]')) return;
  event.detail.shouldSwap = true;
  event.detail.isError = false;
});
