#!/usr/bin/env node
/**
 * Measures how well validation finds a planted fault: for every document of a `govdocs run`
 * output folder without sum/balance/crosstable alarms, change one money fact at a time (by 10 yuan
 * in 元 tables, 1-3 万 yuan otherwise), re-validate, and count whether the fault is found, found
 * exactly once, and pinned on the changed cell. Also renames 项 codes in income tables (xx → random
 * suffix) and counts code warnings. Needs `pnpm build` first.
 *
 *   node packages/validate/scripts/mutation-check.mjs OUT_DIR [TRIALS_PER_DOC=25]
 */
import { readFileSync } from 'node:fs';
import { validateDocument } from '../dist/index.js';

const [out, perDoc = '25'] = process.argv.slice(2);
if (!out) {
  console.error('usage: mutation-check.mjs OUT_DIR [TRIALS_PER_DOC]');
  process.exit(2);
}
const read = (f) =>
  readFileSync(`${out}/${f}`, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
const docs = read('documents.jsonl');
const tables = read('tables.jsonl');
const facts = read('facts.jsonl');
let seed = 7;
const rand = (n) => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
};
const alarms = (input) =>
  validateDocument(input).diagnostics.filter((d) => d.severity !== 'info' && !d.rule.startsWith('code.'));
const KINDS = new Set([
  'summary',
  'income',
  'expenditure',
  'general_budget',
  'general_budget_basic',
  'three_public',
  'appropriation_summary',
]);

const sums = { documents: 0, trials: 0, found: 0, once: 0, onChangedCell: 0 };
const codes = { trials: 0, warned: 0 };
for (const doc of docs) {
  const ts = tables.filter((t) => t.documentId === doc.id);
  const fs = facts.filter((f) => f.documentId === doc.id);
  if (alarms({ document: doc, tables: ts, facts: fs }).length > 0) continue;
  sums.documents++;
  const money = fs.filter((f) => f.unit === 'yuan' && KINDS.has(f.tableKind));
  for (let k = 0; k < Number(perDoc) && money.length; k++) {
    const victim = money[rand(money.length)];
    const unit = ts.find((t) => t.id === victim.tableId)?.unit;
    const delta = unit === 'yuan' ? 10 : 10000 * (1 + rand(3));
    const mutated = fs.map((f) => (f === victim ? { ...f, value: Math.round((f.value + delta) * 100) / 100 } : f));
    const found = alarms({ document: doc, tables: ts, facts: mutated });
    sums.trials++;
    if (found.length > 0) sums.found++;
    if (found.length === 1) sums.once++;
    if (
      found.some(
        (d) => d.tableId === victim.tableId && d.place.row === victim.source.row && d.place.col === victim.source.col,
      )
    )
      sums.onChangedCell++;
  }
  const leafCodes = [
    ...new Set(fs.filter((f) => f.tableKind === 'income' && f.subject.code?.length === 7).map((f) => f.subject.code)),
  ];
  for (const code of leafCodes) {
    const bad = code.slice(0, 5) + String(rand(100)).padStart(2, '0');
    if (leafCodes.includes(bad)) continue;
    const mutated = fs.map((f) =>
      f.tableKind === 'income' && f.subject.code === code ? { ...f, subject: { ...f.subject, code: bad } } : f,
    );
    const warned = validateDocument({ document: doc, tables: ts, facts: mutated }).diagnostics.some(
      (d) => d.rule.startsWith('code.') && d.severity === 'warning' && (d.actual === bad || d.message.includes(bad)),
    );
    codes.trials++;
    if (warned) codes.warned++;
  }
}
console.log(JSON.stringify({ sums, codes }, null, 1));
