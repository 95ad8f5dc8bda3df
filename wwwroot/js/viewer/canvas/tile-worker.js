// Fetches and decodes tiles off the main thread, so panning stays smooth while a screenful of 16-bit tiles arrives.
// Messages in: { id, url, float } to load (float: hand 16-bit samples over as Float32Array for GPUs without 16-bit
// normalized textures), { cancel: id } to abort. Out: { id, width, height, channels, bits: 16, data } or
// { id, width, height, bits: 8, bitmap } (the browser decoded it), or { id, error }.
import { decodePng16, pngBitDepth } from './png16.js';

const running = new Map();

self.onmessage = async ({ data: message }) => {
  if (message.cancel !== undefined) {
    running.get(message.cancel)?.abort();
    return;
  }
  const { id, url, float } = message;
  const abort = new AbortController();
  running.set(id, abort);
  try {
    // Signed tile URLs are the whole credential: no cookie, and no Referer to leak them.
    const response = await fetch(url, { signal: abort.signal, credentials: 'omit', referrerPolicy: 'no-referrer' });
    if (!response.ok) throw new Error(`the server answered ${response.status} for a tile`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (pngBitDepth(bytes) === 16) {
      const image = await decodePng16(bytes);
      const data = float ? Float32Array.from(image.data) : image.data;
      const samples = float ? image.data : null; // auto-adjust reads exact values either way
      self.postMessage({ id, width: image.width, height: image.height, channels: image.channels, bits: 16, data, samples },
        samples ? [data.buffer, samples.buffer] : [data.buffer]);
    } else {
      // 8-bit JPEG or PNG: the browser's decoder is native and exact for 8 bits.
      const bitmap = await createImageBitmap(new Blob([bytes]), { premultiplyAlpha: 'none', colorSpaceConversion: 'none' });
      self.postMessage({ id, width: bitmap.width, height: bitmap.height, channels: 4, bits: 8, bitmap }, [bitmap]);
    }
  } catch (error) {
    self.postMessage({ id, error: error.name === 'AbortError' ? 'aborted' : String(error.message ?? error) });
  } finally {
    running.delete(id);
  }
};
