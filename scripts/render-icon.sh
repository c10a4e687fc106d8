#!/usr/bin/env bash
# Renders the application icon from its SVG sources in assets/icon/ to the files the build and
# the packages use, all committed (the build needs none of these tools):
#   assets/icon/kompas-SIZE.png  16..512 (16-32 from kompas-small.svg, the rest from kompas.svg)
#   assets/icon/kompas.ico       16..256, embedded in kompas.exe (build.rs) and the installer
#   assets/icon/kompas.icns      16..512, the macOS bundle
# Needs Debian's librsvg2-bin (rsvg-convert), icoutils (icotool) and icnsutils (png2icns):
#   apt-get install librsvg2-bin icoutils icnsutils
set -euo pipefail
cd "$(dirname "$0")/../assets/icon"
for tool in rsvg-convert icotool png2icns; do
    command -v "$tool" >/dev/null || { echo "needs $tool (see the top of $0)" >&2; exit 1; }
done
for size in 16 24 32 48 64 128 256 512; do
    src=kompas.svg
    [ "$size" -le 32 ] && src=kompas-small.svg
    rsvg-convert -w "$size" -h "$size" "$src" -o "kompas-$size.png"
done
# 16-64 as bitmaps (what every Windows reads), 128 and 256 as PNG inside the ICO (smaller)
icotool -c -o kompas.ico kompas-{16,24,32,48,64}.png -r kompas-128.png -r kompas-256.png
# png2icns knows 16, 32, 48, 128, 256 and 512 (no 24 or 64)
png2icns kompas.icns kompas-{16,32,48,128,256,512}.png >/dev/null
ls -l kompas-*.png kompas.ico kompas.icns
