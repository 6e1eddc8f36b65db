import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Grid } from '@govdocs/core';
import { ingest, sniffFormat } from '../index.js';
import { writeZip } from '../zip/write.js';

const fixture = (name: string) => ({
  path: name,
  bytes: new Uint8Array(readFileSync(join(import.meta.dirname, 'fixtures', name))),
});

describe('spreadsheet formats other than XLSX', () => {
  it.each([
    ['doc000.et', 'ole', 'application/vnd.ms-excel'],
    ['doc000.ods', 'zip', 'application/vnd.oasis.opendocument.spreadsheet'],
    ['doc000-2003.xml', 'spreadsheetml', 'application/vnd.ms-excel'],
  ])('%s (%s) gives the blocks the XLSX it was saved from gives', async (name, format, mediaType) => {
    const file = fixture(name);
    expect(sniffFormat(file.bytes)).toBe(format);
    const other = await ingest(file);
    const xlsx = await ingest(fixture('doc000.xlsx'));
    expect(other.diagnostics).toEqual([]);
    expect(other.value!.source.mediaType).toBe(mediaType);
    expect(other.value!.blocks.filter((b) => b.type === 'grid').length).toBeGreaterThanOrEqual(7);
    expect(other.value!.blocks).toEqual(xlsx.value!.blocks);
  });

  it('reads an Excel 2.1 worksheet, a bare record stream without a compound file', async () => {
    const file = fixture('excel21.xls');
    expect(sniffFormat(file.bytes)).toBe('biff');
    const { value } = await ingest(file);
    const grid = (value!.blocks.find((b) => b.type === 'grid') as { grid: Grid }).grid;
    expect(grid.cells.map((c) => c.text)).toEqual([
      'Item',
      'Budget',
      'Actual',
      'Travel',
      '1200.5',
      '980.25',
      'Total',
      '1200.5',
      '980.25',
    ]);
  });

  it('names an OpenDocument text file, which it does not read', async () => {
    const bytes = writeZip([
      { name: 'mimetype', data: 'application/vnd.oasis.opendocument.text', store: true },
      { name: 'content.xml', data: '<office:document-content/>' },
    ]);
    const { value, diagnostics } = await ingest({ path: 'x.odt', bytes });
    expect(value).toBeNull();
    expect(diagnostics[0].rule).toBe('document.unsupported');
    expect(diagnostics[0].message).toMatch(/OpenDocument text/);
  });

  it('does not take a text file that mentions Workbook for a spreadsheet', () => {
    expect(
      sniffFormat(new TextEncoder().encode('<Workbook> is a word; urn:schemas-microsoft-com:office:spreadsheet')),
    ).toBe('spreadsheetml');
    expect(
      sniffFormat(new TextEncoder().encode('A note: <Workbook> and urn:schemas-microsoft-com:office:spreadsheet')),
    ).toBe('text');
  });
});
