#!/usr/bin/env bash
# Rebuilds packages/ingest/src/ocr/fixtures: a generated sample PDF (doc002.pdf, 4 pages of
# tables) rasterised by pdftoppm at 150 and 200 dpi (grey JPEG) and put back into a PDF by img2pdf,
# so every page is a page-sized image with no text layer, as a scanner makes them; and a mixed PDF
# whose page 2 is the 200-dpi scan and whose other pages are the digital ones (pdfunite).
# Tests read the committed PDFs and need none of these tools.
#
#   scripts/make-scan-fixtures.sh [samples-folder]    (needs pdftoppm, img2pdf, pdfunite, pdfseparate)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
samples="${1:-$root/../shared/samples/docs}"
out="$root/packages/ingest/src/ocr/fixtures"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
install -m 644 "$samples/doc002.pdf" "$out/doc002.pdf"
for dpi in 150 200; do
  pdftoppm -r "$dpi" -gray -jpeg -jpegopt quality=70 "$out/doc002.pdf" "$work/p$dpi"
  img2pdf --imgsize "${dpi}dpi" -o "$out/doc002-scan$dpi.pdf" "$work"/p$dpi-*.jpg
done
pdfseparate "$out/doc002.pdf" "$work/d-%d.pdf"
pdfseparate "$out/doc002-scan200.pdf" "$work/s-%d.pdf"
pdfunite "$work/d-1.pdf" "$work/s-2.pdf" "$work/d-3.pdf" "$work/d-4.pdf" "$out/doc002-mixed.pdf"
ls -l "$out"
