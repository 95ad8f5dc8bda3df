// OpenSeadragon 6 as shipped (default options, its WebGL drawer), opening Memento's signed Deep Zoom pyramids.
// Query: ?dzi=URL[&dzi=URL…]&w=PX&h=PX&left=PX&top=PX[&drawer=canvas] — several pyramids are overlaid as one composite, the
// later ones added ('lighter'), as a fluorescence composite is; the viewer's box matches the Memento canvas's.
// Exposes for the bench: window.bench = { viewer, sharpAt (performance.now() when every TiledImage first reported
// fully loaded), stats() }.
'use strict';
(function () {
  const params = new URLSearchParams(location.search);
  const box = document.getElementById('osd');
  for (const side of ['w', 'h', 'left', 'top']) {
    const value = Number(params.get(side));
    if (value > 0) box.style[{ w: 'width', h: 'height', left: 'left', top: 'top' }[side]] = `${value}px`;
  }
  if (!params.get('w')) { box.style.width = '100%'; box.style.height = '100%'; }
  const sources = params.getAll('dzi');
  const viewer = OpenSeadragon({
    element: box,
    // The tiles answer with Access-Control-Allow-Origin: *; WebGL needs CORS-clean images.
    crossOriginPolicy: 'Anonymous',
    showNavigationControl: false,
    // its default is 'auto' (WebGL where the browser has it); drawer=canvas measures its Canvas 2D drawer
    ...(params.get('drawer') ? { drawer: params.get('drawer') } : {}),
    tileSources: sources.map((url, i) => ({ tileSource: url, compositeOperation: i === 0 ? null : 'lighter' })),
  });
  const bench = window.bench = { viewer, sharpAt: null, errors: [] };
  let loaded = 0;
  viewer.world.addHandler('add-item', (event) => {
    const item = event.item;
    const onChange = (e) => {
      if (!e.fullyLoaded) return;
      item.removeHandler('fully-loaded-change', onChange);
      loaded += 1;
      if (loaded === sources.length && bench.sharpAt === null) bench.sharpAt = performance.now();
    };
    item.addHandler('fully-loaded-change', onChange);
  });
  viewer.addHandler('open-failed', (e) => bench.errors.push(String(e.message)));
  viewer.addHandler('tile-load-failed', (e) => bench.errors.push(`tile ${e.message}`));
  // The cache as OpenSeadragon counts it (images kept, against maxImageCacheCount); bytes are the decoded RGBA
  // size a tile of this pyramid takes (256x256x4), since OpenSeadragon keeps no byte count.
  bench.stats = () => {
    const tiles = viewer.tileCache.numTilesLoaded();
    return { tiles, bytes: tiles * 256 * 256 * 4, capTiles: viewer.maxImageCacheCount ?? OpenSeadragon.DEFAULT_SETTINGS.maxImageCacheCount,
             drawer: viewer.drawer && viewer.drawer.getType ? viewer.drawer.getType() : null,
             zoom: viewer.world.getItemAt(0) ? viewer.world.getItemAt(0).viewportToImageZoom(viewer.viewport.getZoom(true)) : null };
  };
}());
