// The thumbnail grid (manual: "When a category is selected but no individual annotation is active yet, the central
// area shows a thumbnail grid — one card per annotation, showing a preview image and the annotation name"). Fills
// the stage's #thumbnail-grid over the canvas. Cards are real links to the annotation's address (a new tab works);
// a plain click opens it in place through the session. The category's settings shape it: forcerow (exactly N
// cards a row), nameshidden (no names under the cards; the link keeps its accessible name), darkmode.

import { el, icon } from './dom.js';

export class ThumbnailGrid {
  /**
   * @param element the stage's #thumbnail-grid
   * @param options { open(annotationId), more(), addressOf(annotationId) }
   */
  constructor(element, { open, more, addressOf }) {
    this.element = element;
    this.open = open;
    this.more = more;
    this.addressOf = addressOf;
    this.cards = el('ul', { class: 'grid-cards', role: 'list' });
    this.title = el('h2', { class: 'grid-title' });
    this.count = el('p', { class: 'grid-count', role: 'status' });
    this.moreButton = el('button', { type: 'button', class: 'grid-more', hidden: true }, 'More…');
    this.moreButton.addEventListener('click', () => this.more());
    element.replaceChildren(el('header', { class: 'grid-header' }, this.title, this.count), this.cards, this.moreButton);
    element.setAttribute('aria-label', 'Thumbnails');
    element.setAttribute('role', 'region');
    element.addEventListener('click', (event) => {
      const link = event.target.closest?.('a.grid-card');
      if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      this.open(Number(link.dataset.annotation));
    });
  }

  get visible() {
    return !this.element.hidden;
  }

  /** Shows `category` ({ name, grid: { perRow, namesHidden, dark }, items, hasMore, total, loading, error }). */
  show(category) {
    this.render(category);
    this.element.hidden = false;
  }

  hide() {
    this.element.hidden = true;
  }

  /** Draws the category's cards (only new ones are added when a page was appended). */
  render(category) {
    this.category = category;
    const { grid } = category;
    this.title.textContent = category.name;
    this.element.classList.toggle('is-dark', grid.dark);
    this.element.classList.toggle('names-hidden', grid.namesHidden);
    // forcerow: exactly N a row, however wide the stage; otherwise as many as fit.
    this.cards.style.gridTemplateColumns = grid.perRow ? `repeat(${grid.perRow}, minmax(0, 1fr))` : '';
    this.cards.classList.toggle('is-forced', Boolean(grid.perRow));
    if (this.cards.dataset.category !== String(category.id)) {
      this.cards.replaceChildren();
      this.cards.dataset.category = String(category.id);
    }
    for (const item of category.items.slice(this.cards.children.length)) this.cards.append(this.card(item, grid));
    if (category.error) this.count.textContent = category.error;
    else if (category.loading && category.items.length === 0) this.count.textContent = 'Loading…';
    else if (category.total === 0) this.count.textContent = 'This category has no annotations you can see.';
    else this.count.textContent = `${category.items.length} of ${category.total} annotation${category.total === 1 ? '' : 's'}`;
    this.moreButton.hidden = !category.hasMore;
    this.moreButton.disabled = Boolean(category.loading);
  }

  card(item, grid) {
    const preview = item.previewUrl
      ? el('img', { class: 'grid-preview', src: item.previewUrl, alt: '', loading: 'lazy', decoding: 'async' })
      : el('span', { class: 'grid-preview grid-no-preview', title: 'No preview' }, icon('image_not_supported'));
    const name = el('span', { class: 'grid-name' }, el('bdi', {}, item.name));
    const link = el('a', {
      class: 'grid-card',
      href: this.addressOf(item.id),
      'data-annotation': String(item.id),
      // The visible name is the link's name; with names hidden it is still read out.
      'aria-label': grid.namesHidden ? item.name : null,
    }, preview, grid.namesHidden ? null : name);
    return el('li', {}, link);
  }
}
