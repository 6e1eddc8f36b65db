#!/usr/bin/env node
/**
 * Checks and normalises the national classification data of @govdocs/validate
 * (packages/validate/data/*-classification.tsv), transcribed from 财政部《政府收支分类科目》:
 * code format, every 款/项 under a listed parent, no overlapping year ranges for one code,
 * rows sorted by code and year. Rewrites the files in place; exits 1 on an error.
 * With --check nothing is written, and a file that is not in normal form is an error too.
 *
 *   node scripts/build-classification.mjs [--check]
 */
import { readFileSync, writeFileSync } from 'node:fs';

const files = ['function', 'economic'].map((s) => new URL(`../packages/validate/data/${s}-classification.tsv`, import.meta.url));
const check = process.argv.includes('--check');
let errors = 0;
for (const file of files) {
  const lines = readFileSync(file, 'utf8').split('\n');
  const header = lines.filter((l) => l.startsWith('#'));
  const rows = lines.filter((l) => l.trim() !== '' && !l.startsWith('#')).map((l) => {
    const [code = '', name = '', from = '', to = '', note = ''] = l.split('\t');
    return { code, name: name.trim(), from, to, note };
  });
  const codes = new Set(rows.map((r) => r.code));
  const seen = new Set();
  for (const r of rows) {
    const problem = !/^\d{3}(\d{2}){0,2}$/.test(r.code) ? 'bad code'
      : !r.name ? 'no name'
      : r.code.length > 3 && !codes.has(r.code.slice(0, -2)) ? `parent ${r.code.slice(0, -2)} not listed`
      : (r.from && !/^\d{4}$/.test(r.from)) || (r.to && !/^\d{4}$/.test(r.to)) ? 'bad year' : null;
    if (problem) { console.error(`${file.pathname}: ${r.code} ${r.name}: ${problem}`); errors++; }
    const key = `${r.code}\t${r.name}`;
    if (seen.has(key)) { console.error(`${file.pathname}: duplicate ${key}`); errors++; }
    seen.add(key);
  }
  const byCode = new Map();
  for (const r of rows) if (!r.note.includes('alias')) byCode.set(r.code, [...(byCode.get(r.code) ?? []), r]);
  for (const [code, list] of byCode) {
    const spans = list.map((r) => [r.from ? Number(r.from) : 0, r.to ? Number(r.to) : 9999]).sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < spans.length; i++) {
      if (spans[i][0] <= spans[i - 1][1]) { console.error(`${file.pathname}: ${code} has overlapping year ranges`); errors++; }
    }
  }
  rows.sort((a, b) => a.code.localeCompare(b.code) || (Number(a.from) || 0) - (Number(b.from) || 0) || a.note.localeCompare(b.note));
  const body = rows.map((r) => [r.code, r.name, r.from, r.to, r.note].join('\t').replace(/\t+$/, ''));
  const normal = [...header, ...body, ''].join('\n');
  if (check) {
    if (normal !== readFileSync(file, 'utf8')) { console.error(`${file.pathname}: not sorted/normalised; run node scripts/build-classification.mjs`); errors++; }
  } else writeFileSync(file, normal);
  console.log(`${file.pathname}: ${rows.length} lines, ${codes.size} codes`);
}
process.exit(errors ? 1 : 0);
