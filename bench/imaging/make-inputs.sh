#!/usr/bin/env bash
# The ingest benchmarks' inputs in $1: 20000x20000 RGB (tiled JPEG TIFF) and 16-bit grey (tiled deflate TIFF), a
# 2000x2000 noise tile replicated 10x10 (realistic tile entropy, cheap to generate). Kept between runs.
set -euo pipefail
work=$1
[ -f "$work/rgb.tif" ] && [ -f "$work/gray16.tif" ] && exit 0
vips gaussnoise "$work/n.v" 2000 2000 --mean 128 --sigma 40
vips cast "$work/n.v" "$work/n8.v" uchar
vips bandjoin "$work/n8.v $work/n8.v $work/n8.v" "$work/n3.v"
vips replicate "$work/n3.v" "$work/rgb.tif[tile,compression=jpeg,Q=90]" 10 10
vips gaussnoise "$work/m.v" 2000 2000 --mean 2000 --sigma 500
vips cast "$work/m.v" "$work/m16.v" ushort
vips replicate "$work/m16.v" "$work/gray16.tif[tile,compression=deflate]" 10 10
rm -f "$work"/*.v
