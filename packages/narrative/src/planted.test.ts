/**
 * The planted test: the real 编制说明 of a 2024 street-office budget (fixtures/d01-prose.txt, with
 * the facts of its own tables, made by scripts/make-fixtures.mjs) gives no narrative issue as
 * printed, except the one fault the document really has; with three figures altered (a value, a
 * unit 万元 → 元, a comparison) each alteration is reported, and nothing else.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DocumentModel, DocumentRecord, FactRecord, TableRecord } from '@govdocs/core';
import { readNarrative } from './stage.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const lines = (name: string) =>
  fixture(name)
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
const facts = lines('d01-facts.jsonl') as FactRecord[];
const tables = lines('d01-tables.jsonl') as TableRecord[];
const prose = fixture('d01-prose.txt');

const document: DocumentRecord = {
  id: `sha256:${'0'.repeat(64)}`,
  source: { path: 'd01-prose.txt', sha256: '0'.repeat(64), bytes: prose.length, mediaType: 'text/plain', url: null },
  kind: 'budget',
  fiscalYear: 2024,
  title: null,
  region: null,
  department: null,
  pages: 1,
  script: 'simplified',
  tables: tables.length,
};

function run(text: string) {
  const doc: DocumentModel = {
    id: document.id,
    source: document.source,
    pageCount: 1,
    script: 'simplified',
    clues: {},
    blocks: text.split('\n').map((t, i) => ({ type: 'text', text: t, line: i + 1 })),
  };
  // The fixture keeps only the tables the prose restates: the required-tables rule is tested apart.
  const { value, diagnostics } = readNarrative({ doc, document, tables, facts });
  return { value, diagnostics: diagnostics.filter((d) => d.rule.startsWith('narrative.')) };
}

function alter(text: string, from: string, to: string): string {
  expect(text.split(from)).toHaveLength(2);
  return text.replace(from, to);
}

/** The document's own fault: item 31 restates 住房公积金 350.35万元 as 352.67万元 (page 9). */
const OWN_FAULT = ['narrative.change 352.67万元', 'narrative.mismatch 352.67万元'];
const summary = (d: { rule: string; message: string }) => `${d.rule} ${/(\d[\d.,]*万?元)/.exec(d.message)?.[1]}`;

describe('planted faults in a real 编制说明', () => {
  it('reads the prose as printed: statements agree with the tables, the one real fault aside', () => {
    const { value, diagnostics } = run(prose);
    expect(value.length).toBeGreaterThan(40);
    const linked = value.filter((s) => s.tableFact);
    expect(linked.length).toBeGreaterThan(35);
    expect(diagnostics.map(summary).sort()).toEqual(OWN_FAULT);
  });

  it('reports each of three altered figures, and nothing else', () => {
    let text = prose;
    // A value: 42.60万元 → 24.60万元 in item 2's first sentence.
    text = alter(text, '一般行政管理事务（项）”42.60万元', '一般行政管理事务（项）”24.60万元');
    // A unit: 公务接待费1.35万元 → 1.35元.
    text = alter(text, '公务接待费1.35万元', '公务接待费1.35元');
    // A comparison: 组织事务 88.87 against 60.79 is +46.19 %, printed as +36.19 %.
    text = alter(text, '比2023年预算执行数增加46.19%', '比2023年预算执行数增加36.19%');
    const { diagnostics } = run(text);
    const planted = diagnostics
      .map(summary)
      .filter((s) => !OWN_FAULT.includes(s))
      .sort();
    expect(planted).toEqual([
      'narrative.change 88.87万元',
      'narrative.mismatch 1.35元',
      'narrative.mismatch 24.60万元',
    ]);
    const value = diagnostics.find((d) => d.message.includes('24.60万元'))!;
    expect(value.message).toContain('群众团体事务');
    expect(value.expected).toBe(426000);
    expect(value.actual).toBe(246000);
    expect(value.place.line).toBeGreaterThan(0);
  });
});
