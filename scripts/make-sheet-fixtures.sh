#!/usr/bin/env bash
# Rebuilds packages/ingest/src/xlsx/fixtures: the generated sample workbook doc000.xlsx in the
# other spreadsheet formats sites serve. LibreOffice saves it as Excel 97–2003 under the .et name
# (WPS Spreadsheets writes .et in that BIFF8 format) and as OpenDocument (.ods); SheetJS writes it
# as Excel 2003 XML (LibreOffice's writer for that needs its XSLT filters) and writes a small
# Excel 2.1 worksheet (a bare BIFF2 record stream). Tests never need LibreOffice.
#
#   scripts/make-sheet-fixtures.sh [samples-folder]    (needs soffice; default ../shared/samples/docs)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
samples="${1:-$root/../shared/samples/docs}"
out="$root/packages/ingest/src/xlsx/fixtures"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
install -m 644 "$samples/doc000.xlsx" "$out/doc000.xlsx"
soffice --headless -env:UserInstallation="file://$work/profile" --convert-to 'xls:MS Excel 97' --outdir "$work" "$out/doc000.xlsx" >/dev/null 2>&1
cp "$work/doc000.xls" "$out/doc000.et"
soffice --headless -env:UserInstallation="file://$work/profile" --convert-to 'ods:calc8' --outdir "$work" "$out/doc000.xlsx" >/dev/null 2>&1
cp "$work/doc000.ods" "$out/doc000.ods"
cd "$root/packages/ingest"
node --input-type=module - "$out" <<'JS'
import * as XLSX from '@e965/xlsx';
import { readFileSync, writeFileSync } from 'node:fs';
const out = process.argv[2];
const book = XLSX.read(readFileSync(`${out}/doc000.xlsx`), { cellStyles: true, cellNF: true });
writeFileSync(`${out}/doc000-2003.xml`, XLSX.write(book, { bookType: 'xlml', type: 'buffer' }));
const small = XLSX.utils.book_new();
XLSX.utils.book_append_sheet(small, XLSX.utils.aoa_to_sheet([['Item', 'Budget', 'Actual'], ['Travel', 1200.5, 980.25], ['Total', 1200.5, 980.25]]), 'Sheet1');
writeFileSync(`${out}/excel21.xls`, XLSX.write(small, { bookType: 'biff2', type: 'buffer' }));
JS
ls -l "$out"
