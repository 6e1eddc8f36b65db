/**
 * The names stage on the real disclosures of ../shared/real, through the whole pipeline: kind,
 * fiscal year, region (code and level) and department against the readers' truth. Real
 * documents from other publishers are read by the same rules, so the bar is a share, not a
 * list of files: every field at least 0.95.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processDocument } from '@govdocs/pipelines';

const realDir = new URL('../../../../shared/real/', import.meta.url).pathname;

interface Truth {
  file: string;
  format: string;
  kind: string;
  fiscalYear: number;
  department: string;
  region: { code: string; level: string; alt?: string[] } | null;
}

const norm = (s: string | null | undefined) => (s ?? '').normalize('NFKC').replace(/[\s　“”"‘’'（）()：:、，,]/g, '');

describe.skipIf(!existsSync(join(realDir, 'truth.jsonl')))('names of the real disclosures', () => {
  it('gets kind, year, region and department right on at least 95 % of them', { timeout: 600_000 }, async () => {
    const truth = (
      readFileSync(join(realDir, 'truth.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)) as Truth[]
    ).filter((t) => t.format !== 'scanned-pdf');
    const ok = { kind: 0, year: 0, region: 0, level: 0, department: 0 };
    const wrong: string[] = [];
    for (const t of truth) {
      const path = join(realDir, t.file);
      const { document: d, diagnostics } = await processDocument({ path, bytes: new Uint8Array(readFileSync(path)) });
      const codes = t.region ? [t.region.code, ...(t.region.alt ?? [])] : [null];
      const checks = {
        kind: d.kind === t.kind,
        year: d.fiscalYear === t.fiscalYear,
        region: codes.includes(d.region?.code ?? null),
        level: (d.region?.level ?? null) === (t.region?.level ?? null) || (!!t.region?.alt && !!d.region),
        department: norm(d.department?.name) === norm(t.department),
      };
      for (const [k, v] of Object.entries(checks)) {
        ok[k as keyof typeof ok] += Number(v);
        if (!v) wrong.push(`${t.file} ${k}`);
      }
      // A central department has no region and is not a problem to report.
      if (!t.region)
        expect(
          diagnostics.filter((x) => x.rule.startsWith('name.')),
          t.file,
        ).toEqual([]);
    }
    const shares = Object.fromEntries(Object.entries(ok).map(([k, v]) => [k, v / truth.length]));
    for (const [k, share] of Object.entries(shares))
      expect(share, `${k}: ${wrong.join(', ')}`).toBeGreaterThanOrEqual(0.95);
  });
});
