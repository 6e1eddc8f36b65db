/**
 * The names stage on real documents, through the whole pipeline: the five seeds (expected
 * values from the project's issue) and the generated samples (expected values from their
 * truth file). A sample field is either right or left empty with a reason; never wrong.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processDocument } from '@govdocs/pipelines';

const shared = new URL('../../../../shared/', import.meta.url).pathname;
const seedsDir = join(shared, 'seeds');
const samplesDir = join(shared, 'samples');

async function run(path: string) {
  return processDocument({ path, bytes: new Uint8Array(readFileSync(path)) });
}

const SEEDS: Record<string, { code: string; department: string; year: number; kind: string }> = {
  '000': { code: '530427', department: '新平彝族傣族自治县人民政府办公室', year: 2023, kind: 'budget' },
  '001': { code: '530427', department: '新平彝族傣族自治县机关事务服务中心', year: 2021, kind: 'final_account' },
  '002': { code: '511132', department: '峨边彝族自治县人民政府办公室', year: 2023, kind: 'final_account' },
  '003': { code: '130184', department: '新乐市人民政府办公室', year: 2020, kind: 'budget' },
  '004': { code: '430181', department: '浏阳市人民政府办公室', year: 2020, kind: 'performance' },
};

describe.skipIf(!existsSync(seedsDir))('names of the seeds', () => {
  const files = existsSync(seedsDir) ? readdirSync(seedsDir).filter((f) => f.endsWith('.txt')) : [];

  it.each(files)('%s', async (file) => {
    const want = SEEDS[file.slice(0, 3)];
    if (!want) return;
    const { document, diagnostics } = await run(join(seedsDir, file));
    expect(document.region?.code).toBe(want.code);
    expect(document.department?.name).toBe(want.department);
    expect(document.fiscalYear).toBe(want.year);
    expect(document.kind).toBe(want.kind);
    const corrections = diagnostics.filter((d) => d.rule === 'name.region');
    if (file.startsWith('001')) {
      expect(corrections.map((d) => d.actual)).toEqual(
        expect.arrayContaining(['那平彝族侗族自治县', '新平彝族自治县']),
      );
      expect(corrections.every((d) => d.severity === 'warning' && /corrected/.test(d.message))).toBe(true);
    } else {
      expect(corrections).toEqual([]);
    }
  });
});

interface Truth {
  file: string;
  kind: string;
  fiscalYear: number;
  region: { code: string };
  department: string;
}

describe.skipIf(!existsSync(join(samplesDir, 'truth.jsonl')))('names of the generated samples', () => {
  const truth: Truth[] = existsSync(join(samplesDir, 'truth.jsonl'))
    ? readFileSync(join(samplesDir, 'truth.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l))
    : [];

  it.each(truth.map((t) => [basename(t.file), t] as const))('%s', async (_name, t) => {
    const { document, diagnostics } = await run(join(samplesDir, t.file));
    expect(document.kind).toBe(t.kind);
    const nameIssues = diagnostics.filter((d) => d.rule.startsWith('name.'));
    if (document.region) {
      expect(document.region.code).toBe(t.region.code);
      expect(document.department?.name).toBe(t.department);
    } else {
      expect(nameIssues.length).toBeGreaterThan(0);
    }
    // The year is null only when the document never states it (some spreadsheets don't).
    if (document.fiscalYear !== null) expect(document.fiscalYear).toBe(t.fiscalYear);
  });
});
