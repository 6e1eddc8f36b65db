import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DocumentOutput, FactRecord } from '@govdocs/core';
import { processDocument } from './disclosures.js';

const fixtures = new URL('../../packages/ingest/src/ocr/fixtures/', import.meta.url).pathname;
const run = (name: string, ocr = true): Promise<DocumentOutput> =>
  processDocument({ path: name, bytes: new Uint8Array(readFileSync(fixtures + name)), ...(ocr ? {} : { ocr: false }) });

/** A fact as a value for a subject and measure in a kind of table: what must survive the scan. */
const key = (f: FactRecord) => JSON.stringify([f.tableKind, f.subject, f.measure, Math.round(f.value * 100)]);

/** Share of the text PDF's facts found, value for value, among the scan's (each used once). */
function recall(truth: FactRecord[], found: FactRecord[]): number {
  const pool = new Map<string, number>();
  for (const f of found) pool.set(key(f), (pool.get(key(f)) ?? 0) + 1);
  let hit = 0;
  for (const f of truth) {
    const n = pool.get(key(f)) ?? 0;
    if (n > 0) {
      hit++;
      pool.set(key(f), n - 1);
    }
  }
  return hit / truth.length;
}

describe('OCR of scanned pages', () => {
  it('reads a 200-dpi scan of a sample PDF to at least 0.95 of the text PDF’s facts, with confidences', async () => {
    const text = await run('doc002.pdf');
    const scan = await run('doc002-scan200.pdf');
    expect(text.facts.length).toBeGreaterThan(100);
    expect(scan.document.ocrPages).toEqual([1, 2, 3, 4]);
    expect(recall(text.facts, scan.facts)).toBeGreaterThanOrEqual(0.95);
    expect(scan.facts.every((f) => typeof f.source.ocr === 'number' && f.source.ocr >= 0 && f.source.ocr <= 1)).toBe(
      true,
    );
    expect(scan.diagnostics.filter((d) => d.rule === 'parse.scanned')).toEqual([]);
    expect(scan.document.kind).toBe(text.document.kind);
  }, 600_000);

  it('reads the one scanned page of an otherwise digital PDF, and only that page by OCR', async () => {
    const text = await run('doc002.pdf');
    const mixed = await run('doc002-mixed.pdf');
    expect(mixed.document.ocrPages).toEqual([2]);
    expect(recall(text.facts, mixed.facts)).toBeGreaterThanOrEqual(0.95);
    expect(mixed.facts.filter((f) => f.source.ocr !== undefined).every((f) => f.source.page === 2)).toBe(true);
    expect(text.document.ocrPages).toBeUndefined();
  }, 600_000);

  it('with OCR off, each scanned page gets its parse issue and nothing is read', async () => {
    const scan = await run('doc002-scan150.pdf', false);
    expect(scan.facts).toEqual([]);
    expect(scan.document.ocrPages).toBeUndefined();
    expect(scan.diagnostics.filter((d) => d.rule === 'parse.scanned').map((d) => d.place.page)).toEqual([1, 2, 3, 4]);
    expect(scan.diagnostics[0].message).toMatch(/--no-ocr/);
  });
});
