#!/usr/bin/env bash
# Renders icons/meshcert.svg into every size and format the packagers need.
# Needs: rsvg-convert (librsvg2-bin), convert (imagemagick), png2icns (icnsutils).
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p png
for s in 16 24 32 48 64 128 256 512; do
  rsvg-convert -w "$s" -h "$s" meshcert.svg -o "png/meshcert-$s.png"
done
# Windows: one .ico with the usual sizes.
convert png/meshcert-16.png png/meshcert-24.png png/meshcert-32.png png/meshcert-48.png \
  png/meshcert-64.png png/meshcert-128.png png/meshcert-256.png meshcert.ico
# macOS: .icns from the sizes Apple's format holds.
png2icns meshcert.icns png/meshcert-16.png png/meshcert-32.png png/meshcert-128.png \
  png/meshcert-256.png png/meshcert-512.png >/dev/null
# Linux and the window icon: the 256 px PNG.
cp png/meshcert-256.png meshcert.png
echo "icons written: png/*.png meshcert.png meshcert.ico meshcert.icns"
