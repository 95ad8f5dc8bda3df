#!/usr/bin/env bash
# The ROI bench: a drawing layer of 100,000 regions (imported cell segmentations: 8-vertex polygons of 6-14 px radius
# on an 8000x8000 image) seeded through the API in parts (saveRegions, then append), then bench.mjs measures in
# headless Chromium: opening the annotation until every region is drawn, frame times while zooming and panning over
# the regions, and the spatial index's build and hit-test times on the same 100,000 shapes.
# Usage: bench/rois/run.sh [work dir]   (from the repository root, after `npm ci`; needs vips, the .NET SDK and
#        /usr/bin/chromium, driven by the playwright-core devDependency). REGIONS (default 100000), ROUNDS (default 3).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${1:-/tmp/memento-rois-bench}
mkdir -p "$work"
port=${MEMENTO_BENCH_PORT:-5991}
[ -d "$root/node_modules/playwright-core" ] || { echo "run npm ci first" >&2; exit 1; }
source "$root/bench/imaging/server-lib.sh"
if [ ! -f "$work/cells.tif" ]; then
  VIPS_WARNING=0 vips gaussnoise "$work/n.v" 8000 8000 --mean 60 --sigma 25
  VIPS_WARNING=0 vips cast "$work/n.v" "$work/cells.tif[tile,compression=deflate]" uchar
  rm -f "$work/n.v"
fi
server_build
server_start "$port"
trap 'server_stop' EXIT
echo "$(date -u '+%F %H:%M UTC'), load $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
node "$root/bench/rois/bench.mjs" --url "$server_url" --user bench --password bench-password-123 --image "$work/cells.tif" \
  --regions "${REGIONS:-100000}" --rounds "${ROUNDS:-3}"
echo "end $(date -u '+%H:%M UTC'), load $(cut -d' ' -f1-3 /proc/loadavg)"
