// The viewer's left sidebar (manual, "GUI in depth"): the categories the caller may see; a click on one highlights
// it, shows its thumbnail grid in the stage and expands its list of annotations beneath its name — loaded on demand,
// a page at a time ("More…"), each entry with its badges. The Next button asks the session for the next annotation
// still needing labels. The server renders the same categories and lists as plain links, so the sidebar works
// without JavaScript; this module only enhances them (links stay links: a new tab still works).
//
// The grid shows while a category is selected and no annotation is open; opening one (a card, an entry, Next)
// hides it, and a click on the highlighted category brings it back (the address returns to ?category=).

import { el, icon } from './dom.js';
import { loadEntry, loadPage, PAGE_SIZE } from './sidebar-api.js';
import { renderBadges } from './sidebar-badges.js';
import { ThumbnailGrid } from './thumbnail-grid.js';

const ANNOTATION_PATH = /^\/projects\/(\d+)\/viewer\/annotations\/(\d+)\/?$/;
const PROJECT_PATH = /^\/projects\/(\d+)\/viewer\/?$/;

export function start(session) {
  const root = session.root;
  const nav = root.querySelector('.viewer-sidebar');
  const gridElement = root.querySelector('#thumbnail-grid');
  if (!nav || !gridElement || session.projectId === null) return; // the share link's limited viewer has no sidebar

  const projectAddress = (categoryId) => `/projects/${session.projectId}/viewer?category=${encodeURIComponent(categoryId)}`;
  const annotationAddress = (annotationId) => `/projects/${session.projectId}/viewer/annotations/${encodeURIComponent(annotationId)}`;

  const grid = new ThumbnailGrid(gridElement, {
    open: (id) => session.open(id),
    more: () => { if (selected) loadMore(selected); },
    addressOf: annotationAddress,
  });

  /** Every category of the sidebar by id: its section, grid settings and the pages loaded so far. */
  const categories = new Map();
  for (const section of nav.querySelectorAll('.viewer-category[data-category]')) {
    const data = section.dataset;
    const link = section.querySelector('.viewer-category-link');
    if (!link) continue;
    categories.set(data.category, {
      id: data.category,
      name: link.textContent.trim(),
      section,
      link,
      grid: {
        perRow: Number(data.forcerow) > 0 ? Number(data.forcerow) : null,
        namesHidden: data.nameshidden === '1',
        // The category's darkmode overrides the project's (manual, category settings).
        dark: data.darkmode === '' || data.darkmode === undefined ? session.settings.darkMode : data.darkmode === '1',
      },
      items: [],
      classifications: [],
      hasMore: false,
      total: 0,
      loaded: false,
      loading: false,
      error: '',
      entries: null,
    });
  }
  let selected = null;

  nav.classList.add('is-enhanced');
  if (!session.readOnly && session.userId !== null) {
    const next = el('button', { type: 'button', class: 'sidebar-next', title: 'Open the next annotation that still needs labels' },
      icon('skip_next'), 'Next');
    next.addEventListener('click', () => session.openNext());
    nav.querySelector('.viewer-project')?.after(next);
  }

  // ─────────────── the list of the selected category ───────────────

  /** Replaces the server-rendered page of the category's list with the enhanced one (first time only). */
  function entriesOf(category) {
    if (category.entries) return category.entries;
    for (const node of category.section.querySelectorAll(':scope > ul, :scope > .hint, :scope > .viewer-pages')) node.remove();
    const list = el('ul', { class: 'sidebar-entries' });
    const status = el('p', { class: 'hint sidebar-status', role: 'status' });
    const more = el('button', { type: 'button', class: 'sidebar-more', hidden: true }, 'More…');
    more.addEventListener('click', () => loadMore(category));
    category.section.append(list, status, more);
    category.entries = { list, status, more, byId: new Map() };
    return category.entries;
  }

  function entryOf(category, item) {
    const link = el('a', { href: annotationAddress(item.id) }, el('bdi', {}, item.name));
    const badges = el('span', { class: 'sidebar-badges' });
    const li = el('li', { 'data-annotation': String(item.id) }, link, badges);
    return { li, link, badges };
  }

  function badgesOf(category, item, entry) {
    renderBadges(entry.badges, item, {
      classifications: category.classifications,
      asLetter: session.settings.classificationAsLetter,
      userId: session.userId,
    });
  }

  function renderList(category) {
    const entries = entriesOf(category);
    for (const item of category.items) {
      if (entries.byId.has(String(item.id))) continue;
      const entry = entryOf(category, item);
      badgesOf(category, item, entry);
      entries.byId.set(String(item.id), entry);
      entries.list.append(entry.li);
    }
    markCurrent(session.annotation?.id ?? null);
    if (category.error) entries.status.textContent = category.error;
    else if (category.loading) entries.status.textContent = 'Loading…';
    else if (category.total === 0) entries.status.textContent = 'No annotations.';
    else entries.status.textContent = category.hasMore ? `${category.items.length} of ${category.total}` : '';
    entries.status.hidden = entries.status.textContent === '';
    entries.more.hidden = !category.hasMore;
    entries.more.disabled = category.loading;
    if (selected === category && grid.visible) grid.render(category);
  }

  async function loadMore(category) {
    if (category.loading || (category.loaded && !category.hasMore)) return;
    category.loading = true;
    category.error = '';
    renderList(category);
    try {
      const page = await loadPage(category.id, category.items.length);
      // Annotations added meanwhile may shift a page: an id already listed is not listed twice.
      const known = new Set(category.items.map((item) => String(item.id)));
      category.items.push(...page.items.filter((item) => !known.has(String(item.id))));
      if (page.classifications) category.classifications = page.classifications;
      category.hasMore = page.hasMore;
      category.total = page.total;
      category.loaded = true;
    } catch (error) {
      category.error = error?.message ?? 'The list could not be loaded.';
    } finally {
      category.loading = false;
      renderList(category);
    }
  }

  // ─────────────── selection, grid and address ───────────────

  function select(category) {
    if (selected !== category) {
      if (selected) {
        selected.section.classList.remove('is-selected');
        selected.link.removeAttribute('aria-current');
        selected.link.setAttribute('aria-expanded', 'false');
      }
      selected = category;
      category.section.classList.add('is-selected');
      category.link.setAttribute('aria-current', 'true');
      category.link.setAttribute('aria-expanded', 'true');
      session.showCategory(category.id);
    }
    if (!category.loaded && !category.loading) loadMore(category);
    else renderList(category);
  }

  function showGrid() {
    if (!selected) return hideGrid();
    grid.show(selected);
    root.classList.add('grid-open');
  }

  function hideGrid() {
    grid.hide();
    root.classList.remove('grid-open');
  }

  function markCurrent(annotationId) {
    for (const category of categories.values()) {
      for (const [id, entry] of category.entries?.byId ?? []) {
        if (annotationId !== null && id === String(annotationId)) entry.link.setAttribute('aria-current', 'page');
        else entry.link.removeAttribute('aria-current');
      }
    }
  }

  /** Follows the address: ?category= on the project's viewer selects that category and shows its grid. */
  function followAddress() {
    if (!PROJECT_PATH.test(location.pathname)) return;
    const category = categories.get(new URLSearchParams(location.search).get('category') ?? '');
    if (category) {
      select(category);
      showGrid();
    } else {
      hideGrid();
    }
  }

  nav.addEventListener('click', (event) => {
    const link = event.target.closest?.('a.viewer-category-link');
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const category = categories.get(link.closest('.viewer-category')?.dataset.category ?? '');
    if (!category) return;
    event.preventDefault();
    const url = projectAddress(category.id);
    const annotationShown = ANNOTATION_PATH.test(location.pathname);
    if (url !== location.pathname + location.search) history.pushState({ category: category.id }, '', url);
    select(category);
    if (annotationShown) {
      // The page closes the annotation; its 'annotation' null then shows the grid.
      session.closeAnnotation();
    } else {
      showGrid();
    }
  });

  window.addEventListener('popstate', followAddress);

  session.addEventListener('annotation', (event) => {
    const annotation = event.detail.annotation;
    if (annotation) {
      hideGrid();
      const category = categories.get(String(annotation.categoryId));
      if (category) select(category);
      markCurrent(annotation.id);
    } else {
      markCurrent(null);
      // A failed load stays on the annotation's address and its message; only the project's address shows the grid.
      followAddress();
    }
  });

  // Another panel changed an annotation (submit, classify, comment, share): its badges follow at once.
  session.addEventListener('annotationchange', (event) => {
    const { annotationId, changes = {} } = event.detail ?? {};
    for (const category of categories.values()) {
      const item = category.items.find((i) => String(i.id) === String(annotationId));
      if (!item) continue;
      if ('status' in changes) {
        item.status = changes.status;
        // A live event says needsLabels itself; a panel's own change says only the status.
        if ('needsLabels' in changes) item.needsLabels = Boolean(changes.needsLabels);
        else if (changes.status === 'SUBMITTED') item.needsLabels = false;
        else refresh(category, item);
      }
      if ('hasComments' in changes) item.hasComments = Boolean(changes.hasComments);
      if ('shared' in changes) item.shared = Boolean(changes.shared);
      if ('classifications' in changes && Array.isArray(changes.classifications)) item.classifications = changes.classifications;
      const entry = category.entries?.byId.get(String(item.id));
      if (entry) badgesOf(category, item, entry);
    }
  });

  // The live stream came back after a drop (live-events.js): what changed meanwhile was missed, so the entries loaded
  // so far are read again, a page at a time.
  session.addEventListener('resync', async () => {
    for (const category of categories.values()) {
      if (!category.loaded) continue;
      for (let offset = 0; offset < category.items.length; offset += PAGE_SIZE) {
        let page;
        try {
          page = await loadPage(category.id, offset);
        } catch {
          break; // the badges stay as they were; the next page load shows the truth
        }
        for (const fresh of page.items) {
          const item = category.items.find((i) => String(i.id) === String(fresh.id));
          if (!item) continue;
          Object.assign(item, fresh);
          const entry = category.entries?.byId.get(String(item.id));
          if (entry) badgesOf(category, item, entry);
        }
      }
    }
  });

  /** Re-reads an entry whose new state the change did not fully say (needsLabels after a status back to NEW). */
  async function refresh(category, item) {
    try {
      Object.assign(item, await loadEntry(item.id));
      const entry = category.entries?.byId.get(String(item.id));
      if (entry) badgesOf(category, item, entry);
    } catch {
      // The badge stays as it was; the next page load shows the truth.
    }
  }

  // The page opens the addressed annotation after the modules start; the project's address is handled now.
  if (!root.dataset.annotation) followAddress();
}
