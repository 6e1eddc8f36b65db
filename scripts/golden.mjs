#!/usr/bin/env node
/**
 * The golden end-to-end cases of pipelines/fixtures/golden: one folder per case with its input
 * (`input.<ext>`) and the jsonl files `govdocs run` writes for it (`expected/*.jsonl`).
 *
 *   node scripts/golden.mjs            re-run every case with the built CLI and rewrite expected/
 *                                      (`pnpm golden:update` builds first)
 *   node scripts/golden.mjs --inputs   copy each case's input again from its source below, then re-run
 *
 * Expected files are replaced, not merged: an output file the run no longer writes disappears, a
 * new one (statements.jsonl, say) appears. Review the diff before committing it.
 * pipelines/src/golden.test.ts runs the cases the same way (`goldenRun` below) and compares.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { goldenRun, GOLDEN } from './golden-run.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Each case and where its input comes from (small documents already in the repository). */
const SOURCES = {
  pdf: 'packages/ingest/src/ocr/fixtures/doc002.pdf',
  docx: 'packages/ingest/src/doc/fixtures/doc001.docx',
  xlsx: 'packages/ingest/src/xlsx/fixtures/doc000.xlsx',
  html: 'samples/jianhu-finance-2024-budget.html',
  text: 'samples/lintan-agriculture-2023-final-account.txt',
  'text-performance': 'samples/lintan-agriculture-2023-performance.txt',
};

if (process.argv.includes('--inputs')) {
  for (const [name, source] of Object.entries(SOURCES)) {
    const dir = join(GOLDEN, name);
    mkdirSync(dir, { recursive: true });
    for (const file of readdirSync(dir)) if (file.startsWith('input.')) rmSync(join(dir, file));
    copyFileSync(join(root, source), join(dir, `input${source.slice(source.lastIndexOf('.'))}`));
  }
}

for (const name of readdirSync(GOLDEN, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort()) {
  const out = mkdtempSync(join(tmpdir(), 'govdocs-golden-'));
  try {
    const { files } = goldenRun(name, out);
    const expected = join(GOLDEN, name, 'expected');
    rmSync(expected, { recursive: true, force: true });
    mkdirSync(expected, { recursive: true });
    for (const file of files) copyFileSync(join(out, file), join(expected, file));
    console.log(`${name}: ${files.join(', ')}`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
