#!/usr/bin/env node
/**
 * Builds data/function-crosswalk.json from data/function-crosswalk.tsv (the hand-kept source, with a
 * source per row). Checks: codes of 3/5/7 digits, one row per (scheme, code), years in order, the
 * current code in the current edition of packages/validate/data/function-classification.tsv when
 * that list has the code's 类, and no chain longer than the rows allow (A → B → C is followed).
 * `--check` fails when the JSON is not what the TSV gives.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const here = new URL('../data/', import.meta.url);
const tsv = readFileSync(new URL('function-crosswalk.tsv', here), 'utf8');
const national = new Map();
for (const line of readFileSync(
  new URL('../../validate/data/function-classification.tsv', import.meta.url),
  'utf8',
).split('\n')) {
  if (!line || line.startsWith('#')) continue;
  const [code, name, first, last] = line.split('\t');
  if (!last) national.set(code, { name, first: first ? Number(first) : null });
}

const rows = [];
const seen = new Set();
const problems = [];
for (const [i, line] of tsv.split('\n').entries()) {
  if (!line.trim() || line.startsWith('#')) continue;
  const [scheme, code, name, lastYear, current, currentName, firstYear, relation, source] = line.split('\t');
  const where = `function-crosswalk.tsv line ${i + 1}`;
  if (!['function', 'economic'].includes(scheme)) problems.push(`${where}: scheme "${scheme}"`);
  if (!/^\d{3}(\d{2}){0,2}$/.test(code) || !/^\d{3}(\d{2}){0,2}$/.test(current))
    problems.push(`${where}: codes must have 3, 5 or 7 digits`);
  if (code.length !== current.length) problems.push(`${where}: ${code} and ${current} are not of one level`);
  if (!(Number(firstYear) > Number(lastYear)))
    problems.push(`${where}: first year ${firstYear} must follow last year ${lastYear}`);
  if (!['moved', 'merged'].includes(relation)) problems.push(`${where}: relation "${relation}"`);
  if (!source?.trim()) problems.push(`${where}: no source`);
  if (seen.has(`${scheme}:${code}`)) problems.push(`${where}: ${code} listed twice`);
  seen.add(`${scheme}:${code}`);
  const known = national.get(current);
  if (scheme === 'function' && known && known.name !== currentName)
    problems.push(`${where}: ${current} is ${known.name} in the national list, not ${currentName}`);
  rows.push({
    scheme,
    code,
    name,
    lastYear: Number(lastYear),
    current,
    currentName,
    firstYear: Number(firstYear),
    relation,
    source,
  });
}
// Follow chains (A until 2018 → B; B until 2023 → C) so each row names today's code.
for (const row of rows) {
  let next = row;
  for (let hops = 0; hops < rows.length; hops++) {
    const on = rows.find((r) => r.scheme === row.scheme && r.code === next.current && r.lastYear >= next.firstYear);
    if (!on) break;
    next = on;
  }
  row.today = next.current;
  row.todayName = next.currentName;
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
const json = `${JSON.stringify({ note: 'Generated from function-crosswalk.tsv by scripts/build-crosswalk.mjs; edit the TSV.', rows }, null, 1)}\n`;
const target = new URL('function-crosswalk.json', here);
if (process.argv.includes('--check')) {
  if (readFileSync(target, 'utf8') !== json) {
    console.error('data/function-crosswalk.json is out of date: run node packages/export/scripts/build-crosswalk.mjs');
    process.exit(1);
  }
  console.log(`function-crosswalk.json: ${rows.length} rows, up to date`);
} else {
  writeFileSync(target, json);
  console.log(`function-crosswalk.json: ${rows.length} rows`);
}
