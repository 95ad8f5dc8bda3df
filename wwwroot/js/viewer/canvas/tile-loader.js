// Fetches the tiles frames ask for, most important first, with a bounded number in flight, through a small pool of
// Web Workers (fetch + decode off the main thread). Each frame states everything it wants; requests for tiles that
// are no longer wanted (the user panned on) are cancelled, so a fast pan never queues a backlog of stale tiles.

const MAX_IN_FLIGHT = 8;

export class TileLoader {
  /**
   * @param {(key: string, tile: object) => void} onTile receives decoded tiles
   * @param {(key: string, message: string) => void} onError a tile that failed (not cancelled)
   */
  constructor(onTile, onError, { float = false } = {}) {
    this.onTile = onTile;
    this.onError = onError;
    this.float = float;
    const size = Math.max(2, Math.min(4, (navigator.hardwareConcurrency ?? 2)));
    this.workers = Array.from({ length: size }, () => {
      const worker = new Worker(new URL('./tile-worker.js', import.meta.url), { type: 'module' });
      worker.onmessage = ({ data }) => this.#received(worker, data);
      worker.busy = 0;
      return worker;
    });
    this.nextId = 1;
    this.inFlight = new Map(); // key → { id, worker } or { abort } for main-thread loads
    this.failed = new Set();
    this.wanted = [];
    this.byId = new Map();
    this.fetched = 0;
  }

  /**
   * The tiles wanted now, in priority order: [{ key, url } | { key, load: signal => Promise<tile> }]. Replaces the
   * previous wish list.
   */
  want(list) {
    const keys = new Set(list.map(t => t.key));
    for (const [key, request] of this.inFlight) {
      if (!keys.has(key)) this.#cancel(key, request);
    }
    this.wanted = list.filter(t => !this.failed.has(t.key));
    this.#pump();
  }

  get pending() { return this.inFlight.size + this.wanted.filter(t => !this.inFlight.has(t.key)).length; }

  destroy() {
    for (const [key, request] of this.inFlight) this.#cancel(key, request);
    for (const w of this.workers) w.terminate();
    this.workers = [];
  }

  #pump() {
    for (const tile of this.wanted) {
      if (this.inFlight.size >= MAX_IN_FLIGHT) break;
      if (this.inFlight.has(tile.key)) continue;
      this.fetched++;
      if (tile.load) this.#loadHere(tile);
      else this.#loadInWorker(tile);
    }
    this.wanted = this.wanted.filter(t => !this.inFlight.has(t.key));
  }

  #loadInWorker(tile) {
    const worker = this.workers.reduce((a, b) => (b.busy < a.busy ? b : a));
    const id = this.nextId++;
    worker.busy++;
    this.inFlight.set(tile.key, { id, worker });
    this.byId.set(id, tile.key);
    worker.postMessage({ id, url: tile.url, float: this.float });
  }

  // Sources the workers cannot fetch (an external picture: only the page's policy allows its host).
  #loadHere(tile) {
    const abort = new AbortController();
    this.inFlight.set(tile.key, { abort });
    tile.load(abort.signal).then(
      result => { if (this.inFlight.get(tile.key)?.abort === abort) { this.inFlight.delete(tile.key); this.onTile(tile.key, result); this.#pump(); } },
      error => {
        if (this.inFlight.get(tile.key)?.abort !== abort) return;
        this.inFlight.delete(tile.key);
        if (error.name !== 'AbortError') { this.failed.add(tile.key); this.onError(tile.key, String(error.message ?? error)); }
        this.#pump();
      });
  }

  #cancel(key, request) {
    this.inFlight.delete(key);
    if (request.abort) request.abort.abort();
    else {
      request.worker.postMessage({ cancel: request.id });
      request.worker.busy--;
      this.byId.delete(request.id);
    }
  }

  #received(worker, data) {
    const key = this.byId.get(data.id);
    if (key === undefined) { data.bitmap?.close(); return; } // cancelled meanwhile
    this.byId.delete(data.id);
    worker.busy--;
    this.inFlight.delete(key);
    if (data.error) {
      if (data.error !== 'aborted') { this.failed.add(key); this.onError(key, data.error); }
    } else {
      this.onTile(key, data);
    }
    this.#pump();
  }
}
