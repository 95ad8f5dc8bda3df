// GraphQL subscriptions for the pages and the viewer: the graphql-sse protocol ("distinct connections") over the
// browser's EventSource, on the GET form of /graphql/stream (the same-origin session cookie goes along; a share-link
// holder passes its token as the field's argument). One EventSource per subscription: the pages hold a handful.
//
// EventSource reconnects by itself, but blindly and at a fixed pace; here a dropped connection is closed and opened
// again with growing pauses (1 s, 2 s, 4 s … 30 s), and `onReconnect` tells the page it may have missed events so it
// re-reads what it shows. A refused request (400/401/403/429 answer JSON, which EventSource cannot read) is asked
// once more with fetch to learn why: a request error ends the subscription with its message, 429 keeps backing off.
// Every subscription closes when the page is hidden for good (pagehide) and opens again if the page comes back from
// the back/forward cache.

const ENDPOINT = '/graphql/stream';
const FIRST_PAUSE_MS = 1000;
const LONGEST_PAUSE_MS = 30_000;

/** Subscriptions open on this page, closed together on pagehide and reopened on a back/forward restore. */
const open = new Set();

addEventListener('pagehide', () => { for (const s of open) s.suspend(); });
addEventListener('pageshow', (event) => { if (event.persisted) for (const s of open) s.resume(); });

/** The GET address of an operation (graphql-sse: query, variables and operationName in the query string). */
export function streamUrl(query, variables, operationName) {
  const params = new URLSearchParams({ query });
  if (variables && Object.keys(variables).length) params.set('variables', JSON.stringify(variables));
  if (operationName) params.set('operationName', operationName);
  return `${ENDPOINT}?${params}`;
}

/**
 * Subscribes to one GraphQL subscription operation.
 * @param query the operation's text ("subscription { imageProgress(id: $id) { … } }")
 * @param variables its variables (JSON-serialisable)
 * @param onNext called with each result's `data` (a result with errors and no data goes to onError)
 * @param onError called with `{ message, code, final }`: `final` true when the subscription ended for good (a
 *        request error, a refusal, the server's end of the stream with errors); false while it keeps retrying
 * @param options `{ onReconnect, onOpen, onComplete, operationName }`: onReconnect() after a dropped connection is
 *        back (the page re-reads its state: events may have been missed); onOpen() each time the stream is open;
 *        onComplete() when the server ended the stream
 * @returns `{ close() }`
 */
export function subscribe(query, variables, onNext, onError = () => {}, options = {}) {
  const subscription = new Subscription(streamUrl(query, variables, options.operationName), onNext, onError, options);
  open.add(subscription);
  subscription.connect();
  return { close: () => subscription.close() };
}

class Subscription {
  constructor(url, onNext, onError, { onReconnect, onOpen, onComplete } = {}) {
    this.url = url;
    this.onNext = onNext;
    this.onError = onError;
    this.onReconnect = onReconnect ?? (() => {});
    this.onComplete = onComplete ?? (() => {});
    this.onOpen = onOpen ?? (() => {});
    this.source = null;
    this.timer = 0;
    this.failures = 0;
    this.errorTimer = 0;
    this.lastError = null;  // the last result's first error (a stream ending right after one ended because of it)
    this.dropped = false;   // a connection was lost since the last one opened: re-read when the next opens
    this.closed = false;
  }

  connect() {
    if (this.closed) return;
    clearTimeout(this.timer);
    const source = new EventSource(this.url, { withCredentials: true });
    this.source = source;
    source.addEventListener('open', () => {
      if (source !== this.source) return;
      this.failures = 0;
      this.safely(() => this.onOpen());
      if (this.dropped) {
        this.dropped = false;
        this.safely(() => this.onReconnect());
      }
    });
    source.addEventListener('next', (event) => {
      if (source !== this.source) return;
      let result;
      try {
        result = JSON.parse(event.data);
      } catch {
        return; // not a result: nothing a person could act on
      }
      // An event whose resolver failed carries its error (the stream goes on); a stream that could not start or
      // whose source failed sends one result with the error, then complete.
      this.lastError = Array.isArray(result?.errors) && result.errors.length ? result.errors[0] : null;
      if (result?.data !== undefined && result.data !== null) this.safely(() => this.onNext(result.data, result));
      else if (this.lastError) {
        // Said once: as final if `complete` follows at once (it then cancels this), else as the event's own error.
        const error = this.lastError;
        this.errorTimer = setTimeout(() => { if (this.source === source) this.report(error, false); }, 100);
      }
    });
    source.addEventListener('complete', () => {
      if (source !== this.source) return;
      // The server ended the stream (the source ended, or access was revoked): EventSource would reconnect by
      // itself, which would subscribe again; close it instead.
      const error = this.lastError;
      clearTimeout(this.errorTimer);
      this.close();
      if (error) this.report(error, true);
      else this.safely(() => this.onComplete());
    });
    source.addEventListener('error', () => {
      if (source !== this.source) return;
      source.close();
      this.source = null;
      this.dropped = true;
      this.failures++;
      this.diagnose();
    });
  }

  /** The connection failed or dropped: ask why (a JSON refusal) or try again after a pause. */
  async diagnose() {
    const refusal = await this.refusal();
    if (this.closed || this.source) return;
    if (refusal && refusal.status !== 429) {
      this.close();
      this.report(refusal.error, true, refusal.status);
      return;
    }
    if (refusal) this.report(refusal.error, false, 429);
    const pause = Math.min(LONGEST_PAUSE_MS, FIRST_PAUSE_MS * 2 ** Math.min(this.failures - 1, 5));
    this.timer = setTimeout(() => this.connect(), pause * (0.75 + Math.random() / 2));
  }

  /**
   * A 4xx answer to the same request, with its first error; null when the server is unreachable or would stream
   * (the drop was the network's, so the request itself is fine).
   */
  async refusal() {
    const controller = new AbortController();
    try {
      const response = await fetch(this.url, {
        credentials: 'same-origin', headers: { Accept: 'text/event-stream' }, signal: controller.signal,
      });
      if (response.ok || response.status >= 500) return null;
      let body = null;
      try { body = await response.json(); } catch { /* not JSON: the status says enough */ }
      const error = Array.isArray(body?.errors) ? body.errors[0] : null;
      return { status: response.status, error: error ?? { message: STATUS_MESSAGES[response.status] ?? `HTTP ${response.status}` } };
    } catch {
      return null;
    } finally {
      controller.abort(); // a 200 answer is a live stream: do not keep it open
    }
  }

  report(error, final, status) {
    const code = error?.extensions?.code ?? (status ? `HTTP_${status}` : 'ERROR');
    const message = typeof error?.message === 'string' && error.message ? error.message : 'The live updates failed.';
    this.safely(() => this.onError({ message, code, final }));
  }

  safely(callback) {
    try {
      callback();
    } catch (error) {
      console.error(error); // one page's handler failing must not end the stream
    }
  }

  suspend() {
    clearTimeout(this.timer);
    this.source?.close();
    this.source = null;
    this.dropped = true;
  }

  resume() {
    if (!this.closed && !this.source) this.connect();
  }

  close() {
    this.closed = true;
    clearTimeout(this.timer);
    this.source?.close();
    this.source = null;
    open.delete(this);
  }
}

const STATUS_MESSAGES = {
  400: 'The live update request was refused.',
  401: 'Your session has ended. Sign in again to see live updates.',
  403: 'You may not follow these live updates.',
  404: 'Live updates are not available on this server.',
  429: 'Too many live updates are open; trying again shortly.',
};
