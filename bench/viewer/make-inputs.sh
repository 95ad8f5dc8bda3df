#!/usr/bin/env bash
# The viewer bench's inputs in $1, from real sample data (kept between runs):
# - rgb.tif: 20000x20000 RGB, the CellProfiler FlyKc167 POS002 colour composite (R = rhodamine R.tif, G = FITC F.tif,
#   B = DAPI D.tif; 8-bit, 1000x1006) replicated 20x20 and cropped: cells everywhere, so every tile has content (a
#   cropped NDPI slide would be mostly black background, whose tiles are cheap to send and decode);
# - ch-{hoechst,h2ax,coloc-g,coloc-r}.tif: four 4000x4000 16-bit grey channels, replicated from the CellProfiler
#   16-bit images NucleiFoci 1-162hr site1 hoechst.tif and h2ax.tif (12-bit data, 1200x1000) and Colocalization 0_1
#   G.png and R.png (1392x1040), for one 4-channel 16-bit annotation.
set -euo pipefail
work=$1
samples=${SAMPLE_DATA:-$(cd "$(dirname "$0")/../.." && pwd)/../shared/sample-data}/cellprofiler-examples/CellProfilerExamples
export VIPS_WARNING=0   # the sample TIFFs' PageName tags make libvips warn on every read
mkdir -p "$work"
if [ ! -f "$work/rgb.tif" ]; then
  fly=$samples/FlyKc167/POS002/site1
  vips bandjoin "$fly/R.tif $fly/F.tif $fly/D.tif" "$work/c.v"
  vips copy "$work/c.v" "$work/c3.v" --interpretation srgb
  vips replicate "$work/c3.v" "$work/r.v" 20 20
  vips crop "$work/r.v" "$work/rgb.tif[tile,compression=jpeg,Q=90]" 0 0 20000 20000
  rm -f "$work"/*.v
fi
channel() { # name, source, across, down
  [ -f "$work/ch-$1.tif" ] && return
  vips replicate "$2" "$work/$1.v" "$3" "$4"
  vips crop "$work/$1.v" "$work/ch-$1.tif[tile,compression=deflate]" 0 0 4000 4000
  rm -f "$work/$1.v"
}
channel hoechst "$samples/NucleiFoci/1-162hr/site1/hoechst.tif" 4 4
channel h2ax "$samples/NucleiFoci/1-162hr/site1/h2ax.tif" 4 4
channel coloc-g "$samples/Colocalization/0_1/site1/G.png" 3 4
channel coloc-r "$samples/Colocalization/0_1/site1/R.png" 3 4
