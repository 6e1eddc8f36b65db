import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TABLE_KINDS, type DocumentRecord, type TableKind, type TableRecord } from '@govdocs/core';
import { missingTables } from './required.js';
import type { Sentence } from './sentences.js';

const doc = (kind: DocumentRecord['kind']): DocumentRecord => ({
  id: `sha256:${'1'.repeat(64)}`,
  source: { path: 'x.pdf', sha256: '1'.repeat(64), bytes: 1, mediaType: 'application/pdf', url: null },
  kind,
  fiscalYear: 2024,
  title: null,
  region: null,
  department: null,
  pages: 20,
  script: 'simplified',
  tables: 0,
});
const tables = (...kinds: TableKind[]) =>
  kinds.map((kind, i) => ({ id: `sha256:${'1'.repeat(64)}#${i}`, kind }) as TableRecord);
const said = (...texts: string[]): Sentence[] =>
  texts.map((text, i) => ({ text, index: i + 1, page: 20, opensParagraph: true }));
const FINAL: TableKind[] = [
  'summary',
  'income',
  'expenditure',
  'appropriation_summary',
  'general_budget',
  'general_budget_basic',
  'government_fund',
  'state_capital',
  'three_public',
];

describe('document.missing_table', () => {
  it('names each of the nine 公开表 a final account leaves out', () => {
    const issues = missingTables(
      doc('final_account'),
      tables(...FINAL.filter((k) => k !== 'government_fund' && k !== 'three_public')),
      [],
    );
    expect(issues.map((i) => [i.rule, i.severity])).toEqual([
      ['document.missing_table', 'warning'],
      ['document.missing_table', 'warning'],
    ]);
    expect(issues[0]!.message).toContain('政府性基金预算财政拨款收入支出决算表（公开07表）');
    expect(issues[1]!.message).toContain('公开09表');
  });

  it('accepts a 空表说明 for the table left out', () => {
    const kinds = FINAL.filter((k) => k !== 'government_fund' && k !== 'state_capital');
    expect(
      missingTables(
        doc('final_account'),
        tables(...kinds),
        said(
          '说明：国家信访局没有政府性基金收入，也没有使用政府性基金安排的支出，故本表无数据。',
          '注:本部门2024年无国有资本经营预算财政拨款安排的预算，故本表为空表。',
        ),
      ),
    ).toEqual([]);
  });

  it('does not require a 国有资本经营 table of a budget, and reads nothing into a 情况说明 alone', () => {
    expect(missingTables(doc('budget'), tables(...FINAL.filter((k) => k !== 'state_capital')), [])).toEqual([]);
    expect(missingTables(doc('budget'), tables('other', 'other', 'summary'), [])).toEqual([]);
    expect(missingTables(doc('final_account'), tables(...FINAL.slice(0, 6)), [])).toEqual([]);
    expect(missingTables(doc('performance'), tables('performance_indicators'), [])).toEqual([]);
  });
});

describe('data/required-tables.json', () => {
  const data = JSON.parse(readFileSync(new URL('../data/required-tables.json', import.meta.url), 'utf8')) as Record<
    string,
    { kind: string; name: string }[]
  >;

  it('lists table kinds core knows, each once per document kind, with a name for the message', () => {
    expect(Object.keys(data).sort()).toEqual(['budget', 'final_account']);
    for (const rows of Object.values(data)) {
      for (const row of rows) expect(TABLE_KINDS).toContain(row.kind);
      for (const row of rows) expect(row.name).toMatch(/表/);
      expect(new Set(rows.map((r) => r.kind)).size).toBe(rows.length);
    }
  });

  it('holds the nine 公开表 of a final account, numbered 01 to 09', () => {
    expect(data.final_account!.map((r) => /公开(\d\d)表/.exec(r.name)?.[1])).toEqual([
      '01',
      '02',
      '03',
      '04',
      '05',
      '06',
      '07',
      '08',
      '09',
    ]);
  });
});
