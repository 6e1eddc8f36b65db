import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('national classification data', () => {
  it('is well formed, every line under a listed parent, sorted (build-classification --check)', () => {
    const run = () =>
      execFileSync(process.execPath, ['scripts/build-classification.mjs', '--check'], { encoding: 'utf8' });
    expect(run()).toMatch(/function-classification\.tsv: \d+ lines/);
  });
});
