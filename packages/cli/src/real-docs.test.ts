/**
 * Regression over the real disclosures of ../shared/real/docs, through the worker's own path
 * (pipeline, then the schema check of buildPart). Skipped without the set. What it holds:
 * - no document crashes or fails the schema check;
 * - 栏次 / 行次 rows ("栏次 | 1 | 2", "** | 1 | 2") give no facts;
 * - measures: at most 2 % of the facts keep printed header words (a header not yet in the
 *   vocabulary of CANONICAL.md and packages/headers/README.md).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processDocument } from '@govdocs/pipelines';
import { buildPart, type StoredDocument } from './part-records.js';

const docsDir = new URL('../../../../shared/real/docs/', import.meta.url).pathname;
const parts = new Map<string, StoredDocument>();
const docs = existsSync(docsDir) ? readdirSync(docsDir).filter((f) => f.endsWith('.pdf')).sort() : [];

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
      const counting = (texts.length >= 2 || label !== '') && texts.every((t, k) => t === String(Number(texts[0]) + k)) && Number(texts[0]) <= 1;
      return /^(栏次?|行次)$/.test(label) || (/^(\*+|[—–―-]+)?$/.test(label) && counting);
    })
    .map(([key, fs]) => `${key} p${fs[0].source.page} ${fs[0].source.rowLabel}: ${fs.map((f) => f.source.text).join(' ')}`);
}

describe.skipIf(docs.length === 0)('real disclosures', () => {
  it.each(docs)('%s is read, passes the schema check and gives no 栏次 facts', async (name) => {
    const path = join(docsDir, name);
    const part = buildPart(await processDocument({ path, bytes: new Uint8Array(readFileSync(path)) }), 'test');
    parts.set(name, part);
    expect(part.failed).toBeUndefined();
    expect(part.issues.filter((i) => i.rule === 'document.crash')).toEqual([]);
    expect(indexRows(part.facts)).toEqual([]);
  }, 180_000);

  it('maps all but 2 % of the measures to the vocabulary', () => {
    const facts = [...parts.values()].flatMap((p) => p.facts);
    expect(facts.length).toBeGreaterThan(10_000);
    const unmapped = facts.filter((f) => /[\u4e00-\u9fff]/.test(f.measure));
    expect(unmapped.length / facts.length).toBeLessThanOrEqual(0.02);
  });
});
