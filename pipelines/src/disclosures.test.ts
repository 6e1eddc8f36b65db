import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DocumentRecordSchema,
  FactRecordSchema,
  IndicatorRecordSchema,
  IssueRecordSchema,
  TableRecordSchema,
  toIssueRecord,
} from '@govdocs/core';
import { processDocument } from './disclosures.js';

const seeds = new URL('../../../shared/seeds/', import.meta.url).pathname;
const samples = new URL('../../samples/', import.meta.url).pathname;

function filesIn(dir: string): string[] {
  try {
    return readdirSync(dir).map((f) => join(dir, f));
  } catch {
    return [];
  }
}

describe('disclosures pipeline', () => {
  const files = [...filesIn(seeds), ...filesIn(samples)];

  it.each(files)('writes only schema-valid records for %s', async (path) => {
    const out = await processDocument({ path, bytes: new Uint8Array(readFileSync(path)) });
    const problems: string[] = [];
    const check = (
      schema: { safeParse: (x: unknown) => { success: boolean; error?: { message: string } } },
      record: unknown,
      what: string,
    ) => {
      const r = schema.safeParse(record);
      if (!r.success) problems.push(`${what}: ${r.error?.message}`);
    };
    check(DocumentRecordSchema, out.document, 'document');
    for (const t of out.tables) check(TableRecordSchema, t, t.id);
    for (const f of out.facts) check(FactRecordSchema, f, `fact ${f.tableId} r${f.source.row}`);
    for (const x of out.indicators) check(IndicatorRecordSchema, x, `indicator ${x.tableId}`);
    for (const d of out.diagnostics) check(IssueRecordSchema, toIssueRecord(out.document.id, d), `issue ${d.rule}`);
    expect(problems).toEqual([]);
  });

  it('finds every tab-separated table of the 新平 seed with its title and unit', async () => {
    const path = filesIn(seeds).find((f) => /\/001_/.test(f));
    if (!path) return;
    const out = await processDocument({ path, bytes: new Uint8Array(readFileSync(path)) });
    const titled = out.tables.filter((t) => t.code?.startsWith('公开'));
    expect(titled.map((t) => t.code)).toEqual([
      '公开01表',
      '公开02表',
      '公开03表',
      '公开04表',
      '公开05表',
      '公开06表',
      '公开07表',
      '公开08表',
      '公开09表',
    ]);
    expect(titled.every((t) => t.unit === 'yuan' && t.title)).toBe(true);
  });

  it('names a coded subject by its national name and keeps the printed one in source.rowLabel', async () => {
    const path = filesIn(seeds).find((f) => /\/001_/.test(f));
    if (!path) return;
    const out = await processDocument({ path, bytes: new Uint8Array(readFileSync(path)) });
    // 公开05表 of the 新平 seed prints class 201 as 一般公共预算支出; its national name is 一般公共服务支出.
    const misnamed = out.facts.filter(
      (f) => 'code' in f.subject && f.subject.code === '201' && f.source.rowLabel === '一般公共预算支出',
    );
    expect(misnamed.length).toBeGreaterThan(0);
    expect(misnamed.every((f) => 'name' in f.subject && f.subject.name === '一般公共服务支出')).toBe(true);
    expect(out.diagnostics.some((d) => d.rule === 'code.name' && String(d.actual).includes('一般公共预算支出'))).toBe(
      true,
    );
  });

  it('gives the same output for the same bytes', async () => {
    const path = join(samples, 'lintan-agriculture-2023-final-account.txt');
    const bytes = new Uint8Array(readFileSync(path));
    const a = await processDocument({ path, bytes });
    const b = await processDocument({ path, bytes });
    expect(JSON.stringify({ ...a, timings: {} })).toBe(JSON.stringify({ ...b, timings: {} }));
  });

  it('turns an empty file and binary data named .txt into a document issue, not a crash', async () => {
    const empty = await processDocument({ path: 'empty.txt', bytes: new Uint8Array() });
    expect(empty.failed).toBeTruthy();
    expect(empty.diagnostics.map((d) => d.rule)).toEqual(['document.empty']);
    const binary = await processDocument({ path: 'noise.txt', bytes: new Uint8Array([0, 1, 2, 3, 255, 0, 7, 8]) });
    expect(binary.failed).toBeTruthy();
    expect(binary.diagnostics[0].rule).toBe('document.unsupported');
    expect(binary.diagnostics[0].message).toContain('noise.txt');
  });
});

describe('the file hash', () => {
  it('is the one the caller passes (the batch runner hashed the file already), else computed from the bytes', async () => {
    const bytes = new Uint8Array(readFileSync(join(seeds, readdirSync(seeds).sort()[0]!)));
    const computed = await processDocument({ path: 'a.txt', bytes });
    const given = await processDocument({ path: 'a.txt', bytes, sha256: computed.document.source.sha256 });
    expect(given.document).toEqual(computed.document);
    const unreadable = await processDocument({ path: 'b.txt', bytes: new Uint8Array(0), sha256: 'f'.repeat(64) });
    expect(unreadable.document.id).toBe(`sha256:${'f'.repeat(64)}`);
  });
});
