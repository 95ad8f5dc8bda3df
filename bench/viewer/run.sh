#!/usr/bin/env bash
# The viewer bench: Memento's viewer against OpenSeadragon 6 on the same Deep Zoom pyramids, in the same headless
# Chromium, in the same run. Builds Memento.Server (Release), starts it on a fresh data directory, makes the scene
# through the API (bench/viewer/scene.mjs: a 20000x20000 RGB image and a 4-channel 16-bit annotation, from real
# sample data made by bench/viewer/make-inputs.sh), then bench/viewer/bench.mjs measures both viewers in
# interleaved rounds: time to the sharp first view and tiles fetched, frame times during a scripted pan and zoom,
# repaint after an intensity change (ours), and memory over a long pan.
# Usage: bench/viewer/run.sh [work dir]   (from the repository root, after `npm ci`; needs vips, the .NET SDK and
#        /usr/bin/chromium, driven by the playwright-core devDependency; the browser is never downloaded)
#        ROUNDS (default 7) rounds of first views and repaints, FRAME_ROUNDS (default 3) of the pan and zoom,
#        MEMORY_SECONDS (default 150) of the long pan; PARTS (default "first,frames,repaint,memory") picks the parts;
#        VIEWERS (default "osd,osd-canvas,ol,canvas,memento": OpenSeadragon with its WebGL and its canvas drawer,
#        OpenLayers, our canvas alone on a bare page, our viewer page).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${1:-/tmp/memento-viewer-bench}
mkdir -p "$work"
port=${MEMENTO_BENCH_PORT:-5989}
[ -d "$root/node_modules/playwright-core" ] && [ -d "$root/node_modules/openseadragon" ] || { echo "run npm ci first" >&2; exit 1; }
source "$root/bench/imaging/server-lib.sh"
"$root/bench/viewer/make-inputs.sh" "$work"
server_build
server_start "$port"
trap 'server_stop' EXIT
node "$root/bench/viewer/scene.mjs" --url "$server_url" --user bench --password bench-password-123 --inputs "$work" > "$work/scene.json"
server_idle
echo "$(date -u '+%F %H:%M UTC'), load $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
node "$root/bench/viewer/bench.mjs" --url "$server_url" --user bench --password bench-password-123 --scene "$work/scene.json" \
  --rounds "${ROUNDS:-7}" --frame-rounds "${FRAME_ROUNDS:-3}" --memory-seconds "${MEMORY_SECONDS:-150}" \
  --parts "${PARTS:-first,frames,repaint,memory}" --viewers "${VIEWERS:-osd,osd-canvas,ol,canvas,memento}"
echo "end $(date -u '+%H:%M UTC'), load $(cut -d' ' -f1-3 /proc/loadavg)"
