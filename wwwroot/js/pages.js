// Small conveniences for the server-rendered pages; every page works without this file.
// Loaded as a module (deferred), so the DOM is parsed when it runs.

// <button data-copy="#share-url">: copies the text (or value) of the element the selector names.
document.addEventListener('click', async (event) => {
  const button = event.target.closest('[data-copy]');
  if (!button) return;
  const source = document.querySelector(button.dataset.copy);
  if (!source) return;
  const text = 'value' in source ? source.value : source.textContent.trim();
  try {
    await navigator.clipboard.writeText(text);
    announce(button, 'Copied');
  } catch {
    // Clipboard refused (insecure origin, permission): select the text so Ctrl+C works.
    if (source.select) source.select();
    announce(button, 'Press Ctrl+C to copy');
  }
});

function announce(button, text) {
  const status = button.parentElement.querySelector('[data-copy-status]') ?? button;
  const before = status.textContent;
  status.textContent = text;
  setTimeout(() => { status.textContent = status === button ? before : ''; }, 2000);
}
