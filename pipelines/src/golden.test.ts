/**
 * Golden end-to-end cases (pipelines/fixtures/golden/NAME): each input run through `govdocs run`
 * as a user runs it, and every jsonl file its expected/ folder holds compared byte for byte, with
 * a line diff when it changed. A change meant on purpose: `pnpm test -u` rewrites the files that
 * differ; `pnpm golden:update` rewrites every case (and adds output files new to the run).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../../packages/cli/src/fixtures/harness.js';
import { GOLDEN, goldenRun } from '../../scripts/golden-run.mjs';

const cases = readdirSync(GOLDEN, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

describe('golden end-to-end cases', () => {
  beforeAll(() => ensureBuilt(), 300_000);

  it('covers a PDF, a DOCX, an XLSX, an HTML page and a text dump', () => {
    const inputs = cases.map((name) =>
      readdirSync(join(GOLDEN, name))
        .find((file) => file.startsWith('input.'))
        ?.split('.')
        .pop(),
    );
    expect(new Set(inputs)).toEqual(new Set(['pdf', 'docx', 'xlsx', 'html', 'txt']));
  });

  it.each(cases)('%s gives its expected jsonl files', async (name) => {
    const expectedDir = join(GOLDEN, name, 'expected');
    const expected = readdirSync(expectedDir)
      .filter((file) => file.endsWith('.jsonl'))
      .sort();
    expect(expected, `${name}/expected holds no jsonl file: run pnpm golden:update`).toContain('documents.jsonl');
    const out = mkdtempSync(join(tmpdir(), 'govdocs-golden-'));
    try {
      const { files } = goldenRun(name, out);
      for (const file of expected) {
        expect(files, `the run no longer writes ${file}`).toContain(file);
        const written = readFileSync(join(out, file), 'utf8');
        const summary = changes(readFileSync(join(expectedDir, file), 'utf8'), written);
        await expect(written, `${name}/expected/${file}${summary}`).toMatchFileSnapshot(join(expectedDir, file));
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

/** The fields that changed, line by line (the first few), so a change reads without scanning long JSON lines. */
function changes(expected: string, written: string): string {
  if (expected === written) return '';
  const before = expected.split('\n');
  const after = written.split('\n');
  const out: string[] = [];
  if (before.length !== after.length) out.push(`${before.length - 1} lines expected, ${after.length - 1} written`);
  for (let i = 0; i < Math.max(before.length, after.length) && out.length < 8; i++) {
    if (before[i] === after[i]) continue;
    const fields = fieldChanges(parse(before[i]), parse(after[i]), '').slice(0, 4);
    out.push(`line ${i + 1}: ${fields.length ? fields.join('; ') : 'added or removed'}`);
  }
  return `\n  ${out.join('\n  ')}\n  (a change meant on purpose: pnpm golden:update, or pnpm test -u; then review the diff of pipelines/fixtures/golden)\n`;
}

function parse(line: string | undefined): unknown {
  try {
    return line ? JSON.parse(line) : undefined;
  } catch {
    return line;
  }
}

function fieldChanges(a: unknown, b: unknown, path: string): string[] {
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    return keys.flatMap((key) =>
      fieldChanges(
        (a as Record<string, unknown>)[key],
        (b as Record<string, unknown>)[key],
        path ? `${path}.${key}` : key,
      ),
    );
  }
  if (a === undefined) return [`${path || '(line)'}: added ${JSON.stringify(b)}`];
  if (b === undefined) return [`${path || '(line)'}: removed`];
  return JSON.stringify(a) === JSON.stringify(b)
    ? []
    : [`${path || '(line)'}: ${JSON.stringify(a)} → ${JSON.stringify(b)}`];
}
