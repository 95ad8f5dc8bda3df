// 16-bit PNG → Uint16Array, in the browser's own inflate. Browsers decode 16-bit PNGs to 8 bits, which would throw
// away what a 12- or 16-bit microscope recorded, so the viewer decodes these tiles itself. DecompressionStream is
// native zlib: the JavaScript part is only the chunk walk and the row unfiltering (bench/imaging/tile-decode.sh
// measured a pure-JS inflate at four times the browser's decode time).

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];
const CHANNELS = { 0: 1, 2: 3, 4: 2, 6: 4 }; // colour type → samples per pixel (palettes are never 16-bit)

export function isPng(bytes) {
  return bytes.length > 33 && SIGNATURE.every((b, i) => bytes[i] === b);
}

/** The IHDR bit depth of a PNG (the first chunk, at a fixed place), or 0 when not a PNG. */
export function pngBitDepth(bytes) {
  return isPng(bytes) ? bytes[24] : 0;
}

/**
 * @param {Uint8Array} bytes a whole 16-bit PNG file
 * @returns {Promise<{width: number, height: number, channels: number, data: Uint16Array}>} samples interleaved per pixel
 */
export async function decodePng16(bytes) {
  if (!isPng(bytes)) throw new Error('not a PNG file');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let width = 0, height = 0, channels = 0;
  const idat = [];
  for (let at = 8; at + 8 <= bytes.length;) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(bytes[at + 4], bytes[at + 5], bytes[at + 6], bytes[at + 7]);
    const body = at + 8;
    if (body + length > bytes.length) throw new Error('truncated PNG');
    if (type === 'IHDR') {
      width = view.getUint32(body);
      height = view.getUint32(body + 4);
      const depth = bytes[body + 8], colour = bytes[body + 9], interlace = bytes[body + 12];
      channels = CHANNELS[colour] ?? 0;
      if (depth !== 16 || !channels) throw new Error(`not a 16-bit grey or colour PNG (depth ${depth}, colour type ${colour})`);
      if (interlace !== 0) throw new Error('interlaced PNG tiles are not supported');
    } else if (type === 'IDAT') {
      idat.push(bytes.subarray(body, body + length));
    } else if (type === 'IEND') {
      break;
    }
    at = body + length + 4; // + CRC
  }
  if (!width || !idat.length) throw new Error('PNG without image data');

  const stream = new Blob(idat).stream().pipeThrough(new DecompressionStream('deflate'));
  const raw = new Uint8Array(await new Response(stream).arrayBuffer());
  const bpp = channels * 2;
  const stride = width * bpp;
  if (raw.length < (stride + 1) * height) throw new Error('PNG image data is shorter than its size');
  unfilter(raw, stride, bpp, height);

  const data = new Uint16Array(width * height * channels);
  for (let row = 0, o = 0; row < height; row++) {
    let i = row * (stride + 1) + 1;
    for (let end = i + stride; i < end; i += 2) data[o++] = (raw[i] << 8) | raw[i + 1];
  }
  return { width, height, channels, data };
}

// In place: each row is a filter byte then the filtered bytes; the previous row is read already unfiltered.
function unfilter(raw, stride, bpp, height) {
  for (let row = 0; row < height; row++) {
    const start = row * (stride + 1) + 1;
    const prev = start - stride - 1; // start of the previous row's bytes
    const filter = raw[start - 1];
    switch (filter) {
      case 0: break;
      case 1: // Sub
        for (let i = start + bpp, end = start + stride; i < end; i++) raw[i] = (raw[i] + raw[i - bpp]) & 255;
        break;
      case 2: // Up
        if (row > 0) for (let i = 0; i < stride; i++) raw[start + i] = (raw[start + i] + raw[prev + i]) & 255;
        break;
      case 3: // Average
        for (let i = 0; i < stride; i++) {
          const left = i >= bpp ? raw[start + i - bpp] : 0;
          const up = row > 0 ? raw[prev + i] : 0;
          raw[start + i] = (raw[start + i] + ((left + up) >> 1)) & 255;
        }
        break;
      case 4: // Paeth
        for (let i = 0; i < stride; i++) {
          const a = i >= bpp ? raw[start + i - bpp] : 0;
          const b = row > 0 ? raw[prev + i] : 0;
          const c = i >= bpp && row > 0 ? raw[prev + i - bpp] : 0;
          const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
          raw[start + i] = (raw[start + i] + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c)) & 255;
        }
        break;
      default:
        throw new Error(`PNG row filter ${filter} is not defined`);
    }
  }
}
