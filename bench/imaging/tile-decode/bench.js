// Runs in the page. window.bench({ formats, passes }) fetches every tile of each format into memory first, then times
// decoding only: one warm-up pass each, then `passes` timed passes, tiles decoded one after another on the main thread.
//   kind "fastpng": fast-png's decode() to a typed array (Uint16Array for 16-bit PNG), as a 16-bit viewer would.
//   kind "bitmap":  the browser's decoder, createImageBitmap(blob), then drawn to an OffscreenCanvas and one pixel read
//                   back so the decode has certainly happened.
import { decode } from 'fast-png';

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[s.length >> 1]; };

async function fetchAll(paths) {
  return Promise.all(paths.map(async (p) => {
    const r = await fetch(p);
    if (!r.ok) throw new Error(`${p}: HTTP ${r.status}`);
    return new Uint8Array(await r.arrayBuffer());
  }));
}

function fastPngPass(tiles) {
  let sink = 0;
  const t0 = performance.now();
  for (const t of tiles) { const img = decode(t); sink += img.data[img.data.length >> 1]; }
  return [performance.now() - t0, sink];
}

async function bitmapPass(blobs, ctx) {
  let sink = 0;
  const t0 = performance.now();
  for (const b of blobs) {
    const bmp = await createImageBitmap(b);
    ctx.drawImage(bmp, 0, 0);
    sink += ctx.getImageData(0, 0, 1, 1).data[0];
    bmp.close();
  }
  return [performance.now() - t0, sink];
}

// Formats are interleaved: every round runs one pass of each format, so load from other processes on a shared machine
// falls on all formats alike and the ratios between them stay meaningful.
window.bench = async ({ formats, passes }) => {
  const prepared = [];
  for (const f of formats) {
    const tiles = await fetchAll(f.tiles);
    const bytes = tiles.reduce((n, t) => n + t.byteLength, 0);
    let run, check;
    if (f.kind === 'fastpng') {
      const first = decode(tiles[0]);
      let max = 0; for (const v of first.data) if (v > max) max = v;
      check = { width: first.width, height: first.height, depth: first.depth, channels: first.channels,
                array: first.data.constructor.name, max };
      run = async () => fastPngPass(tiles);
    } else {
      const blobs = tiles.map((t) => new Blob([t], { type: f.mime }));
      const ctx = new OffscreenCanvas(256, 256).getContext('2d', { willReadFrequently: true });
      const first = await createImageBitmap(blobs[0]);
      check = { width: first.width, height: first.height };
      first.close();
      run = async () => bitmapPass(blobs, ctx);
    }
    await run(); // warm-up (JIT, decoder threads), not reported
    prepared.push({ name: f.name, tiles: tiles.length, bytesPerTile: bytes / tiles.length, run, check, times: [] });
  }
  for (let i = 0; i < passes; i++) for (const p of prepared) p.times.push((await p.run())[0]);
  return prepared.map((p) => ({ name: p.name, tiles: p.tiles, bytesPerTile: p.bytesPerTile,
                                msPerTile: median(p.times) / p.tiles, passMs: p.times, check: p.check }));
};
window.benchReady = true;
