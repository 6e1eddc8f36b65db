import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import type { Grid } from '@govdocs/core';
import { ingest } from '../index.js';

const read = (dir: string, name: string) => new Uint8Array(readFileSync(join(import.meta.dirname, dir, name)));
const fixture = (name: string) => ({ path: name, bytes: read('fixtures', name) });

/** The compound file with one stream replaced. */
function withStream(bytes: Uint8Array, name: string, change: (content: Uint8Array) => Uint8Array): Uint8Array {
  const cfb = XLSX.CFB.read(Buffer.from(bytes), { type: 'buffer' });
  const entry = cfb.FileIndex.find((e: { name: string }) => e.name === name)!;
  const changed = change(Uint8Array.from(entry.content as Uint8Array));
  XLSX.CFB.utils.cfb_add(cfb, `/${name}`, Buffer.from(changed));
  return new Uint8Array(XLSX.CFB.write(cfb, { type: 'buffer', fileType: 'cfb' }) as Buffer);
}

describe('Word 97–2003 binary documents (.doc, .wps)', () => {
  it.each([
    ['doc001.doc', 'doc001.docx'],
    ['doc013.wps', 'doc013.docx'],
  ])('%s gives the same blocks (text, grids, spans, context) as %s it was saved from', async (binary, source) => {
    const legacy = await ingest(fixture(binary));
    const docx = await ingest(fixture(source));
    expect(legacy.diagnostics).toEqual([]);
    expect(legacy.value!.source.mediaType).toBe('application/msword');
    const grids = legacy.value!.blocks.filter((b) => b.type === 'grid');
    expect(grids.length).toBeGreaterThanOrEqual(7);
    expect(legacy.value!.blocks).toEqual(docx.value!.blocks);
  });

  it('reads merged header cells as spans: vertical from the cell flags, horizontal from the cell edges', async () => {
    const { value, diagnostics } = await ingest(fixture('../../fixtures/legacy.doc'));
    expect(diagnostics).toEqual([]);
    const grid = (value!.blocks.find((b) => b.type === 'grid') as { grid: Grid }).grid;
    const cell = (r: number, c: number) => grid.cells.find((x) => x.r === r && x.c === c);
    expect(cell(0, 0)).toMatchObject({ text: '科目编码', rs: 2 });
    expect(cell(0, 2)).toMatchObject({ text: '合计', rs: 2 });
    expect(cell(0, 3)).toMatchObject({ text: '基本支出', rs: 1, cs: 2 });
    expect(cell(1, 3)?.text).toBe('人员经费');
    expect(cell(2, 4)?.text).toBe('10.00');
    expect(grid.before).toEqual([
      '示例县财政局2024年部门预算',
      '一般公共预算支出表',
      '表5',
      '部门：示例县财政局 金额单位：万元',
    ]);
    expect(grid.after).toEqual(['注：本表金额均为示例。']);
  });

  it('reports a password-protected .doc as such', async () => {
    const bytes = withStream(read('fixtures', 'doc001.doc'), 'WordDocument', (s) => {
      s[0x0b] |= 0x01; // fEncrypted
      return s;
    });
    const { value, diagnostics } = await ingest({ path: 'locked.doc', bytes });
    expect(value).toBeNull();
    expect(diagnostics[0]).toMatchObject({ rule: 'document.password', severity: 'error' });
    expect(diagnostics[0].message).toMatch(/^locked\.doc: .*password/);
  });

  it('names the Word 6.0/95 format, which it does not read', async () => {
    const bytes = withStream(read('fixtures', 'doc001.doc'), 'WordDocument', (s) => {
      s[2] = 0x65 - 1;
      s[3] = 0;
      return s;
    });
    const { diagnostics } = await ingest({ path: 'old.doc', bytes });
    expect(diagnostics[0]).toMatchObject({ rule: 'document.unsupported' });
    expect(diagnostics[0].message).toMatch(/Word 6\.0\/95/);
  });

  it('names a Microsoft Works .wps, which is another format', async () => {
    const cfb = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(cfb, '/CONTENTS', Buffer.from('CHNKWKS '.repeat(64)));
    XLSX.CFB.utils.cfb_add(cfb, '/SPELLING', Buffer.alloc(16));
    const bytes = new Uint8Array(XLSX.CFB.write(cfb, { type: 'buffer', fileType: 'cfb' }) as Buffer);
    const { diagnostics } = await ingest({ path: 'works.wps', bytes });
    expect(diagnostics[0]).toMatchObject({ rule: 'document.unsupported' });
    expect(diagnostics[0].message).toMatch(/Microsoft Works/);
  });

  it('reports a missing table stream and a damaged piece table, naming what is wrong', async () => {
    const otherTable = withStream(read('fixtures', 'doc001.doc'), 'WordDocument', (s) => {
      s[0x0b] &= ~0x02; // fWhichTblStm: points to a 0Table stream the file does not have
      return s;
    });
    const a = await ingest({ path: 'a.doc', bytes: otherTable });
    expect(a.diagnostics[0]).toMatchObject({ rule: 'document.unreadable' });
    expect(a.diagnostics[0].message).toMatch(/0Table stream .* is missing/);
    const garbled = withStream(read('fixtures', 'doc001.doc'), '1Table', (s) => s.fill(0x7f));
    const b = await ingest({ path: 'b.doc', bytes: garbled });
    expect(b.value).toBeNull();
    expect(b.diagnostics[0]).toMatchObject({ rule: 'document.unreadable' });
    expect(b.diagnostics[0].message).toMatch(/^b\.doc: the Word 97–2003 file is damaged .*piece table/);
  });

  it('never throws on damaged streams: each cut or overwrite reads or gives one document issue', async () => {
    const original = read('fixtures', 'doc001.doc');
    for (const name of ['WordDocument', '1Table', 'Data']) {
      for (let k = 1; k <= 12; k++) {
        const bytes = withStream(original, name, (s) => {
          const at = Math.floor((s.length * k) / 13);
          if (k % 2) return s.subarray(0, at);
          s.fill(0xff, at, Math.min(s.length, at + 700));
          return s;
        });
        const { value, diagnostics } = await ingest({ path: `${name}-${k}.doc`, bytes });
        if (!value) expect(diagnostics.map((d) => d.rule)).toEqual([expect.stringMatching(/^document\./)]);
      }
    }
  });
});
