#!/usr/bin/env node
// Rebuilds packages/narrative/src/fixtures/d01-* from a real disclosure (../shared/real/docs/d01.pdf,
// 上海市普陀区人民政府万里街道办事处 2024年预算): the prose of its 情况说明 pages as text, one paragraph
// a line, and the facts and table headers the pipeline reads from its tables. Run `pnpm build` first.
// Usage: node packages/narrative/scripts/make-fixtures.mjs [path/to/d01.pdf]
import { readFileSync, writeFileSync } from 'node:fs';
import { processDocument } from '../../../pipelines/dist/index.js';
import { ingest } from '../../ingest/dist/index.js';
import { documentParagraphs } from '../dist/index.js';

const pdf = process.argv[2] ?? new URL('../../../../shared/real/docs/d01.pdf', import.meta.url).pathname;
const out = new URL('../src/fixtures/', import.meta.url);
const bytes = new Uint8Array(readFileSync(pdf));
const PAGES = new Set([6, 7, 8, 9, 32]);

const doc = (await ingest({ path: 'd01.pdf', bytes })).value;
const prose = documentParagraphs(doc)
  .filter((p) => PAGES.has(p.page))
  .map((p) => p.text);
writeFileSync(new URL('d01-prose.txt', out), `${prose.join('\n')}\n`);

const output = await processDocument({ path: 'd01.pdf', bytes });
const KINDS = new Set([
  'summary',
  'income',
  'expenditure',
  'appropriation_summary',
  'general_budget',
  'government_fund',
  'state_capital',
  'three_public',
]);
const tables = output.tables.filter((t) => KINDS.has(t.kind));
const ids = new Set(tables.map((t) => t.id));
// The lines a 情况说明 restates: named lines (合计, 三公 items) and the 一般公共预算 table's coded totals.
const facts = output.facts.filter(
  (f) =>
    ids.has(f.tableId) &&
    f.unit === 'yuan' &&
    (!('scheme' in f.subject) || (f.tableKind === 'general_budget' && f.measure === 'total')),
);
writeFileSync(
  new URL('d01-tables.jsonl', out),
  `${tables.map((t) => JSON.stringify({ ...t, cells: [] })).join('\n')}\n`,
);
writeFileSync(new URL('d01-facts.jsonl', out), `${facts.map((f) => JSON.stringify(f)).join('\n')}\n`);
console.log(`${prose.length} paragraphs, ${tables.length} tables, ${facts.length} facts`);
