#!/usr/bin/env bash
# Rebuilds packages/ingest/src/doc/fixtures: two of the generated sample DOCX files, saved by
# LibreOffice as Word 97–2003 (.doc), and once more with the same filter under the .wps name (WPS
# Office writes its .wps in this binary format). Tests compare what the binary files give with what
# their DOCX source gives; they never need LibreOffice.
#
#   scripts/make-doc-fixtures.sh [samples-folder]    (needs soffice; default ../shared/samples/docs)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
samples="${1:-$root/../shared/samples/docs}"
out="$root/packages/ingest/src/doc/fixtures"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

convert() { # source.docx → work/<name>.doc
  soffice --headless -env:UserInstallation="file://$work/profile" --convert-to 'doc:MS Word 97' --outdir "$work" "$1" >/dev/null 2>&1
}

install -m 644 "$samples/doc001.docx" "$out/doc001.docx"
convert "$out/doc001.docx"
cp "$work/doc001.doc" "$out/doc001.doc"

install -m 644 "$samples/doc013.docx" "$out/doc013.docx"
convert "$out/doc013.docx"
cp "$work/doc013.doc" "$out/doc013.wps"
ls -l "$out"
