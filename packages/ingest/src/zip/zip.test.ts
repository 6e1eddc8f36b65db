import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest } from '../index.js';
import { findBadEntry, inspectZip, officeKind } from './central-directory.js';
import { writeZip } from './write.js';

const fixture = (name: string) => new Uint8Array(readFileSync(join(import.meta.dirname, '../fixtures', name)));
const limits = { maxEntries: 10, maxTotalBytes: 10_000, maxRatio: 400 };

describe('zip checks before inflating', () => {
  it('lists the entries of a sound zip and tells DOCX from XLSX', () => {
    const docx = inspectZip(fixture('vmerge.docx'));
    expect(docx.ok && officeKind(docx.entries)).toBe('docx');
    const xlsx = inspectZip(fixture('multi-table.xlsx'));
    expect(xlsx.ok && officeKind(xlsx.entries)).toBe('xlsx');
  });

  it('refuses too many entries and too large a declared total', () => {
    const many = writeZip(Array.from({ length: 11 }, (_, i) => ({ name: `f${i}.xml`, data: 'x' })));
    expect(inspectZip(many, limits)).toMatchObject({ ok: false, problem: 'too_large' });
    const big = writeZip([
      { name: 'a.xml', data: 'x'.repeat(6000) },
      { name: 'b.xml', data: 'y'.repeat(6000) },
    ]);
    expect(inspectZip(big, limits)).toMatchObject({ ok: false, problem: 'too_large' });
    expect(inspectZip(writeZip([{ name: 'a.xml', data: 'x'.repeat(6000) }]), limits).ok).toBe(true);
  });

  it('catches an entry that expands beyond the size it declares', () => {
    const lying = writeZip([{ name: 'xl/workbook.xml', data: 'z'.repeat(200_000), declaredSize: 100 }]);
    const zip = inspectZip(lying);
    if (!zip.ok) throw new Error(zip.message);
    const result = findBadEntry(lying, zip.entries);
    expect(result).toMatchObject({ problem: 'too_large' });
    expect(result?.message).toMatch(/beyond its declared size/);
  });

  it('turns a zip bomb shaped as an XLSX into a document issue', async () => {
    const { value, diagnostics } = await ingest({ path: 'bomb.xlsx', bytes: fixture('bomb.xlsx') });
    expect(value).toBeNull();
    expect(diagnostics.map((d) => d.rule)).toEqual(['document.zip_bomb']);
  });

  it('says a zip holding neither Word nor Excel parts is unsupported', async () => {
    const { diagnostics } = await ingest({ path: 'x.zip', bytes: writeZip([{ name: 'readme.txt', data: 'hello' }]) });
    expect(diagnostics[0].rule).toBe('document.unsupported');
  });
});

describe('XLSX entries that lie about their size', () => {
  it('are refused before SheetJS, which would expand every entry', async () => {
    const bytes = writeZip([
      { name: 'xl/workbook.xml', data: '<workbook/>' },
      { name: 'xl/media/image1.png', data: 'z'.repeat(200_000), declaredSize: 100 },
    ]);
    const { diagnostics } = await ingest({ path: 'lying.xlsx', bytes });
    expect(diagnostics.map((d) => d.rule)).toContain('document.zip_bomb');
    expect(diagnostics.find((d) => d.rule === 'document.zip_bomb')!.message).toMatch(
      /image1\.png expands beyond its declared size/,
    );
  });
});

describe('damaged entries', () => {
  /** Flips one byte of the first occurrence of `marker` in the zip's (stored) bytes. */
  const flip = (zip: Uint8Array, marker: string) => {
    const at = Buffer.from(zip).indexOf(marker);
    const out = new Uint8Array(zip);
    out[at] ^= 0x20;
    return out;
  };

  it('an XLSX entry that fails its checksum is refused before SheetJS reads it', async () => {
    const zip = writeZip([{ name: 'xl/workbook.xml', data: '<workbook><sheets/></workbook>', store: true }]);
    const { value, diagnostics } = await ingest({ path: 'flipped.xlsx', bytes: flip(zip, 'sheets') });
    expect(value).toBeNull();
    const issue = diagnostics.find((d) => d.rule === 'document.not_zip');
    expect(issue?.message).toMatch(
      /xl\/workbook\.xml is damaged \(its checksum does not match\).*Download or export it again/,
    );
  });

  it('a DOCX part that fails its checksum is a document.unreadable issue, not silently changed text', async () => {
    const body =
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>合计 100</w:t></w:r></w:p></w:body></w:document>';
    const zip = writeZip([{ name: 'word/document.xml', data: body, store: true }]);
    const { diagnostics } = await ingest({ path: 'flipped.docx', bytes: flip(zip, '100') });
    const issue = diagnostics.find((d) => d.rule === 'document.unreadable');
    expect(issue?.message).toMatch(/word\/document\.xml is damaged \(its checksum does not match\)/);
  });
});
