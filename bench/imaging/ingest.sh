#!/usr/bin/env bash
# Ingest: Memento's ingest path vs `vips dzsave` alone on the same 20000x20000 files; time and peak memory
# (GNU time's maximum resident set size covers the process and the vips children it waited for).
# Usage: bench/imaging/ingest.sh [work dir]   (from the repository root; needs vips, /usr/bin/time, the .NET SDK)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${1:-$(mktemp -d /tmp/memento-ingestbench-XXXX)}
trap 'rm -rf "$work"/out-*' EXIT
dotnet build -c Release "$root/bench/imaging/IngestBench" -o "$work/bin" >/dev/null

"$root/bench/imaging/make-inputs.sh" "$work"

measure() { # label, command...
  local label=$1; shift
  /usr/bin/time -v "$@" 2> "$work/time.txt" >/dev/null
  printf '%-40s %8s s  %8s MiB\n' "$label" \
    "$(grep 'Elapsed (wall' "$work/time.txt" | awk '{print $NF}')" \
    "$(( $(grep 'Maximum resident' "$work/time.txt" | awk '{print $NF}') / 1024 ))"
  rm -rf "$work"/out-*
}

measure "vips dzsave, RGB, JPEG Q85"   vips dzsave "$work/rgb.tif" "$work/out-v" --tile-size 256 --overlap 0 --depth onepixel --suffix '.jpg[Q=85]' --strip
measure "memento ingest, RGB, format 4" "$work/bin/IngestBench" "$work/rgb.tif" "$work/out-m" 4
for level in ${PNG_LEVELS:-1}; do
  measure "vips dzsave, 16-bit, PNG level $level" vips dzsave "$work/gray16.tif" "$work/out-v" --tile-size 256 --overlap 0 --depth onepixel --suffix ".png[compression=$level]" --strip
done
measure "memento ingest, 16-bit, format 5"  "$work/bin/IngestBench" "$work/gray16.tif" "$work/out-m" 5
