// Pure functions, no DOM: an annotation's layers → layer groups → channels the canvas draws (the channel shape is
// the contract in ./README.md). The panel keeps these objects as its state; the canvas ignores the extra fields
// (name, bitMax, layerId, note…) it does not know.

/** The manual's settings strings: "key:value,key:value"; a key without a value reads as "1". */
export function parseSettings(text) {
  const settings = {};
  for (const part of String(text ?? '').split(',')) {
    const trimmed = part.trim();
    if (!trimmed) continue;
    const colon = trimmed.indexOf(':');
    const key = (colon < 0 ? trimmed : trimmed.slice(0, colon)).trim().toLowerCase();
    settings[key] = colon < 0 ? '1' : trimmed.slice(colon + 1).trim();
  }
  return settings;
}

// Dyes and filter sets by the colour microscopists expect them in. Far-red comes before red so "far-red" is not
// read as red; wavelengths only match as whole numbers ("488", not "z4880").
const DYE_COLOURS = [
  { color: [1, 0, 1], pattern: /cy5|far[\s_-]?red|alexa[\s_-]?(647|633|660)|af(647|633)|(^|\D)(633|640|647|650)(\D|$)/i },
  { color: [0, 0, 1], pattern: /dapi|hoechst|(^|\D)405(\D|$)/i },
  { color: [0, 1, 0], pattern: /gfp|fitc|alexa[\s_-]?488|af488|(^|\D)488(\D|$)/i },
  { color: [1, 0, 0], pattern: /rfp|mcherry|cy3|tritc|texas|tdtomato|alexa[\s_-]?(555|568|594)|af(555|568|594)|(^|\D)(555|561|568|594)(\D|$)/i },
];

// Distinct colours for channels whose name names no dye, in the order they are handed out.
const OTHER_COLOURS = [[0, 1, 1], [1, 1, 0], [1, 0.5, 0], [1, 0, 1], [0, 1, 0], [1, 0, 0], [0, 0, 1], [1, 1, 1]];

/** The colour a channel's name suggests ([r,g,b] 0..1), or null when it names no known dye. */
export function dyeColour(name) {
  const text = String(name ?? '');
  return DYE_COLOURS.find((dye) => dye.pattern.test(text))?.color.slice() ?? null;
}

const sameColour = (a, b) => a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * Colours for a group's channel names: a known dye gets its colour; the others get distinct colours not yet used in
 * the group. A lone channel that names no dye is white, so a plain grey image looks grey.
 */
export function defaultColours(names) {
  const known = names.map(dyeColour);
  if (names.length === 1 && !known[0]) return [[1, 1, 1]];
  const used = known.filter(Boolean);
  let next = 0;
  return known.map((colour) => {
    if (colour) return colour;
    let pick = OTHER_COLOURS.find((c) => !used.some((u) => sameColour(u, c)));
    if (!pick) pick = OTHER_COLOURS[next++ % OTHER_COLOURS.length];
    used.push(pick);
    return pick.slice();
  });
}

/** "#rrggbb" for an [r,g,b] in 0..1, and back (for <input type=color>). */
export function colourToHex(colour) {
  return '#' + colour.map((v) => Math.round(Math.min(1, Math.max(0, v)) * 255).toString(16).padStart(2, '0')).join('');
}

export function hexToColour(hex) {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(String(hex));
  return match ? match.slice(1).map((h) => parseInt(h, 16) / 255) : null;
}

/**
 * The channel's bit depth: the layer's own (the API's Layer.bitDepth, or its settings string), else the image's,
 * else 8 (the manual's default). Anything outside 1..16 is ignored rather than trusted.
 */
export function bitDepthOf(layer, image) {
  const candidates = [layer?.bitDepth, parseSettings(layer?.settings).bitdepth, image?.bitDepth];
  for (const candidate of candidates) {
    const n = Number(candidate);
    if (candidate !== null && candidate !== undefined && candidate !== '' && Number.isInteger(n) && n >= 1 && n <= 16) return n;
  }
  return 8;
}

/**
 * The 1st-99th percentile window of the whole image from its ingest statistics, within 0..bitMax; over the bands of
 * an RGB image, the lowest p1 and highest p99. Null when the image has no usable statistics.
 */
export function statisticsWindow(statistics, bitMax) {
  const rows = Array.isArray(statistics) ? statistics.filter((s) => Number.isFinite(s?.p1) && Number.isFinite(s?.p99)) : [];
  if (rows.length === 0) return null;
  let min = Math.min(...rows.map((s) => s.p1));
  let max = Math.max(...rows.map((s) => s.p99));
  if (!(max > min)) {
    // A nearly flat image: fall back to its full range so the window is never empty.
    min = Math.min(...rows.map((s) => (Number.isFinite(s.min) ? s.min : s.p1)));
    max = Math.max(...rows.map((s) => (Number.isFinite(s.max) ? s.max : s.p99)));
  }
  min = clampInt(min, 0, bitMax);
  max = clampInt(max, 0, bitMax);
  if (!(max > min)) return null;
  return { min, max };
}

function clampInt(value, low, high) {
  return Math.min(high, Math.max(low, Math.round(value)));
}

/** Host of a URL for display ("images.example.org"), or the text itself if it is not a URL. */
export function hostOf(url) {
  try {
    return new URL(url).host || String(url);
  } catch {
    return String(url ?? '');
  }
}

/**
 * Why an image cannot be drawn, for the panel; null when it can. External images (type E) are drawable when they
 * have a URL: the canvas opens them as one picture.
 */
function unavailableReason(image) {
  if (!image) return 'This layer has no image.';
  if (image.typeCode === 'E') return image.externalUrl ? null : 'This external image has no address.';
  switch (image.state) {
    case 'READY':
      return image.dziUrl ? null : 'The image has no tiles yet.';
    case 'FAILED':
      return image.error ? `Processing failed: ${image.error}` : 'Processing failed.';
    case 'PROCESSING':
    case 'PENDING':
      return 'Still processing; reopen the annotation when it is ready.';
    default:
      return 'The image is not available.';
  }
}

/** One channel from an image layer (or, for an image share, from the image alone with `layer` null). */
export function channelOf(layer, image, colour) {
  const bitDepth = bitDepthOf(layer, image);
  const bitMax = 2 ** bitDepth - 1;
  const kind = (image?.bands ?? 1) >= 3 ? 'rgb' : 'grey';
  const stats = statisticsWindow(image?.statistics, bitMax);
  // Brightfield RGB opens in true colour (0..max); fluorescence opens on its statistics' 1st-99th percentiles.
  const window = kind === 'grey' && stats ? stats : { min: 0, max: bitMax };
  const reason = unavailableReason(image);
  const external = image?.typeCode === 'E' && !image?.dziUrl;
  const key = layer ? `layer-${layer.id}` : `image-${image?.id}`;
  return {
    key,
    source: reason ? null : {
      dziUrl: image.dziUrl ?? null,
      externalUrl: external ? image.externalUrl : null,
      width: image.width ?? null,
      height: image.height ?? null,
      bands: image.bands ?? 1,
      bitDepth: image.bitDepth ?? bitDepth,
    },
    kind,
    color: colour,
    min: window.min,
    max: window.max,
    opacity: 1,
    visible: true,
    // Panel-only fields.
    name: layer?.name ?? image?.name ?? 'Image',
    layerId: layer?.id ?? null,
    sequence: layer?.sequence ?? null,
    bitDepth,
    bitMax,
    statistics: stats,
    unavailable: reason,
    externalHost: external ? hostOf(image.externalUrl) : null,
  };
}

const bySequence = (a, b) => (a.sequence ?? 0) - (b.sequence ?? 0) || (a.id ?? 0) - (b.id ?? 0);

function groupOf(id, name, layers) {
  const sorted = layers.slice().sort(bySequence);
  const colours = defaultColours(sorted.map((l) => l.name));
  return { id, name, channels: sorted.map((layer, i) => channelOf(layer, layer.image, colours[i])) };
}

/**
 * The annotation's layer groups, in order: the top-level image layers as one group named after the annotation (id
 * null), then each GROUP layer (by sequence) with its IMAGE children (by sequence). Groups without image layers are
 * left out; drawing layers are not channels.
 */
export function buildGroups(annotation) {
  const layers = Array.isArray(annotation?.layers) ? annotation.layers : [];
  const images = layers.filter((l) => l.kind === 'IMAGE');
  const groups = [];
  const topLevel = images.filter((l) => l.parentLayerId === null || l.parentLayerId === undefined
    || !layers.some((g) => g.id === l.parentLayerId && g.kind === 'GROUP'));
  if (topLevel.length > 0) groups.push(groupOf(null, annotation.name ?? 'Annotation', topLevel));
  for (const group of layers.filter((l) => l.kind === 'GROUP').sort(bySequence)) {
    const children = images.filter((l) => l.parentLayerId === group.id);
    if (children.length > 0) groups.push(groupOf(group.id, group.name, children));
  }
  return groups;
}

/** An image share: one group of one channel, named after the image. */
export function buildImageGroups(image) {
  if (!image) return [];
  return [{ id: null, name: image.name ?? 'Image', channels: [channelOf(null, image, [1, 1, 1])] }];
}

/** The index of the group with this GROUP layer id (a string or number from the address bar), else 0. */
export function groupIndexOf(groups, groupId) {
  if (groupId === null || groupId === undefined || groupId === '') return 0;
  const index = groups.findIndex((g) => g.id !== null && String(g.id) === String(groupId));
  return index < 0 ? 0 : index;
}

/** The channels the canvas can draw: not the ones that say why they cannot. */
export function drawableChannels(group) {
  return group ? group.channels.filter((c) => c.source !== null) : [];
}

/** Clamps a window to 0..bitMax with min ≤ max; the side the person did not edit gives way to the one they did. */
export function clampWindow(min, max, bitMax, edited = 'min') {
  let lo = clampInt(Number.isFinite(min) ? min : 0, 0, bitMax);
  let hi = clampInt(Number.isFinite(max) ? max : bitMax, 0, bitMax);
  if (lo > hi) {
    if (edited === 'min') lo = hi;
    else hi = lo;
  }
  return { min: lo, max: hi };
}

/**
 * groupcontrols: a change of window or opacity on one channel, applied to the channels of the same name in the
 * other groups (each clamped to its own bit depth). Returns the channels changed there, so a caller can tell the
 * canvas about any it shows. Colour and visibility stay per group.
 */
export function syncAcrossGroups(groups, source, change) {
  const shared = {};
  for (const field of ['min', 'max', 'opacity']) if (field in change) shared[field] = change[field];
  if (Object.keys(shared).length === 0) return [];
  const changed = [];
  for (const group of groups) {
    for (const channel of group.channels) {
      if (channel === source || channel.name !== source.name) continue;
      if ('opacity' in shared) channel.opacity = shared.opacity;
      if ('min' in shared || 'max' in shared) {
        const window = clampWindow(shared.min ?? channel.min, shared.max ?? channel.max, channel.bitMax);
        channel.min = window.min;
        channel.max = window.max;
      }
      changed.push(channel);
    }
  }
  return changed;
}

/** The layer to preselect: the one whose sequence is `defaultLayer` (the project's defaultlayer), else none. */
export function defaultChannelKey(group, defaultLayer) {
  if (defaultLayer === null || defaultLayer === undefined || defaultLayer === '') return null;
  const n = Number(defaultLayer);
  return group?.channels.find((c) => c.sequence === n)?.key ?? null;
}

/** "Sample.tif" → a safe download name part: no path or reserved characters, not empty, not endless. */
export function fileNamePart(text) {
  const cleaned = String(text ?? '').replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, '_').replace(/^[\s.]+|[\s.]+$/g, '');
  return (cleaned || 'view').slice(0, 100);
}

/** Only the fields of the canvas contract, copied, so the canvas never holds the panel's state objects. */
export function toViewerChannel(channel) {
  const { key, source, kind, color, min, max, opacity, visible } = channel;
  return { key, source, kind, color: color.slice(), min, max, opacity, visible };
}
