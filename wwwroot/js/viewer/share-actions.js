// The share and link floating actions (manual, "Floating action buttons"): share creates the annotation's anonymous
// link, or revokes it when one is active (then it is amber, aria-pressed); link — present only while a link is
// active — copies the URL to the clipboard and opens a dialog showing it. The server derives an active link's URL
// again for the annotation's participants (ShareLink.url), so after a reload the link action still has it. Only
// participants on a page that is not read-only get these buttons; the server checks again.

import { graphql } from './api.js';
import { el, icon, uniqueId } from './dom.js';

const LINKS = `query ViewerShareLinks($id: Long!) { shareLinks(annotationId: $id) { nodes { id expiresAt url } } }`;
const CREATE = `mutation ViewerShare($id: Long!) {
  createShareLink(input: { annotationId: $id }) { link { id expiresAt } url } }`;
const REVOKE = 'mutation ViewerRevokeShare($id: Long!) { revokeShareLink(input: { id: $id }) { revokedId } }';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function start(session) {
  if (!session.actions?.extra) return;
  new ShareActions(session);
}

class ShareActions {
  constructor(session) {
    this.session = session;
    /** The open annotation's active links, newest last: [{ id, expiresAt, url }]. */
    this.links = [];
    this.loads = 0;

    this.shareButton = el('button', { type: 'button', class: 'action action-share' }, icon('share'));
    this.linkButton = el('button', { type: 'button', class: 'action action-link', 'aria-label': 'Copy the share link', title: 'Copy the share link' }, icon('link'));
    this.message = el('span', { class: 'share-message', role: 'alert' });
    this.group = el('div', { class: 'share-actions' });
    /** The link dialog, made on first use (a page that never shares has none). */
    this.dialog = null;
    this.shareButton.addEventListener('click', () => this.toggleShare());
    this.linkButton.addEventListener('click', () => this.copyLink());
    session.addEventListener('annotation', () => this.opened());
    // A link someone else made or revoked (live-events.js): read the links again when the page shows otherwise (this
    // tab's own change comes back too, and is already shown), and after a reconnect.
    session.addEventListener('remote', (event) => {
      const { change, event: live } = event.detail;
      if (this.shareButton.disabled || !this.group.isConnected) return;
      if (change === 'RESYNC' || (change === 'SHARE_LINK' && live?.annotation && Boolean(live.annotation.shared) !== this.active)) {
        this.opened();
      }
    });
  }

  get annotation() {
    return this.session.annotation;
  }

  /** A new annotation: its buttons only for a participant on a writable page, with its active links loaded. */
  async opened() {
    const mine = ++this.loads;
    this.links = [];
    this.group.remove();
    if (this.dialog?.open) this.dialog.close();
    const annotation = this.annotation;
    if (!annotation || this.session.readOnly || !this.session.rights.participate) return;
    this.session.actions.extra.append(this.group);
    this.render();
    try {
      const data = await graphql(LINKS, { id: Number(annotation.id) });
      if (mine !== this.loads) return;
      this.links = data?.shareLinks?.nodes ?? [];
      this.say('');
      this.render();
    } catch (error) {
      if (mine === this.loads) this.say(`Could not tell whether this annotation is shared: ${error.message}`);
    }
  }

  get active() {
    return this.links.length > 0;
  }

  render() {
    const active = this.active;
    this.shareButton.setAttribute('aria-pressed', String(active));
    const label = active ? 'Stop sharing: revoke the share link' : 'Share: create an anonymous link to this annotation';
    this.shareButton.setAttribute('aria-label', label);
    this.shareButton.title = label;
    // The link action exists only while a link is active (the manual); not merely hidden.
    this.group.replaceChildren(...[this.shareButton, active ? this.linkButton : null, this.message].filter(Boolean));
  }

  say(text) {
    this.message.textContent = text;
    this.message.classList.toggle('is-active', Boolean(text));
  }

  /** Creates the link, or revokes every active one (so the sidebar's share badge is honest). */
  async toggleShare() {
    const annotation = this.annotation;
    if (!annotation) return;
    const load = this.loads;
    // Worked on a copy: if another annotation opens meanwhile, its state is not touched, but the badge of this
    // one still follows what the server did.
    let links = [...this.links];
    let failure = '';
    this.shareButton.disabled = true;
    try {
      if (links.length > 0) {
        for (const link of [...links]) {
          await graphql(REVOKE, { id: Number(link.id) });
          links = links.filter((l) => l !== link);
        }
      } else {
        const created = (await graphql(CREATE, { id: Number(annotation.id) })).createShareLink;
        links = [{ id: created.link.id, expiresAt: created.link.expiresAt, url: created.url }];
      }
    } catch (error) {
      failure = `${links.length > 0 ? 'The link was not revoked' : 'No link was created'}: ${error.message}`;
    } finally {
      this.shareButton.disabled = false;
    }
    if (load === this.loads) {
      this.links = links;
      this.say(failure);
      this.render();
    }
    this.session.annotationChanged(annotation.id, { shared: links.length > 0 });
  }

  /** Copies the newest link's URL and shows it in the dialog, saying whether the copy worked. */
  async copyLink() {
    const link = this.links[this.links.length - 1];
    if (!link) return;
    this.dialog ??= this.linkDialog();
    const { url, status, expires } = this.dialogParts;
    expires.textContent = link.expiresAt ? `The link works until ${dateTime.format(new Date(link.expiresAt))}.` : '';
    if (!link.url) {
      url.value = '';
      url.hidden = true;
      status.textContent = 'This link was created before links could be shown again, so its address is not known. '
        + 'Revoke it with the share button and share again for a new one.';
    } else {
      url.hidden = false;
      url.value = link.url;
      let copied = false;
      try {
        await navigator.clipboard.writeText(link.url);
        copied = true;
      } catch {
        // No clipboard permission (or an insecure page): the address is in the dialog to copy by hand.
      }
      status.textContent = copied
        ? 'The link was copied to the clipboard. Anyone with it can view this annotation, without signing in.'
        : 'The link could not be copied automatically: select it and copy it. Anyone with it can view this annotation.';
    }
    if (!this.dialog.open) this.dialog.showModal();
    if (!url.hidden) url.select();
  }

  linkDialog() {
    const titleId = uniqueId('share-title');
    const urlId = uniqueId('share-url');
    const url = el('input', { id: urlId, class: 'share-url', type: 'text', readonly: true, spellcheck: 'false' });
    const status = el('p', { class: 'share-status', role: 'status' });
    const expires = el('p', { class: 'share-expires' });
    const close = el('button', { type: 'submit', class: 'share-close' }, 'Close');
    const dialog = el('dialog', { class: 'share-dialog', 'aria-labelledby': titleId },
      el('form', { method: 'dialog' },
        el('h2', { id: titleId }, 'Share link'),
        status,
        el('label', { for: urlId, class: 'share-url-label' }, 'Address'),
        url,
        expires,
        el('div', { class: 'share-buttons' }, close)));
    this.dialogParts = { url, status, expires };
    document.body.append(dialog);
    return dialog;
  }
}
