/**
 * Regression over the real disclosures of ../shared/real/docs, through the worker's own path
 * (pipeline, then the schema check of buildPart). Skipped without the set. What it holds:
 * - no document crashes or fails the schema check;
 * - 栏次 / 行次 rows ("栏次 | 1 | 2", "** | 1 | 2") give no facts;
 * - measures: at most 2 % of the facts keep printed header words (a header not yet in the
 *   vocabulary of CANONICAL.md and packages/headers/README.md);
 * - prose: every document with a 情况说明 gives statements; at least 95 % of those a table holds
 *   agree with it; the narrative and missing-table issues are the faults a reader confirmed on
 *   the page (packages/narrative/src/fixtures/real-faults.json).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processDocument } from '@govdocs/pipelines';
import { buildPart, type StoredDocument } from './part-records.js';

const docsDir = new URL('../../../../shared/real/docs/', import.meta.url).pathname;
const parts = new Map<string, StoredDocument>();
const docs = existsSync(docsDir)
  ? readdirSync(docsDir)
      .filter((f) => f.endsWith('.pdf'))
      .sort()
  : [];

/** Rows of facts that are 栏次 rows: labelled 栏次/行次, or unlabelled (or **, ——) over 1 2 3 …. */
function indexRows(facts: StoredDocument['facts']): string[] {
  const rows = new Map<string, StoredDocument['facts']>();
  for (const f of facts) {
    const key = `${f.tableId} r${f.source.row}`;
    rows.set(key, [...(rows.get(key) ?? []), f]);
  }
  return [...rows.entries()]
    .filter(([, fs]) => {
      const label = (fs[0].source.rowLabel ?? '').replace(/\s+/g, '');
      const texts = fs.map((f) => f.source.text.trim());
      const counting =
        (texts.length >= 2 || label !== '') &&
        texts.every((t, k) => t === String(Number(texts[0]) + k)) &&
        Number(texts[0]) <= 1;
      return /^(栏次?|行次)$/.test(label) || (/^(\*+|[—–―-]+)?$/.test(label) && counting);
    })
    .map(
      ([key, fs]) => `${key} p${fs[0].source.page} ${fs[0].source.rowLabel}: ${fs.map((f) => f.source.text).join(' ')}`,
    );
}

describe.skipIf(docs.length === 0)('real disclosures', () => {
  it.each(docs)(
    '%s is read, passes the schema check and gives no 栏次 facts',
    async (name) => {
      const path = join(docsDir, name);
      const part = buildPart(await processDocument({ path, bytes: new Uint8Array(readFileSync(path)) }), 'test');
      parts.set(name, part);
      expect(part.failed).toBeUndefined();
      expect(part.issues.filter((i) => i.rule === 'document.crash')).toEqual([]);
      expect(indexRows(part.facts)).toEqual([]);
    },
    180_000,
  );

  it('maps all but 2 % of the measures to the vocabulary', () => {
    const facts = [...parts.values()].flatMap((p) => p.facts);
    expect(facts.length).toBeGreaterThan(10_000);
    const unmapped = facts.filter((f) => /[\u4e00-\u9fff]/.test(f.measure));
    expect(unmapped.length / facts.length).toBeLessThanOrEqual(0.02);
  });

  it('states figures from every 情况说明, agrees with the tables, and finds only the real faults', () => {
    // Tables only (省级部门预算公开报表, Beijing 附件2 报表): no prose to read.
    const tablesOnly = ['d06.pdf', 'd08.pdf', 'd26.pdf', 'd27.pdf'];
    for (const [name, part] of parts)
      if (!tablesOnly.includes(name)) expect(part.statements.length, name).toBeGreaterThan(0);
    const all = [...parts.values()];
    const linked = all.flatMap((p) => p.statements).filter((s) => s.tableFact).length;
    const mismatches = all.flatMap((p) => p.issues).filter((i) => i.rule === 'narrative.mismatch').length;
    expect(linked).toBeGreaterThan(300);
    expect(1 - mismatches / linked).toBeGreaterThanOrEqual(0.95);
    const found = [...parts]
      .flatMap(([name, p]) =>
        p.issues
          .filter((i) => i.rule.startsWith('narrative.') || i.rule === 'document.missing_table')
          .map((i) => `${name} p${i.source.page ?? '-'} ${i.rule}`),
      )
      .sort();
    const faults = JSON.parse(
      readFileSync(new URL('../../narrative/src/fixtures/real-faults.json', import.meta.url), 'utf8'),
    ) as { doc: string; page: number | null; rule: string }[];
    expect(found).toEqual(faults.map((f) => `${f.doc} p${f.page ?? '-'} ${f.rule}`).sort());
  });
});
