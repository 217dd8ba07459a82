#!/usr/bin/env bash
# Draws paretowb.png, the 256x256 icon, with ImageMagick: a Pareto front as a step line through the best
# points, with dominated points below it. Run once by hand; the PNG is committed and the build only copies it.
# Lines, not polylines: ImageMagick 6.9's stroked polyline closes itself.
set -euo pipefail
cd "$(dirname "$0")"
front=(66,190 104,190 104,132 150,132 150,96 200,96 200,64)
steps=()
for ((i = 0; i + 1 < ${#front[@]}; i++)); do steps+=(-draw "line ${front[i]} ${front[i+1]}"); done
convert -size 256x256 xc:none \
  -fill '#1f3a5f' -draw 'roundrectangle 8,8 247,247 44,44' \
  -fill none -stroke '#8fa7c4' -strokewidth 6 -draw 'stroke-linecap square' \
  -draw 'line 40,40 40,216' -draw 'line 40,216 216,216' \
  -stroke none -fill '#7f9cc2' \
  -draw 'circle 128,176 128,186' -draw 'circle 176,150 176,160' -draw 'circle 204,122 204,132' \
  -draw 'circle 180,192 180,202' -draw 'circle 142,202 142,212' \
  -fill none -stroke '#ff8c42' -strokewidth 10 -draw 'stroke-linecap square' "${steps[@]}" \
  -fill white -strokewidth 6 \
  -draw 'circle 66,190 66,202' -draw 'circle 104,132 104,144' -draw 'circle 150,96 150,108' -draw 'circle 200,64 200,76' \
  -depth 8 -strip -define png:compression-level=9 paretowb.png
