#!/usr/bin/env node
// Accuracy on the shared samples: runs the pipeline on ../shared/samples/docs and prints the score
// of ../shared/tools/score.py. Usage: pnpm eval [--verbose]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const corpus = new URL('../../shared/samples', import.meta.url).pathname;
const scorer = new URL('../../shared/tools/score.py', import.meta.url).pathname;
if (!existsSync(corpus) || !existsSync(scorer)) {
  console.error(`eval needs ${corpus} and ${scorer} (the shared folder beside the repository).`);
  process.exit(1);
}
const out = mkdtempSync(join(tmpdir(), 'govdocs-eval-'));
const run = spawnSync(
  process.execPath,
  ['packages/cli/dist/bin.js', 'run', join(corpus, 'docs'), '--out', out, '--quiet'],
  { stdio: 'inherit' },
);
if (run.status === 1 || run.status === null) process.exit(1);
console.log(execFileSync('python3', [scorer, corpus, out, ...process.argv.slice(2)], { encoding: 'utf8' }));
console.log(`output: ${out}`);
