// The drawing's GraphQL: a layer's regions with the version they are at, Save against that version, and the
// project's object types. A share-link holder reads the regions through the link (sharedItem) and never saves.

import { graphql } from '../api.js';
import { fromRegion, toInput } from './shapes.js';

const REGION_FIELDS = 'id type shape object style';

const LAYER_QUERY = `query DrawingLayer($id: Long!) { layer(id: $id) { id version regions { ${REGION_FIELDS} } } }`;
const SHARED_QUERY = `query DrawingShared($token: String!) {
  sharedItem(token: $token) { annotation { layers { id kind regions { ${REGION_FIELDS} } } } } }`;
const SAVE = `mutation SaveDrawing($input: SaveRegionsInput!) { saveRegions(input: $input) { version regions { id } } }`;
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
  const data = await graphql(SAVE, {
    input: { layerId: Number(layerId), regions: shapes.map(toInput), expectedVersion: version ?? null },
  });
  return { ids: data.saveRegions.regions.map((r) => r.id), version: data.saveRegions.version };
}

export async function loadObjectTypes() {
  try {
    const data = await graphql(OBJECT_TYPES);
    return data.objectTypes ?? [];
  } catch {
    return []; // the type select is an extra: without it drawing still works
  }
}
