// OpenLayers 10 opening Memento's Deep Zoom pyramids, as Cytomine and OMERO.iviewer use it: a pixel projection, a
// tile grid from the DZI levels and a WebGLTile layer. 8-bit RGB: an XYZ source of the JPEG tiles. 16-bit channels:
// one DataTile source whose loader fetches every channel's PNG tile, decodes it to full 16-bit values (our own
// png16.js, as the Memento canvas does) and interleaves them as float bands; the layer's style expression windows
// and colours each band and adds them — OpenLayers' per-band expressions doing what our shader does.
// Query: ?dzi=URL (repeated per channel)&width=&height=&bits=&kind=rgb|grey&w=&h=&left=&top=
// Exposes window.bench = { map, sharpAt (performance.now() at the first 'rendercomplete': every tile of the view
// loaded and drawn), modulesAt (when this module started, i.e. OpenLayers' ~250 modules were loaded), setWindow(band,
// min, max), gl(), rendered (postrender count) }.
import Map from 'ol/Map.js';
import View from 'ol/View.js';
import Projection from 'ol/proj/Projection.js';
import TileGrid from 'ol/tilegrid/TileGrid.js';
import WebGLTileLayer from 'ol/layer/WebGLTile.js';
import DataTileSource from 'ol/source/DataTile.js';
import XYZ from 'ol/source/XYZ.js';
import { decodePng16 } from '/js/viewer/canvas/png16.js';

const bench = window.bench = { sharpAt: null, modulesAt: performance.now(), errors: [] };
const params = new URLSearchParams(location.search);
const box = document.getElementById('map');
const px = (name) => Number(params.get(name)) || 0;
if (px('w')) Object.assign(box.style, { width: `${px('w')}px`, height: `${px('h')}px`, left: `${px('left')}px`, top: `${px('top')}px` });
const urls = params.getAll('dzi');
const width = Number(params.getAll('width')[0]), height = Number(params.getAll('height')[0]);
const kind = params.getAll('kind')[0];
const bits = Number(params.getAll('bits')[0]) || 8;

// Deep Zoom: level L is the image halved (maxLevel - L) times; tiles of 256, no overlap, files at L/x_y.ext.
const maxLevel = Math.ceil(Math.log2(Math.max(width, height)));
const minLevel = 8; // the first level that is a single tile of 256 (ingest writes levels down to one pixel; OL needs none below)
const extent = [0, -height, width, 0];
const projection = new Projection({ code: 'memento-pixels', units: 'pixels', extent });
const resolutions = [];
for (let l = minLevel; l <= maxLevel; l++) resolutions.push(2 ** (maxLevel - l));
const tileGrid = new TileGrid({ extent, origin: [0, 0], resolutions, tileSize: 256 });
const tileUrl = (base, z, x, y, ext) => base.replace(/image\.dzi$/, `image_files/${z + minLevel}/${x}_${y}.${ext}`);

let layer;
if (kind === 'rgb') {
  layer = new WebGLTileLayer({
    source: new XYZ({ projection, tileGrid, crossOrigin: 'anonymous', tileUrlFunction: ([z, x, y]) => tileUrl(urls[0], z, x, y, 'jpg') }),
  });
} else {
  const colours = [[0, 0, 1], [1, 1, 0], [0, 1, 0], [1, 0, 0]];
  const max = 2 ** bits - 1;
  const source = new DataTileSource({
    projection, tileGrid, bandCount: urls.length, interpolate: true,
    async loader(z, x, y, { signal }) {
      const tiles = await Promise.all(urls.map(async (url) => {
        const response = await fetch(tileUrl(url, z, x, y, 'png'), { signal });
        return decodePng16(new Uint8Array(await response.arrayBuffer()));
      }));
      // OpenLayers wants whole 256 x 256 tiles; DZI's edge tiles are smaller, so they are padded.
      const out = new Float32Array(256 * 256 * urls.length);
      tiles.forEach((t, band) => {
        for (let r = 0; r < t.height; r++) for (let c = 0; c < t.width; c++) out[(r * 256 + c) * urls.length + band] = t.data[(r * t.width + c) * t.channels];
      });
      return out;
    },
  });
  // Each band's window is a style variable, so a slider is updateStyleVariables (no shader rebuilt, no tile fetched).
  const variables = {};
  urls.forEach((_, band) => { variables[`min${band}`] = 0; variables[`max${band}`] = max; });
  const part = (band, k) => ['*', ['clamp', ['/', ['-', ['band', band + 1], ['var', `min${band}`]],
    ['-', ['var', `max${band}`], ['var', `min${band}`]]], 0, 1], colours[band % 4][k]];
  const sum = (k) => ['clamp', ['+', ...urls.map((_, band) => part(band, k))], 0, 1];
  layer = new WebGLTileLayer({ source, style: { variables, color: ['array', sum(0), sum(1), sum(2), 1] } });
  bench.setWindow = (band, min, maxValue) => layer.updateStyleVariables({ [`min${band}`]: min, [`max${band}`]: maxValue });
  bench.max = max;
}

const map = new Map({
  target: box, layers: [layer], controls: [],
  view: new View({ projection, resolutions: tileGrid.getResolutions(), extent, constrainOnlyCenter: true }),
});
map.getView().fit(extent, { size: map.getSize() });
map.once('rendercomplete', () => { bench.sharpAt = performance.now(); });
layer.getSource().on('tileloaderror', (e) => bench.errors.push(`tile ${e.tile.getTileCoord()}`));
bench.map = map;
bench.stats = () => ({ zoom: 1 / map.getView().getResolution() });
bench.gl = () => layer.getRenderer()?.helper?.getGL();
bench.rendered = 0;
map.on('postrender', () => { bench.rendered++; });
