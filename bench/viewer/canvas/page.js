// Memento's canvas (wwwroot/js/viewer/canvas, served unchanged) on a bare page, as OpenSeadragon is on its own:
// the same box, the same pyramids, no layer panel or GraphQL. Query: ?dzi=URL&width=&height=&bits=&kind=rgb|grey
// (repeated per channel, in order)&w=&h=&left=&top=. Grey channels get the composite's usual colours and a window
// of 0..2^bits-1 (what the panel shows before auto-adjust).
import { Viewer } from '/js/viewer/canvas/viewer.js';

const params = new URLSearchParams(location.search);
const box = document.getElementById('canvas');
const px = (name) => Number(params.get(name)) || 0;
if (px('w')) Object.assign(box.style, { width: `${px('w')}px`, height: `${px('h')}px`, left: `${px('left')}px`, top: `${px('top')}px` });
const colours = [[0, 0, 1], [1, 1, 0], [0, 1, 0], [1, 0, 0]];
const all = (name) => params.getAll(name);
const channels = all('dzi').map((dziUrl, i) => {
  const bits = Number(all('bits')[i]) || 8;
  return {
    key: `channel-${i}`,
    source: { dziUrl, width: Number(all('width')[i]), height: Number(all('height')[i]), bands: all('kind')[i] === 'rgb' ? 3 : 1, bitDepth: bits },
    kind: all('kind')[i], color: colours[i % colours.length], min: 0, max: 2 ** bits - 1, opacity: 1, visible: true,
  };
});
const viewer = new Viewer(box);
viewer.setChannels(channels);
window.bench = { viewer };
