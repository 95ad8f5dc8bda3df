#!/usr/bin/env bash
# Viewer-side tile decode: the cost to decode one 256x256 tile in headless Chromium (the browser our users run), per
# tile format, on real data (the CellProfiler NucleiFoci Hoechst image, 12-bit nuclei in a 16-bit TIFF, replicated
# 5x5 to 6000x5000). 16-bit grey PNG tiles at deflate levels 0, 1 (ingest's) and 6 are decoded to a Uint16Array by
# fast-png, as a 16-bit viewer must (browsers reduce 16-bit PNG to 8 bits); 8-bit JPEG Q85 (grey and RGB) and 8-bit
# grey PNG level 1 are decoded by the browser (createImageBitmap, drawn to an OffscreenCanvas) as the reference for
# an 8-bit viewer, and the level-1 16-bit PNGs once more by the browser, to separate format cost from JavaScript cost.
# The 8-bit tiles come from `vips scale` (linear stretch of the image's min..max to 0..255).
# Only the full-resolution level's full 256x256 tiles are used (23x19 = 437 per format). All are fetched into memory
# first; then decoding only is timed, tiles one after another on the page's main thread: one warm-up pass per format,
# then PASSES (default 5) rounds of one pass per format, interleaved so that load from other processes falls on all
# formats alike; the median pass is reported.
# Usage: bench/imaging/tile-decode.sh [work dir]   (from the repository root, after `npm ci`; needs vips and
#        /usr/bin/chromium, driven by the playwright-core devDependency; the browser is never downloaded)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
src=${HOECHST:-/work/shared/sample-data/cellprofiler-examples/CellProfilerExamples/NucleiFoci/1-162hr/site1/hoechst.tif}
if [ $# -ge 1 ]; then mkdir -p "$1"; work=$(mktemp -d "$1/tile-decode-XXXX"); else work=$(mktemp -d /tmp/memento-tiledecode-XXXX); fi
trap 'rm -rf "$work"' EXIT
export VIPS_WARNING=0   # the sample TIFF's PageName tag makes libvips warn on every read
[ -d "$root/node_modules/playwright-core" ] && [ -d "$root/node_modules/fast-png" ] || { echo "run npm ci first" >&2; exit 1; }

vips replicate "$src" "$work/big.v" 5 5
vips scale "$work/big.v" "$work/scaled.v"
# scale keeps the input's grey16 tag on its uchar output, on which vips 8.14's 8-bit PNG dzsave segfaulted in most
# runs; tag it as what it is, 8-bit grey.
vips copy "$work/scaled.v" "$work/big8.v" --interpretation b-w
vips bandjoin "$work/big8.v $work/big8.v $work/big8.v" "$work/rgb.v"
vips copy "$work/rgb.v" "$work/rgb8.v" --interpretation srgb
width=$(vipsheader -f width "$work/big.v"); height=$(vipsheader -f height "$work/big.v")
echo "input: ${width}x${height}, 16-bit min $(vips min "$work/big.v") max $(vips max "$work/big.v") mean $(vips avg "$work/big.v");" \
  "8-bit mean $(vips avg "$work/big8.v")"

# name, input, suffix: the same dzsave options as ingest, but --depth one (only the full-resolution level, whose
# tiles are identical to the top level of ingest's onepixel pyramid; saves the CPU of the levels we would discard).
tile() {
  vips dzsave "$2" "$work/dz-$1" --tile-size 256 --overlap 0 --depth one --suffix "$3" --strip
  local top; top=$(ls "$work/dz-$1_files" | grep -E '^[0-9]+$' | sort -n | tail -1)
  mkdir -p "$work/tiles/$1"
  for f in "$work/dz-$1_files/$top"/*; do
    local b=${f##*/} x y; x=${b%%_*}; y=${b#*_}; y=${y%%.*}
    if (( x < width / 256 && y < height / 256 )); then mv "$f" "$work/tiles/$1/$b"; fi
  done
  rm -rf "$work/dz-$1_files" "$work/dz-$1.dzi"
  local n; n=$(ls "$work/tiles/$1" | wc -l)
  (( n == (width / 256) * (height / 256) )) || { echo "$1: $n full tiles, expected $(( (width / 256) * (height / 256) ))" >&2; exit 1; }
}
for level in 0 1 6; do tile "png16-c$level" "$work/big.v" ".png[compression=$level]"; done
tile jpeg-grey "$work/big8.v" '.jpg[Q=85]'
tile jpeg-rgb "$work/rgb8.v" '.jpg[Q=85]'
tile png8-c1 "$work/big8.v" '.png[compression=1]'
rm -f "$work"/*.v
echo "tile 11_9 mean: 8-bit PNG $(vips avg "$work/tiles/png8-c1/11_9.png"), grey JPEG $(vips avg "$work/tiles/jpeg-grey/11_9.jpg"),"\
  "RGB JPEG $(vips avg "$work/tiles/jpeg-rgb/11_9.jpg"), 16-bit PNG $(vips avg "$work/tiles/png16-c1/11_9.png")"

date -u '+%F %H:%M UTC'; uptime
node "$root/bench/imaging/tile-decode/run.mjs" "$work/tiles" "${PASSES:-5}" \
  'png16-c0:fastpng:2:16-bit grey PNG, level 0, fast-png' \
  'png16-c1:fastpng:2:16-bit grey PNG, level 1 (ingest), fast-png' \
  'png16-c6:fastpng:2:16-bit grey PNG, level 6, fast-png' \
  'png16-c1:bitmap:2:16-bit grey PNG, level 1, createImageBitmap (8-bit result)' \
  'png8-c1:bitmap:1:8-bit grey PNG, level 1, createImageBitmap' \
  'jpeg-grey:bitmap:1:8-bit grey JPEG Q85, createImageBitmap' \
  'jpeg-rgb:bitmap:3:8-bit RGB JPEG Q85, createImageBitmap'
uptime
