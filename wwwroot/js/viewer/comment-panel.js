// The comment panel across the bottom of the viewer (manual, "Comments"): opened by the ↑ arrow at the stage's
// bottom edge (or at load with expandcomment:1), it shows the comments of the active layer — the panel reloads when
// another layer is selected — and lets a participant add comments and edit or delete their own. It also keeps the
// session's set of commented layers (the notes icons on layer rows) and tells the sidebar when the annotation
// gains its first comment or loses its last. The server checks every write again: read-only pages (viewers, a share
// link's holder) get no write controls at all.

import { graphql } from './api.js';
import { el, icon, uniqueId } from './dom.js';

// Every layer's comments in one query: which layers have comments (notes icons) and the active one's list. A share
// link's holder has no session, so they read through sharedItem(token) (its rights last for that request only).
const COMMENT_FIELDS = 'id layerId authorId authorName text createdAt editedAt';
const LAYERS_QUERY = `query ViewerComments($id: Long!) { annotation(id: $id) { id layers { id comments { ${COMMENT_FIELDS} } } } }`;
const SHARED_QUERY = `query ViewerSharedComments($token: String!) {
  sharedItem(token: $token) { annotation { id layers { id comments { ${COMMENT_FIELDS} } } } } }`;
const ADD = `mutation ViewerAddComment($layerId: Long!, $content: String!) {
  addComment(input: { layerId: $layerId, content: $content }) { comment { ${COMMENT_FIELDS} } } }`;
const EDIT = `mutation ViewerEditComment($id: Long!, $content: String!) {
  editComment(input: { id: $id, content: $content }) { comment { ${COMMENT_FIELDS} } } }`;
const DELETE = 'mutation ViewerDeleteComment($id: Long!) { deleteComment(input: { id: $id }) { deletedId } }';

/** CommentService.MaxLength: the server refuses longer ones; the textarea stops there first. */
const MAX_LENGTH = 10_000;

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function start(session) {
  const panel = session.root.querySelector('#comment-panel');
  if (!panel) return;
  new CommentPanel(session, panel);
}

class CommentPanel {
  constructor(session, panel) {
    this.session = session;
    this.panel = panel;
    /** layer id → its comments (oldest first), from the last load. */
    this.byLayer = new Map();
    this.layerId = null;
    this.loads = 0;

    this.heading = el('h2', { class: 'comments-title', id: uniqueId('comments-title') }, 'Comments');
    this.status = el('p', { class: 'comments-status', role: 'status' });
    this.error = el('p', { class: 'comments-error', role: 'alert', hidden: true });
    this.list = el('ol', { class: 'comment-list', 'aria-labelledby': this.heading.id });
    this.form = this.addForm();
    // The add form joins the panel only for those who may write (absent, not hidden, for the others).
    panel.replaceChildren(this.heading, this.error, this.status, this.list);

    // The ↑ arrow at the stage's bottom edge, like the layer panel's ← at its right edge.
    this.toggleIcon = icon('expand_less');
    this.toggle = el('button', { type: 'button', class: 'comments-toggle', 'aria-controls': panel.id, hidden: true }, this.toggleIcon);
    this.toggle.addEventListener('click', () => this.setOpen(this.panel.hidden));
    session.stage.append(this.toggle);
    this.setOpen(false);

    session.addEventListener('annotation', () => this.opened());
    session.addEventListener('activelayer', () => this.reload());
    session.addEventListener('layers', () => this.reload());
    // A comment someone else added, edited or deleted (live-events.js), or a reconnect that may have missed one.
    session.addEventListener('remote', (event) => {
      if (event.detail.change === 'COMMENTS' || event.detail.change === 'RESYNC') this.refresh();
    });
  }

  /**
   * Reads every layer's comments again and redraws only when they differ from what is shown: this tab's own
   * changes come back as events too and are shown already. A comment being edited or a delete being confirmed here
   * is never swept away; the refresh waits until it is done.
   */
  async refresh() {
    const annotation = this.session.annotation;
    if (!annotation) return;
    clearTimeout(this.refreshTimer);
    if (this.list.querySelector('.comment-edit-form, .comment-confirmation')) {
      this.refreshTimer = setTimeout(() => this.refresh(), 500);
      return;
    }
    let data;
    try {
      data = this.session.shareToken
        ? (await graphql(SHARED_QUERY, { token: this.session.shareToken }))?.sharedItem
        : await graphql(LAYERS_QUERY, { id: Number(annotation.id) });
    } catch {
      return; // what is shown stays; the next load shows the truth
    }
    if (String(this.session.annotation?.id) !== String(annotation.id)) return;
    if (this.list.querySelector('.comment-edit-form, .comment-confirmation')) {
      this.refreshTimer = setTimeout(() => this.refresh(), 500);
      return;
    }
    const fresh = new Map((data?.annotation?.layers ?? []).map((l) => [String(l.id), l.comments ?? []]));
    const signature = (map) => JSON.stringify([...map].filter(([, list]) => list.length > 0)
      .map(([id, list]) => [id, list.map((c) => [c.id, c.text, c.editedAt])]).sort());
    if (signature(fresh) === signature(this.byLayer)) return;
    this.byLayer = fresh;
    this.render();
    this.publishCommented(false);
  }

  /** Opens or closes the panel; the arrow says which it will do. */
  setOpen(open) {
    this.panel.hidden = !open;
    this.toggle.setAttribute('aria-expanded', String(open));
    this.toggle.setAttribute('aria-label', open ? 'Hide the comments' : 'Show the comments');
    this.toggleIcon.textContent = open ? 'expand_more' : 'expand_less';
    this.session.root.setAttribute('data-comments', open ? 'open' : 'closed');
  }

  /** An annotation was opened (or closed): load its comments; expandcomment opens the panel. */
  opened() {
    const annotation = this.session.annotation;
    this.byLayer = new Map();
    this.layerId = null;
    this.list.replaceChildren();
    this.form.remove();
    this.showError('');
    this.toggle.hidden = !annotation;
    if (!annotation) {
      this.setOpen(false);
      return;
    }
    if (this.session.settings.expandComment) this.setOpen(true);
    this.reload();
  }

  /** Whether this page may write comments: a participant on a page that is not read-only. */
  get canWrite() {
    return !this.session.readOnly && Boolean(this.session.rights.participate);
  }

  /**
   * The layer the comments belong to: the active one, else the one the layer panel shows selected (the project's
   * defaultlayer), else the first image layer, else the first layer.
   */
  currentLayer() {
    const layers = (this.session.annotation?.layers ?? []).filter((l) => l.kind !== 'GROUP');
    const byId = (id) => layers.find((l) => String(l.id) === String(id));
    const panel = this.session.layerPanel;
    const selected = panel?.group?.channels?.find((c) => c.key === panel.selectedKey)?.layerId;
    return byId(this.session.activeLayerId) ?? byId(selected)
      ?? layers.find((l) => l.kind === 'IMAGE') ?? layers[0] ?? null;
  }

  /** Reloads every layer's comments (the notes icons) and shows the current layer's. */
  async reload() {
    const annotation = this.session.annotation;
    if (!annotation) return;
    const mine = ++this.loads;
    const layer = this.currentLayer();
    this.layerId = layer?.id ?? null;
    this.showHeading(layer);
    if (this.canWrite && layer) this.panel.append(this.form);
    else this.form.remove();
    if (!layer) {
      this.list.replaceChildren();
      this.status.textContent = 'This annotation has no layers to comment on.';
      return;
    }
    this.status.textContent = 'Loading comments…';
    try {
      const data = this.session.shareToken
        ? (await graphql(SHARED_QUERY, { token: this.session.shareToken }))?.sharedItem
        : await graphql(LAYERS_QUERY, { id: Number(annotation.id) });
      if (mine !== this.loads || String(this.session.annotation?.id) !== String(annotation.id)) return;
      const layers = data?.annotation?.layers ?? [];
      this.byLayer = new Map(layers.map((l) => [String(l.id), l.comments ?? []]));
      this.showError('');
      this.render();
      this.publishCommented(false);
    } catch (error) {
      if (mine !== this.loads) return;
      this.status.textContent = '';
      this.showError(`The comments could not be loaded: ${error.message}`);
    }
  }

  showHeading(layer) {
    this.heading.replaceChildren('Comments');
    if (layer) this.heading.append(el('span', { class: 'comments-layer' }, ' on ', el('bdi', {}, layer.name)));
  }

  render() {
    const comments = this.byLayer.get(String(this.layerId)) ?? [];
    this.list.replaceChildren(...comments.map((c) => this.commentItem(c)));
    this.status.textContent = comments.length === 0
      ? 'No comments on this layer yet.'
      : `${comments.length} comment${comments.length === 1 ? '' : 's'}`;
  }

  /** The session's commented layers (notes icons); after a change, the sidebar's badge too. */
  publishCommented(changed) {
    const ids = [...this.byLayer].filter(([, list]) => list.length > 0).map(([id]) => Number(id));
    this.session.setCommentedLayers(ids);
    if (changed && this.session.annotation) {
      this.session.annotationChanged(this.session.annotation.id, { hasComments: ids.length > 0 });
    }
  }

  showError(text) {
    this.error.textContent = text;
    this.error.hidden = !text;
  }

  commentItem(comment) {
    const mine = this.canWrite && comment.authorId !== null && comment.authorId !== undefined
      && Number(comment.authorId) === this.session.userId;
    const created = new Date(comment.createdAt);
    const meta = el('p', { class: 'comment-meta' },
      el('bdi', { class: 'comment-author' }, comment.authorName ?? 'A deleted user'),
      ' ',
      el('time', { datetime: comment.createdAt }, Number.isNaN(created.getTime()) ? '' : dateTime.format(created)),
      comment.editedAt ? el('span', { class: 'comment-edited' }, ' (edited)') : null);
    const text = el('p', { class: 'comment-text' }, comment.text);
    const item = el('li', { class: 'comment', 'data-comment': comment.id }, meta, text);
    if (!mine) return item;

    const edit = el('button', { type: 'button', class: 'comment-edit', 'aria-label': 'Edit your comment', title: 'Edit' }, icon('edit'));
    const remove = el('button', { type: 'button', class: 'comment-delete', 'aria-label': 'Delete your comment', title: 'Delete' }, icon('speaker_notes_off'));
    const actions = el('div', { class: 'comment-actions' }, edit, remove);
    item.append(actions);
    edit.addEventListener('click', () => this.editInPlace(comment, item, text, actions));
    remove.addEventListener('click', () => this.confirmDelete(comment, item, actions));
    return item;
  }

  /** The text becomes a textarea with Save and Cancel; nothing is lost if saving fails. */
  editInPlace(comment, item, text, actions) {
    const area = el('textarea', { class: 'comment-input', maxlength: MAX_LENGTH, rows: 3, 'aria-label': 'Edit the comment' });
    area.value = comment.text;
    const save = el('button', { type: 'submit', class: 'comment-save' }, icon('check'), el('span', {}, 'Save'));
    const cancel = el('button', { type: 'button', class: 'comment-cancel' }, 'Cancel');
    const form = el('form', { class: 'comment-edit-form' }, area, el('div', { class: 'comment-buttons' }, save, cancel));
    text.replaceWith(form);
    actions.hidden = true;
    area.focus();
    const close = (shown) => {
      form.replaceWith(shown);
      actions.hidden = false;
    };
    cancel.addEventListener('click', () => close(text));
    area.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') close(text);
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) form.requestSubmit();
    });
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      save.disabled = true;
      try {
        const data = await graphql(EDIT, { id: Number(comment.id), content: area.value });
        const updated = data.editComment.comment;
        this.replaceComment(updated);
        this.showError('');
        this.render();
      } catch (error) {
        this.showError(`The comment was not saved: ${error.message}`);
        save.disabled = false;
      }
    });
  }

  /** Delete asks first, in place: "Delete this comment?" with Delete and Keep. */
  confirmDelete(comment, item, actions) {
    actions.hidden = true;
    const yes = el('button', { type: 'button', class: 'comment-confirm danger' }, icon('speaker_notes_off'), el('span', {}, 'Delete'));
    const no = el('button', { type: 'button', class: 'comment-keep' }, 'Keep');
    const question = el('div', { class: 'comment-confirmation', role: 'group', 'aria-label': 'Delete this comment?' },
      el('span', {}, 'Delete this comment? This cannot be undone.'), yes, no);
    item.append(question);
    no.focus();
    no.addEventListener('click', () => {
      question.remove();
      actions.hidden = false;
    });
    yes.addEventListener('click', async () => {
      yes.disabled = true;
      try {
        await graphql(DELETE, { id: Number(comment.id) });
        for (const [layer, list] of this.byLayer) this.byLayer.set(layer, list.filter((c) => String(c.id) !== String(comment.id)));
        this.showError('');
        this.render();
        this.publishCommented(true);
      } catch (error) {
        this.showError(`The comment was not deleted: ${error.message}`);
        question.remove();
        actions.hidden = false;
      }
    });
  }

  replaceComment(updated) {
    const key = String(updated.layerId ?? this.layerId);
    const list = this.byLayer.get(key) ?? [];
    this.byLayer.set(key, list.map((c) => (String(c.id) === String(updated.id) ? updated : c)));
  }

  /** The text area and the post_add button; Ctrl+Enter posts too. */
  addForm() {
    const id = uniqueId('comment-new');
    const area = el('textarea', { id, class: 'comment-input', maxlength: MAX_LENGTH, rows: 2, placeholder: 'Write a comment…' });
    const post = el('button', { type: 'submit', class: 'comment-post', 'aria-label': 'Add the comment', title: 'Add the comment' }, icon('post_add'));
    const form = el('form', { class: 'comment-add' },
      el('label', { for: id, class: 'visually-hidden' }, 'New comment'), area, post);
    area.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) form.requestSubmit();
    });
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (this.layerId === null) return;
      if (area.value.trim() === '') {
        this.showError('Write something first: an empty comment is not added.');
        area.focus();
        return;
      }
      const layerId = this.layerId;
      const annotationId = this.session.annotation?.id;
      post.disabled = true;
      try {
        const data = await graphql(ADD, { layerId: Number(layerId), content: area.value });
        const comment = data.addComment.comment;
        if (String(this.session.annotation?.id) !== String(annotationId)) {
          // Another annotation opened meanwhile: its panel is not touched, the sidebar's badge still follows.
          area.value = '';
          this.session.annotationChanged(annotationId, { hasComments: true });
          return;
        }
        const key = String(layerId);
        this.byLayer.set(key, [...(this.byLayer.get(key) ?? []), comment]);
        area.value = '';
        this.showError('');
        if (String(this.layerId) === key) this.render();
        this.publishCommented(true);
      } catch (error) {
        // The text stays in the box, so nothing is lost.
        this.showError(`The comment was not added: ${error.message}`);
      } finally {
        post.disabled = false;
      }
    });
    this.input = area;
    return form;
  }
}
