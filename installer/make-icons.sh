#!/usr/bin/env bash
# Rebuilds the Windows and macOS icons from the PNGs in resources/icons/ (run it after changing a PNG and commit
# the results). Needs ImageMagick's convert (Debian: imagemagick) and python3; the Linux installer uses the PNG.
set -euo pipefail
cd "$(dirname "$0")/../resources/icons"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for size in 16 32 48 64 128 256; do
    convert "license-desk-$size.png" -depth 8 "PNG32:$tmp/$size.png"
done
convert "$tmp/256.png" -resize 512x512 -depth 8 "PNG32:$tmp/512.png"
# Windows: the small sizes as bitmaps, 256 as PNG (what Explorer and the MSI dialogs expect).
convert "$tmp"/{16,32,48,64,128,256}.png license-desk.ico
# macOS: an .icns is a list of (type, length, PNG) entries; the @2x types reuse the larger PNGs.
python3 - "$tmp" license-desk.icns <<'PY'
import struct, sys
folder, out = sys.argv[1], sys.argv[2]
entries = [("icp4", 16), ("icp5", 32), ("icp6", 64), ("ic07", 128), ("ic08", 256), ("ic09", 512),
           ("ic11", 32), ("ic12", 64), ("ic13", 256), ("ic14", 512)]
body = b""
for kind, size in entries:
    data = open(f"{folder}/{size}.png", "rb").read()
    body += kind.encode("ascii") + struct.pack(">I", len(data) + 8) + data
open(out, "wb").write(b"icns" + struct.pack(">I", len(body) + 8) + body)
PY
ls -l license-desk.ico license-desk.icns
