import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Files of one job stay small: no source file (tests, fixtures and scripts included) over this many lines. */
const MAX_LINES = 400;
const SOURCE = /\.(ts|mts|mjs|js|cjs|sh)$/;
const root = new URL('..', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.') ? [] : sources(path);
    return SOURCE.test(entry.name) ? [path] : [];
  });
}

describe('source files', () => {
  it(`are at most ${MAX_LINES} lines long`, () => {
    const files = [
      ...readdirSync(join(root, 'packages')).map((name) => join('packages', name)),
      'pipelines',
      'scripts',
    ].flatMap(sources);
    expect(files.length).toBeGreaterThan(100);
    const long = files
      .map((file) => ({ file, lines: readFileSync(join(root, file), 'utf8').split('\n').length - 1 }))
      .filter((f) => f.lines > MAX_LINES)
      .map((f) => `${f.file}: ${f.lines} lines`);
    expect(long, 'split these into files of one job each').toEqual([]);
  });
});
