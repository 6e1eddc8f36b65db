/**
 * How a golden case is run, shared by scripts/golden.mjs (which writes expected/) and
 * pipelines/src/golden.test.ts (which compares): the built CLI as a user runs it, from the
 * repository root, so the paths in the records are `pipelines/fixtures/golden/NAME/input.EXT`.
 * One worker and a long time limit, so a loaded machine cannot change the output.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const GOLDEN = join(root, 'pipelines/fixtures/golden');

/** Runs case `name` into `out`; returns the jsonl files written, sorted. Throws when the run fails to start or exits 1. */
export function goldenRun(name, out) {
  const input = readdirSync(join(GOLDEN, name)).find((file) => file.startsWith('input.'));
  if (!input) throw new Error(`pipelines/fixtures/golden/${name} has no input.* file`);
  const args = [
    join(root, 'packages/cli/dist/bin.js'),
    'run',
    `pipelines/fixtures/golden/${name}/${input}`,
    '--out',
    out,
    '--workers',
    '1',
    '--timeout',
    '900',
    '--quiet',
  ];
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', timeout: 900_000 });
  if (result.error) throw result.error;
  if (result.status !== 0 && result.status !== 2)
    throw new Error(`govdocs run of ${name} exited ${result.status}: ${result.stderr}`);
  return {
    status: result.status,
    files: readdirSync(out)
      .filter((file) => file.endsWith('.jsonl'))
      .sort(),
  };
}
