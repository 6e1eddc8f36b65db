import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest } from '../index.js';
import { writeZip } from '../zip/write.js';
import { archiveKind } from './kind.js';
import { expandArchive } from './expand.js';
import { DEFAULT_ARCHIVE_LIMITS } from './members.js';

const fixture = (name: string) => new Uint8Array(readFileSync(join(import.meta.dirname, 'fixtures', name)));
const paths = (x: { path: string }[]) => x.map((m) => m.path);

describe('archives', () => {
  it('tells archives from Office zips and other files', () => {
    expect(archiveKind(fixture('samples.zip'))).toBe('zip');
    expect(archiveKind(fixture('samples.7z'))).toBe('7z');
    expect(archiveKind(fixture('samples.rar'))).toBe('rar');
    expect(archiveKind(writeZip([{ name: 'word/document.xml', data: '<w:document/>' }]))).toBeNull();
    expect(archiveKind(new TextEncoder().encode('Rar! is not enough'))).toBeNull();
  });

  it('zip: decodes GBK names, follows nested zips, refuses the bomb and names the damaged member', async () => {
    const { members, problems } = await expandArchive('a.zip', fixture('samples.zip'));
    expect(paths(members)).toEqual([
      'a.zip!/2023年部门决算/收入支出决算总表.pdf',
      'a.zip!/tables/doc000.xlsx',
      'a.zip!/inner.zip!/doc005.txt',
      'a.zip!/inner.zip!/deeper.zip!/doc011.txt',
    ]);
    expect(problems.map((p) => [p.path, p.rule])).toEqual([
      ['a.zip!/bomb.pdf', 'document.zip_bomb'],
      ['a.zip!/damaged.txt', 'document.unreadable'],
    ]);
    expect(problems[0].message).toMatch(/expands 1028×/);
  });

  it('7z and RAR: every member with its folder, nested archives followed', async () => {
    const seven = await expandArchive('b.7z', fixture('samples.7z'));
    expect(paths(seven.members).sort()).toEqual([
      'b.7z!/doc023.txt',
      'b.7z!/inner.zip!/deeper.zip!/doc011.txt',
      'b.7z!/inner.zip!/doc005.txt',
      'b.7z!/表格/部门预算.docx',
    ]);
    expect(seven.problems).toEqual([]);
    const docx = seven.members.find((m) => m.path.endsWith('.docx'))!;
    expect((await ingest({ path: docx.path, bytes: docx.bytes })).value!.blocks.some((b) => b.type === 'grid')).toBe(
      true,
    );
    const rar = await expandArchive('c.rar', fixture('samples.rar'));
    expect(paths(rar.members)).toEqual(['c.rar!/doc023.txt', 'c.rar!/pages/doc004.html']);
    expect(Buffer.from(rar.members[1].bytes).toString('utf8')).toMatch(/<html/i);
  });

  it('stops at the depth limit, the member limit and the size limit, and says so', async () => {
    const deep = await expandArchive('a.zip', fixture('samples.zip'), { ...DEFAULT_ARCHIVE_LIMITS, maxDepth: 2 });
    expect(deep.problems.find((p) => p.path === 'a.zip!/inner.zip!/deeper.zip')).toMatchObject({
      rule: 'document.unsupported',
      message: expect.stringMatching(/nested 3 levels/),
    });
    const few = await expandArchive('a.zip', fixture('samples.zip'), { ...DEFAULT_ARCHIVE_LIMITS, maxMembers: 2 });
    expect(paths(few.members)).toEqual(['a.zip!/2023年部门决算/收入支出决算总表.pdf', 'a.zip!/tables/doc000.xlsx']);
    expect(few.problems.find((p) => p.path === 'a.zip!/inner.zip')?.message).toMatch(/more than 2 members/);
    const small = await expandArchive('a.zip', fixture('samples.zip'), {
      ...DEFAULT_ARCHIVE_LIMITS,
      maxTotalBytes: 60_000,
    });
    expect(paths(small.members)).toEqual(['a.zip!/2023年部门决算/收入支出决算总表.pdf']);
    expect(small.problems.find((p) => p.path === 'a.zip!/tables/doc000.xlsx')?.message).toMatch(
      /more than 60000 bytes/,
    );
  });

  it('reports encrypted zip members and unknown methods, and an archive cut short as a whole', async () => {
    const zip = writeZip([
      { name: 'ok.txt', data: '合计 1.00' },
      { name: 'secret.pdf', data: '%PDF-1.4', store: true },
      { name: 'lzma.pdf', data: '%PDF-1.4', store: true },
    ]);
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    // Central directory entries 2 and 3: set the encrypted flag on one, method 14 (LZMA) on the other.
    let p = view.getUint32(zip.length - 6, true);
    for (let i = 0; i < 3; i++) {
      if (i === 1) view.setUint16(p + 8, 1, true);
      if (i === 2) view.setUint16(p + 10, 14, true);
      p += 46 + view.getUint16(p + 28, true);
    }
    const { members, problems } = await expandArchive('x.zip', zip);
    expect(paths(members)).toEqual(['x.zip!/ok.txt']);
    expect(problems.map((x) => x.rule)).toEqual(['document.password', 'document.unsupported']);
    const cut = await expandArchive('y.7z', fixture('samples.7z').subarray(0, 2000));
    expect(cut.members).toEqual([]);
    expect(cut.problems[0]).toMatchObject({ path: 'y.7z', rule: 'document.unreadable' });
  });

  it('a RAR member damaged in transit is reported, the others still read', async () => {
    const rar = fixture('samples.rar').slice();
    const at = Buffer.from(rar).indexOf('<html') + 200;
    rar[at] ^= 0xff; // inside doc004.html's stored data: its CRC no longer matches
    const { members, problems } = await expandArchive('d.rar', rar);
    expect(paths(members)).toEqual(['d.rar!/doc023.txt']);
    expect(problems).toEqual([
      expect.objectContaining({ path: 'd.rar!/pages/doc004.html', rule: 'document.unreadable' }),
    ]);
  });

  it('an archive handed to ingest alone is named as one', async () => {
    const { value, diagnostics } = await ingest({ path: 'a.rar', bytes: fixture('samples.rar') });
    expect(value).toBeNull();
    expect(diagnostics[0].message).toMatch(/rar archive; `govdocs run` reads each document in it/);
  });
});
