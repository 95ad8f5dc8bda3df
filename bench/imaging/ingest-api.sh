#!/usr/bin/env bash
# Ingest through the product: Memento.Server (Release) started on a fresh data directory, a 20000x20000 TIFF sent
# with the GraphQL multipart upload by curl, timed from the first byte sent to state READY (pyramid, IIIF layout,
# statistics and thumbnail on disk), against `vips dzsave` alone on the same file in the same run.
# Peak memory: the server's own maximum RSS (sampled from /proc every second) and GNU time's figure for the whole
# server process, which also covers the largest vips child it waited for.
# Each round runs vips alone and then the upload on both files, with `sync` between legs so one leg's write-back does
# not land on the next; the summary gives every round's ratio and the median (ROUNDS, default 3).
# Usage: bench/imaging/ingest-api.sh [work dir]   (from the repository root; needs vips, curl, /usr/bin/time, .NET SDK)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${1:-$(mktemp -d /tmp/memento-ingestapi-XXXX)}
port=${MEMENTO_BENCH_PORT:-5987}
source "$root/bench/imaging/server-lib.sh"
server_build
"$root/bench/imaging/make-inputs.sh" "$work"

results=$work/results.txt; : > "$results"
settle() { sync; sleep 2; }

dzsave() { # label, file, suffix
  settle
  /usr/bin/time -v vips dzsave "$2" "$work/out-v" --tile-size 256 --overlap 0 --depth onepixel --suffix "$3" --strip \
    2> "$work/time.txt" >/dev/null
  printf '%-44s %8s s  %6s MiB\n' "$1" "$(grep 'Elapsed (wall' "$work/time.txt" | awk '{print $NF}')" \
    "$(( $(grep 'Maximum resident' "$work/time.txt" | awk '{print $NF}') / 1024 ))"
  # m:ss.cc to seconds, for the summary
  echo "$1 $(grep 'Elapsed (wall' "$work/time.txt" | awk '{print $NF}' | awk -F: '{print $1 * 60 + $2}')" >> "$results"
  rm -rf "$work"/out-v*
}

through_api() { # label, file, format code
  server_start "$port"
  local project; project=$(new_project bench)
  # Warm-up, not timed: the same file once (a hard link under another name), so the measured upload meets a server
  # that has run this path before, as a running server has. A fresh process spends seconds of CPU during its first
  # large ingest on tiered JIT compilation (upload, heartbeat and database code crossing the tier-up thresholds),
  # competing with vips for the cores; smaller warm-ups left over a second of it in the measured run. Then wait
  # until the server is idle (its JIT backlog done).
  local warm_file="$work/warm-$(basename "$2")"
  ln -f "$2" "$warm_file"
  local warm; warm=$(upload "$project" "$warm_file" "$3")
  until [ "$(image_field "$warm" state)" = READY ]; do sleep 0.5; done
  server_idle
  local peak=0 start uploaded end id state
  settle
  # The end is the server's own "Image N ready" log line (written after the database commit), awaited through
  # tail -f rather than polled: polling with curl and the API cost CPU the conversion competes for. RSS is sampled
  # once a second in the background.
  ( while kill -0 "$server_pid" 2>/dev/null; do awk '/VmRSS/ {print $2}' "/proc/$server_pid/status"; sleep 1; done > "$work/rss.txt" ) 2>/dev/null &
  local sampler=$!
  start=$(date +%s.%N)
  id=$(upload "$project" "$2" "$3")
  uploaded=$(date +%s.%N)
  # (process substitution: the pipeline would also wait for tail, which only notices a closed pipe when it next writes)
  grep -m1 -E "Image $id (ready|failed)" < <(tail -n +1 -f "$work/server.log") > /dev/null
  end=$(date +%s.%N)
  state=$(image_field "$id" state)
  kill "$sampler" 2>/dev/null || true
  peak=$(sort -n "$work/rss.txt" | tail -1)
  server_stop
  printf '%-44s %8.1f s  %6s MiB server, %s MiB with vips (upload %.1f s, %s)\n' "$1" "$(echo "$end - $start" | bc)" \
    "$((peak / 1024))" "$(( $(grep 'Maximum resident' "$work/server-time.txt" | awk '{print $NF}') / 1024 ))" \
    "$(echo "$uploaded - $start" | bc)" "$state"
  grep -o 'ingest took .*' "$work/server.log" | tail -1 | sed 's/^/    server log (timed image): /'
  echo "$1 $(echo "$end - $start" | bc) $(echo "$uploaded - $start" | bc) $state" >> "$results"
}

for round in $(seq "${ROUNDS:-3}"); do
  echo "round $round: $(date -u +%H:%M) UTC, load $(cut -d' ' -f1-3 /proc/loadavg)"
  dzsave "vips dzsave, RGB, JPEG Q85" "$work/rgb.tif" '.jpg[Q=85]'
  through_api "memento upload to READY, RGB, format 4" "$work/rgb.tif" 4
  dzsave "vips dzsave, 16-bit, PNG compression 1" "$work/gray16.tif" '.png[compression=1]'
  through_api "memento upload to READY, 16-bit, format 5" "$work/gray16.tif" 5
done

# Ratio of each upload-to-READY time to the vips run just before it, per round, then the median per case.
echo
echo "upload to READY / vips alone, per round, and the median:"
ratios=$(awk '/^vips/ { vips = $NF; next }
             /^memento/ { printf "%s %.2f\n", ($0 ~ /RGB/) ? "RGB" : "16-bit", $(NF-2) / vips }' "$results")
for kind in RGB 16-bit; do
  r=$(echo "$ratios" | awk -v k="$kind" '$1 == k { print $2 }')
  printf '  %-7s %s   median %sx\n' "$kind" "$(echo $r)" "$(echo "$r" | median)"
done
