#!/usr/bin/env bash
# Renders the application icon's sizes from its one source, assets/icons/koteihyo.svg:
# the PNGs the Linux package and the window use (assets/icons/hicolor/SIZExSIZE.png) and the
# Windows .ico (assets/icons/koteihyo.ico, every size in one file). The results are committed
# (a few kilobytes) so that a build needs no SVG renderer; rerun this after changing the SVG.
# Needs: rsvg-convert (librsvg2-bin), icotool (icoutils).
set -euo pipefail
cd "$(dirname "$0")/.."
source=assets/icons/koteihyo.svg
out=assets/icons/hicolor
mkdir -p "$out"
sizes=(16 24 32 48 64 128 256)
for size in "${sizes[@]}"; do
    rsvg-convert --width "$size" --height "$size" "$source" -o "$out/${size}x${size}.png"
done
# The 256 px image is stored as PNG inside the .ico (-r), as Windows expects for that size.
icotool --create -o assets/icons/koteihyo.ico \
    "$out"/16x16.png "$out"/24x24.png "$out"/32x32.png "$out"/48x48.png "$out"/64x64.png \
    "$out"/128x128.png -r "$out"/256x256.png
echo "icons: $(ls "$out" | tr '\n' ' ')and koteihyo.ico"
