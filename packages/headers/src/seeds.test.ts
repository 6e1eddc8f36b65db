/**
 * Spot checks against the real seed documents: values read by eye from the text, checked after
 * ingest → tables → headers. Skipped when ../shared/seeds is not there.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FactRecord, TableRecord } from '@govdocs/core';
import { ingest } from '@govdocs/ingest';
import { detectTables } from '@govdocs/tables';
import { alignTables } from './index.js';

const seeds = new URL('../../../../shared/seeds/', import.meta.url).pathname;

async function alignSeed(prefix: string) {
  const name = existsSync(seeds) ? readdirSync(seeds).find((f) => f.startsWith(prefix)) : undefined;
  if (!name) return null;
  const path = join(seeds, name);
  const doc = (await ingest({ path, bytes: new Uint8Array(readFileSync(path)) })).value!;
  return alignTables(detectTables(doc).value).value;
}

function find(facts: FactRecord[], table: TableRecord | undefined, subject: object, measure: string): FactRecord[] {
  return facts.filter(
    (f) =>
      f.tableId === table?.id &&
      f.measure === measure &&
      Object.entries(subject).every(([k, v]) => (f.subject as Record<string, unknown>)[k] === v),
  );
}

describe('seed 001 (新平, final account, tab-separated)', async () => {
  const out = await alignSeed('001_');
  const byTitle = (title: string) => out?.tables.find((t) => t.title === title);

  it.skipIf(!out)('reads 2010350 事业运行 本年支出合计 5,196,228.44 in 支出决算表', () => {
    const table = byTitle('支出决算表');
    expect(table?.kind).toBe('expenditure');
    const [fact] = find(out!.facts, table, { code: '2010350' }, 'total');
    expect(fact).toMatchObject({
      value: 5196228.44,
      unit: 'yuan',
      subject: { scheme: 'function', code: '2010350', name: '事业运行' },
    });
    expect(fact.source).toMatchObject({ text: '5,196,228.44', columnPath: ['本年支出合计'] });
    expect(find(out!.facts, table, { code: '2010350' }, 'basic')[0]?.value).toBe(3871094.01);
  });

  it.skipIf(!out)('reads the summary panels, the 基本支出 economic codes and the 三公 items', () => {
    const summary = byTitle('收入支出决算总表');
    expect(find(out!.facts, summary, { label: '一般公共预算财政拨款收入', panel: 'income' }, 'amount')[0]?.value).toBe(
      5556280.53,
    );
    expect(find(out!.facts, summary, { code: '208' }, 'amount')[0]?.value).toBe(158405.15);
    const basic = byTitle('一般公共预算财政拨款基本支出决算表');
    expect(find(out!.facts, basic, { scheme: 'economic', code: '30226' }, 'amount')[0]?.value).toBe(1621247.76);
    const three = out!.tables.find((t) => t.kind === 'three_public');
    expect(find(out!.facts, three, { item: 'three_public.reception' }, 'budget')[0]?.value).toBe(5000);
    expect(find(out!.facts, three, { item: 'three_public.total' }, 'actual')[0]?.value).toBe(448);
  });

  it.skipIf(!out)('gives facts for every financial table that has numbers', () => {
    const financial = out!.tables.filter((t) => t.code?.startsWith('公开'));
    expect(financial.length).toBe(9);
    const withNumbers = financial.filter((t) => t.cells.some((c) => /\d,\d{3}\.\d{2}/.test(c.text)));
    for (const t of withNumbers)
      expect(
        out!.facts.some((f) => f.tableId === t.id),
        t.title ?? t.id,
      ).toBe(true);
    expect(withNumbers.length).toBe(7);
  });
});

describe('seed 003 (新乐, cell-per-line)', async () => {
  const out = await alignSeed('003_');

  it.skipIf(!out)('reads the fixed-asset table with its own 万元 column and count column', () => {
    const table = out!.tables.find((t) => t.title === '固定资产占用情况表');
    expect(table).toBeDefined();
    const facts = out!.facts.filter((f) => f.tableId === table!.id);
    expect(facts.find((f) => f.source.rowLabel === '资产总额')?.value).toBe(22730000);
    const house = facts.filter((f) => f.source.rowLabel === '房屋（平方米）');
    expect(house.map((f) => [f.value, f.unit])).toEqual([
      [14232, 'count'],
      [12300000, 'yuan'],
    ]);
  });
});
