// The drawing's GraphQL: a layer's regions with the version they are at, Save against that version, and the
// project's object types. A share-link holder reads the regions through the link (sharedItem) and never saves.

import { graphql } from '../api.js';
import { fromRegion, toInput } from './shapes.js';

const REGION_FIELDS = 'id type shape object style';

const LAYER_QUERY = `query DrawingLayer($id: Long!) { layer(id: $id) { id version regions { ${REGION_FIELDS} } } }`;
const SHARED_QUERY = `query DrawingShared($token: String!) {
  sharedItem(token: $token) { annotation { layers { id kind regions { ${REGION_FIELDS} } } } } }`;
const SAVE = `mutation SaveDrawing($input: SaveRegionsInput!) { saveRegions(input: $input) { version } }`;
// The server reads at most 1 MB a request: a large layer goes as a replacing first part and appended parts, each
// against the version the previous part returned (so a save by someone else in between is still a CONFLICT).
const PART_CHARS = 600_000;
const OBJECT_TYPES = 'query DrawingObjectTypes { objectTypes { id description } }';

function shapesOf(regions) {
  const shapes = [];
  for (const region of regions ?? []) {
    const shape = fromRegion(region);
    if (shape) shapes.push(shape);
  }
  return shapes;
}

/** { shapes, version } of a drawing layer. */
export async function loadLayer(layerId, { shareToken, signal } = {}) {
  if (shareToken) {
    const data = await graphql(SHARED_QUERY, { token: shareToken }, { signal });
    const layer = data?.sharedItem?.annotation?.layers?.find((l) => String(l.id) === String(layerId));
    return { shapes: shapesOf(layer?.regions), version: null };
  }
  const data = await graphql(LAYER_QUERY, { id: Number(layerId) }, { signal });
  return { shapes: shapesOf(data.layer.regions), version: data.layer.version };
}

/** Saves every shape of the layer; throws ApiError with code CONFLICT when the layer changed since `version`. */
export async function saveLayer(layerId, shapes, version) {
  const parts = [[]];
  let chars = 0;
  for (const shape of shapes) {
    const input = toInput(shape);
    const size = JSON.stringify(input).length;
    if (chars + size > PART_CHARS && parts[parts.length - 1].length) { parts.push([]); chars = 0; }
    parts[parts.length - 1].push(input);
    chars += size;
  }
  let current = version ?? null;
  for (const [index, regions] of parts.entries()) {
    const data = await graphql(SAVE, {
      input: { layerId: Number(layerId), regions, expectedVersion: current, append: index > 0 },
    });
    current = data.saveRegions.version;
  }
  return { version: current };
}

export async function loadObjectTypes() {
  try {
    const data = await graphql(OBJECT_TYPES);
    return data.objectTypes ?? [];
  } catch {
    return []; // the type select is an extra: without it drawing still works
  }
}
