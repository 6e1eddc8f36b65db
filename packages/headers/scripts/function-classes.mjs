#!/usr/bin/env node
// Checks packages/headers/data/function-classes.json (支出功能分类 类级科目) and rewrites it in
// canonical order. The list itself is transcribed from 《政府收支分类科目》 (财政部); when a new
// edition adds or renames a class, edit the entry (keep the old name as an alias) and run this.
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../data/function-classes.json', import.meta.url);
const data = JSON.parse(readFileSync(path, 'utf8'));
const seen = new Set();
for (const c of data.classes) {
  if (!/^2\d{2}$/.test(c.code)) throw new Error(`bad class code ${c.code}`);
  if (seen.has(c.code)) throw new Error(`duplicate class code ${c.code}`);
  seen.add(c.code);
  if (!c.name.endsWith('支出') && c.name !== '预备费') throw new Error(`unexpected class name ${c.name}`);
  c.aliases = [...new Set(c.aliases ?? [])];
}
data.classes.sort((a, b) => a.code.localeCompare(b.code));
const lines = data.classes.map(
  (c) =>
    `    ${JSON.stringify(c).replace(/":/g, '": ').replace(/,"/g, ', "').replace(/^\{/, '{ ').replace(/\}$/, ' }')}`,
);
writeFileSync(path, `{\n  "source": ${JSON.stringify(data.source)},\n  "classes": [\n${lines.join(',\n')}\n  ]\n}\n`);
console.log(`${data.classes.length} function classes OK`);
