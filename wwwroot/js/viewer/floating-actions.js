// The floating actions at the stage's top right (manual, "Floating action buttons" that belong to the canvas):
// the zoom indicator, "Retexturing…" while sharper tiles load, zoom in / out / fit, dark mode and download PNG.
// Drawing and sharing join them in the next issue.

import { el, icon } from './dom.js';
import { fileNamePart } from './annotation-model.js';

/** "25 %" below 1:1, "100 %" at 1:1, "2.5×" above: screen pixels per image pixel as a person reads a zoom. */
export function formatZoom(zoom) {
  if (!(zoom > 0)) return '–';
  if (zoom >= 1.05) return `${Number(zoom.toFixed(zoom >= 10 ? 0 : 1))}×`;
  if (zoom >= 0.995) return '100 %';
  const percent = zoom * 100;
  return `${percent >= 10 ? Math.round(percent) : Number(percent.toFixed(percent >= 1 ? 1 : 2))} %`;
}

export class FloatingActions {
  /**
   * @param container the `<div class="viewer-actions">`
   * @param viewer the canvas Viewer
   * @param options { dark, downloadName() → "annotation-group" }
   */
  constructor(container, viewer, options) {
    this.viewer = viewer;
    this.options = options;

    this.zoom = el('output', { class: 'zoom-indicator', 'aria-label': 'Zoom' }, '–');
    this.retexturing = el('span', { class: 'retexturing', role: 'status' });
    const button = (name, label, onClick, cls) => {
      const b = el('button', { type: 'button', class: `action ${cls}`, 'aria-label': label, title: label }, icon(name));
      b.addEventListener('click', onClick);
      return b;
    };
    this.darkButton = button('dark_mode', 'Dark background', () => this.setDark(!this.viewer.dark), 'action-dark');
    this.downloadButton = button('download', 'Download the view as PNG', () => this.download(), 'action-download');
    /** Where the workflow's actions go (draw, save, share, link: drawing/ and share-actions.js add them). */
    this.extra = el('div', { class: 'action-buttons action-extra' });
    /** Under the buttons: the draw mode's colour, Fill and tools; the ROI table. */
    this.subActions = el('div', { class: 'action-sub' });
    container.replaceChildren(
      el('div', { class: 'action-info' }, this.zoom, this.retexturing),
      el('div', { class: 'action-buttons' },
        button('zoom_in', 'Zoom in', () => this.viewer.zoomBy(2), 'action-zoom-in'),
        button('zoom_out', 'Zoom out', () => this.viewer.zoomBy(0.5), 'action-zoom-out'),
        button('fit_screen', 'Fit the image to the view', () => this.viewer.fit(), 'action-fit'),
        this.darkButton,
        this.downloadButton),
      this.extra,
      this.subActions);

    viewer.addEventListener('view', (event) => this.showZoom(event.detail?.zoom));
    viewer.addEventListener('loading', (event) => this.showLoading(event.detail?.pending ?? 0));
    viewer.addEventListener('sharp', () => this.showLoading(0));
    this.setDark(Boolean(options.dark));
    this.showZoom(viewer.view?.zoom);
  }

  showZoom(zoom) {
    this.zoom.textContent = formatZoom(zoom);
  }

  showLoading(pending) {
    // Text in a status region, so a screen reader hears it once rather than on every tile.
    this.retexturing.textContent = pending > 0 ? 'Retexturing…' : '';
    this.retexturing.classList.toggle('is-active', pending > 0);
  }

  setDark(dark) {
    this.viewer.dark = dark;
    this.darkButton.setAttribute('aria-pressed', String(dark));
    this.darkButton.closest('.viewer-stage')?.classList.toggle('is-dark', dark);
  }

  /** Saves the composite exactly as displayed, named after the annotation and the group. */
  async download() {
    this.downloadButton.disabled = true;
    try {
      const blob = await this.viewer.toPngBlob();
      if (!blob) throw new Error('empty');
      const url = URL.createObjectURL(blob);
      const link = el('a', { href: url, download: `${fileNamePart(this.options.downloadName())}.png`, class: 'visually-hidden' });
      document.body.append(link);
      link.click();
      link.remove();
      // The browser has the blob once the click is handled; give it a moment before freeing it.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch {
      this.showMessage('The view could not be saved as a PNG.');
    } finally {
      this.downloadButton.disabled = false;
    }
  }

  showMessage(text) {
    this.retexturing.textContent = text;
    this.retexturing.classList.add('is-active');
  }
}
