#!/usr/bin/env bash
# Ingest: Memento's ingest path vs `vips dzsave` alone on the same 20000x20000 files; time and peak memory
# (GNU time's maximum resident set size covers the process and the vips children it waited for).
# Usage: bench/imaging/ingest.sh [work dir]   (from the repository root; needs vips, /usr/bin/time, the .NET SDK)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${1:-$(mktemp -d /tmp/memento-ingestbench-XXXX)}
trap 'rm -rf "$work"/out-*' EXIT
dotnet build -c Release "$root/bench/imaging/IngestBench" -o "$work/bin" >/dev/null

# Inputs: a 2000x2000 noise tile replicated 10x10 (realistic tile sizes, cheap to generate), saved as tiled TIFF.
if [ ! -f "$work/rgb.tif" ]; then
  vips gaussnoise "$work/n.v" 2000 2000 --mean 128 --sigma 40
  vips cast "$work/n.v" "$work/n8.v" uchar
  vips bandjoin "$work/n8.v $work/n8.v $work/n8.v" "$work/n3.v"
  vips replicate "$work/n3.v" "$work/rgb.tif[tile,compression=jpeg,Q=90]" 10 10
  vips gaussnoise "$work/m.v" 2000 2000 --mean 2000 --sigma 500
  vips cast "$work/m.v" "$work/m16.v" ushort
  vips replicate "$work/m16.v" "$work/gray16.tif[tile,compression=deflate]" 10 10
  rm -f "$work"/*.v
fi

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
