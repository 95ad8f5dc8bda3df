// An external image (type E): one picture at another site's URL, drawn as a single tile. Its pixels can reach WebGL
// only if that site allows other sites to read them (CORS); when it does not, the viewer says so in words instead
// of showing a blank canvas.

export class PictureSource {
  /** Fetches and decodes the picture; throws an Error whose message a person can act on. */
  static async open(url, maxTextureSize, signal) {
    const host = hostOf(url);
    if (!/^https:/i.test(url)) {
      throw new Error(`This image is stored at ${host} over plain http; the viewer reads external images over https only, so it cannot draw it. Open it there instead.`);
    }
    let response;
    try {
      response = await fetch(url, { mode: 'cors', credentials: 'omit', referrerPolicy: 'no-referrer', signal });
    } catch (error) {
      if (error.name === 'AbortError') throw error;
      throw new Error(`This image is stored at ${host}, which does not let other websites read its pixels (no CORS permission) or could not be reached, so the viewer cannot draw it. Open it at ${host} instead.`);
    }
    if (!response.ok) throw new Error(`${host} answered ${response.status} for this image, so the viewer cannot draw it.`);
    let bitmap;
    try {
      bitmap = await createImageBitmap(await response.blob(), { premultiplyAlpha: 'none', colorSpaceConversion: 'none' });
    } catch {
      throw new Error(`The file at ${host} is not an image this browser can decode.`);
    }
    const { width, height } = bitmap;
    const shrink = Math.max(width, height) > maxTextureSize ? maxTextureSize / Math.max(width, height) : 1;
    if (shrink < 1) {
      const resized = await createImageBitmap(bitmap, { resizeWidth: Math.floor(width * shrink), resizeHeight: Math.floor(height * shrink), resizeQuality: 'high' });
      bitmap.close();
      bitmap = resized;
    }
    return new PictureSource(url, width, height, bitmap);
  }

  constructor(url, width, height, bitmap) {
    this.key = url;
    this.width = width;
    this.height = height;
    this.bitmap = bitmap;
    this.tileSize = Math.max(width, height);
    this.maxLevel = 0;
    this.minLevel = 0;
  }

  scale() { return 1; }
  levelFor() { return 0; }
  tilesIn() { return { x0: 0, y0: 0, x1: 0, y1: 0 }; }

  tileGeometry() {
    return { rect: { x0: 0, y0: 0, x1: this.width, y1: this.height }, uv: { u0: 0, v0: 0, u1: 1, v1: 1 } };
  }

  /** The loader's main-thread load: the picture is already decoded. */
  async load() {
    const bitmap = await createImageBitmap(this.bitmap);
    return { width: bitmap.width, height: bitmap.height, channels: 4, bits: 8, bitmap };
  }
}

function hostOf(url) {
  try { return new URL(url).host; } catch { return 'another site'; }
}
