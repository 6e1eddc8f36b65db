#!/usr/bin/env node
// Validates every line of an output folder against the canonical zod schemas.
// Usage: node scripts/check-output.mjs OUT_DIR   (exit 1 when any record is invalid)
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { RECORD_SCHEMAS } from '../packages/core/dist/index.js';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node scripts/check-output.mjs OUT_DIR');
  process.exit(1);
}
const files = {
  'documents.jsonl': 'document',
  'tables.jsonl': 'table',
  'facts.jsonl': 'fact',
  'indicators.jsonl': 'indicator',
  'statements.jsonl': 'statement',
  'issues.jsonl': 'issue',
};
let bad = 0;
let total = 0;
for (const [file, type] of Object.entries(files)) {
  const path = join(dir, file);
  if (!existsSync(path)) {
    console.error(`${path}: missing`);
    bad++;
    continue;
  }
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line) return;
      total++;
      const result = RECORD_SCHEMAS[type].safeParse(JSON.parse(line));
      if (!result.success && bad++ < 20)
        console.error(
          `${file}:${i + 1}: ${result.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`,
        );
    });
}
const manifest = join(dir, 'manifest.json');
if (!existsSync(manifest) || !RECORD_SCHEMAS.manifest.safeParse(JSON.parse(readFileSync(manifest, 'utf8'))).success) {
  console.error(`${manifest}: missing or invalid`);
  bad++;
}
console.log(`${dir}: ${total} records checked, ${bad} invalid`);
process.exit(bad ? 1 : 0);
