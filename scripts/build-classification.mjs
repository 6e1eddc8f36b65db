#!/usr/bin/env node
/**
 * Checks and normalises the national classification data of @govdocs/validate
 * (packages/validate/data/*-classification.tsv): code format, every 款/项 under a listed parent,
 * no overlapping year ranges for one code, a known source on every line, rows sorted by code and
 * year. Rewrites the files in place; exits 1 on an error. With --check nothing is written, and a
 * file that is not in normal form is an error too.
 *
 * With --harvest OUT_DIR... it also reads the facts of govdocs output folders and lists the codes
 * printed there: lines not in the data (candidates to look up in the 财政部 edition of their year,
 * with the names printed and how often), and listed lines printed with their national name but not
 * yet marked `pub` (with --mark-pub, the mark is added). It never adds a line by itself.
 *
 *   node scripts/build-classification.mjs [--check] [--harvest OUT_DIR... [--mark-pub]]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const SCHEMES = ['function', 'economic'];
const SOURCES = new Set(['mof', 'pub']);
const args = process.argv.slice(2);
const check = args.includes('--check');
const markPub = args.includes('--mark-pub');
const harvestDirs = args.includes('--harvest')
  ? args.slice(args.indexOf('--harvest') + 1).filter((a) => !a.startsWith('--'))
  : [];
const fileOf = (scheme) => new URL(`../packages/validate/data/${scheme}-classification.tsv`, import.meta.url);

function parse(text) {
  const lines = text.split('\n');
  const header = lines.filter((l) => l.startsWith('#'));
  const rows = lines
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .map((l) => {
      const [code = '', name = '', from = '', to = '', note = '', source = ''] = l.split('\t');
      return { code, name: name.trim(), from, to, note, source: source.trim() };
    });
  return { header, rows };
}

function problems(file, rows) {
  const out = [];
  const codes = new Set(rows.map((r) => r.code));
  const seen = new Set();
  for (const r of rows) {
    const sources = r.source.split(',').filter(Boolean);
    const problem = !/^\d{3}(\d{2}){0,2}$/.test(r.code)
      ? 'bad code'
      : !r.name
        ? 'no name'
        : r.code.length > 3 && !codes.has(r.code.slice(0, -2))
          ? `parent ${r.code.slice(0, -2)} not listed`
          : (r.from && !/^\d{4}$/.test(r.from)) || (r.to && !/^\d{4}$/.test(r.to))
            ? 'bad year'
            : sources.length === 0 || sources.some((s) => !SOURCES.has(s))
              ? `source "${r.source}" is not one of ${[...SOURCES].join(', ')}`
              : null;
    if (problem) out.push(`${file.pathname}: ${r.code} ${r.name}: ${problem}`);
    const key = `${r.code}\t${r.name}`;
    if (seen.has(key)) out.push(`${file.pathname}: duplicate ${key}`);
    seen.add(key);
  }
  const byCode = new Map();
  for (const r of rows) if (!r.note.includes('alias')) byCode.set(r.code, [...(byCode.get(r.code) ?? []), r]);
  for (const [code, list] of byCode) {
    const spans = list
      .map((r) => [r.from ? Number(r.from) : 0, r.to ? Number(r.to) : 9999])
      .sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < spans.length; i++) {
      if (spans[i][0] <= spans[i - 1][1]) out.push(`${file.pathname}: ${code} has overlapping year ranges`);
    }
  }
  return out;
}

function normalForm(header, rows) {
  const sorted = [...rows].sort(
    (a, b) =>
      a.code.localeCompare(b.code) || (Number(a.from) || 0) - (Number(b.from) || 0) || a.note.localeCompare(b.note),
  );
  const source = (s) =>
    [...new Set(s.split(',').filter(Boolean))]
      .sort((a, b) => [...SOURCES].indexOf(a) - [...SOURCES].indexOf(b))
      .join(',');
  return [
    ...header,
    ...sorted.map((r) => [r.code, r.name, r.from, r.to, r.note, source(r.source)].join('\t')),
    '',
  ].join('\n');
}

/** Names compared as printed tables vary them: no spaces, brackets' width, punctuation or a trailing 支出. */
const normalName = (s) =>
  s
    .normalize('NFKC')
    .replace(/[\s"“”'‘’:：、，,。.·]/g, '')
    .replace(/支出$/, '');

/** scheme → code → printed name → count, over the facts of govdocs output folders. */
function printedCodes(dirs) {
  const out = { function: new Map(), economic: new Map() };
  for (const dir of dirs) {
    const path = `${dir}/facts.jsonl`;
    if (!existsSync(path)) {
      console.error(`${path}: not found`);
      process.exitCode = 1;
      continue;
    }
    const seenRows = new Set();
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (!line) continue;
      const fact = JSON.parse(line);
      const s = fact.subject;
      if (!s || !('code' in s) || !out[s.scheme]) continue;
      const row = `${fact.tableId}|${fact.source.row}|${s.code}`;
      if (seenRows.has(row)) continue;
      seenRows.add(row);
      const name = (s.name || fact.source.rowLabel || '').trim();
      const names = out[s.scheme].get(s.code) ?? new Map();
      names.set(name, (names.get(name) ?? 0) + 1);
      out[s.scheme].set(s.code, names);
    }
  }
  return out;
}

let errors = 0;
const printed = harvestDirs.length > 0 ? printedCodes(harvestDirs) : null;
for (const scheme of SCHEMES) {
  const file = fileOf(scheme);
  const { header, rows } = parse(readFileSync(file, 'utf8'));
  if (printed) {
    const listed = new Set(rows.map((r) => r.code));
    for (const [code, names] of [...printed[scheme]].sort(([a], [b]) => a.localeCompare(b))) {
      const list = [...names].map(([n, k]) => `${n} ×${k}`).join('; ');
      if (!listed.has(code)) {
        console.log(`${scheme}\t${code}\tnot listed\t${list}`);
        continue;
      }
      for (const r of rows.filter((x) => x.code === code && !x.source.split(',').includes('pub'))) {
        if (![...names.keys()].some((n) => normalName(n) === normalName(r.name))) continue;
        console.log(`${scheme}\t${code}\t${markPub ? 'marked pub' : 'printed, not marked pub'}\t${r.name}`);
        if (markPub) r.source = `${r.source},pub`;
      }
    }
  }
  const found = problems(file, rows);
  for (const p of found) console.error(p);
  errors += found.length;
  const normal = normalForm(header, rows);
  if (check) {
    if (normal !== readFileSync(file, 'utf8')) {
      console.error(`${file.pathname}: not sorted/normalised; run node scripts/build-classification.mjs`);
      errors++;
    }
  } else if (!found.length) writeFileSync(file, normal);
  console.log(`${file.pathname}: ${rows.length} lines, ${new Set(rows.map((r) => r.code)).size} codes`);
}
process.exit(errors ? 1 : (process.exitCode ?? 0));
