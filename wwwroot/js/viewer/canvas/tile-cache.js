// Decoded tiles on the GPU (and, for 16-bit tiles, their exact values for auto-adjust), least recently drawn out
// first, under a byte cap: however long someone pans across a whole slide, memory stays bounded. Tiles drawn in the
// current frame are never evicted, so the cap can only be exceeded by a single screenful.

export const DEFAULT_CAP_BYTES = 384 * 1024 * 1024;

export class TileCache {
  /** @param {(texture: WebGLTexture) => void} release frees a tile's texture */
  constructor(release, capBytes = DEFAULT_CAP_BYTES) {
    this.release = release;
    this.capBytes = capBytes;
    this.bytes = 0;
    this.entries = new Map(); // key → { texture, width, height, bits, channels, samples, bytes, used }
  }

  get(key) { return this.entries.get(key); }

  has(key) { return this.entries.has(key); }

  /** Marks a tile as wanted in frame `frame` (drawn or prefetched), which protects it from eviction this frame. */
  touch(key, frame) {
    const entry = this.entries.get(key);
    if (entry) entry.used = frame;
    return entry;
  }

  put(key, entry, frame) {
    const old = this.entries.get(key);
    if (old) this.#drop(key, old);
    entry.used = frame;
    this.entries.set(key, entry);
    this.bytes += entry.bytes;
  }

  /** Evicts the least recently used tiles not used in `frame` until under the cap. */
  trim(frame) {
    if (this.bytes <= this.capBytes) return;
    const candidates = [...this.entries].filter(([, e]) => e.used < frame).sort((a, b) => a[1].used - b[1].used);
    for (const [key, entry] of candidates) {
      if (this.bytes <= this.capBytes) break;
      this.#drop(key, entry);
    }
  }

  clear() {
    for (const [key, entry] of this.entries) this.#drop(key, entry);
  }

  get stats() {
    return { tiles: this.entries.size, bytes: this.bytes, capBytes: this.capBytes };
  }

  #drop(key, entry) {
    this.entries.delete(key);
    this.bytes -= entry.bytes;
    this.release(entry.texture);
  }
}
