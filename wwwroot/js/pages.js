// Small conveniences for the server-rendered pages; every page works without this file.
// Loaded as a module (deferred), so the DOM is parsed when it runs.

// Live processing progress (the project editor's image rows, the Share-image status).
import './live/image-progress.js';

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

// Upload progress for htmx forms: <form hx-post=… hx-encoding="multipart/form-data"> containing
// <progress data-upload-progress max="100" value="0" hidden> (and optionally <span data-upload-percent>).
// htmx reports the browser's upload progress events; the bar shows while the file is sent. Without JavaScript the
// form posts normally and the browser shows its own progress.
document.addEventListener('htmx:xhr:progress', (event) => {
  const form = event.target.closest('form');
  const bar = form?.querySelector('[data-upload-progress]');
  if (!bar || !event.detail.lengthComputable) return;
  const percent = Math.round((event.detail.loaded / event.detail.total) * 100);
  bar.hidden = false;
  bar.value = percent;
  bar.textContent = `${percent} %`;
  const label = form.querySelector('[data-upload-percent]');
  if (label) label.textContent = percent < 100 ? `Uploading… ${percent} %` : 'Upload complete, processing…';
});
