/**
 * Regression over ../shared/real/pages: scraped pages that are not disclosures (portal, list and
 * Q&A pages, HTML saved as .pdf). Each goes through the worker's own path (pipeline, then the
 * schema check of buildPart) and must come out as a document record with no facts. Skipped
 * without the set.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processDocument } from '@govdocs/pipelines';
import { buildPart } from './part-records.js';

const pagesDir = new URL('../../../../shared/real/pages/', import.meta.url).pathname;
const pages = existsSync(pagesDir) ? readdirSync(pagesDir).sort() : [];

describe.skipIf(pages.length === 0)('scraped pages that are not disclosures', () => {
  it.each(pages)('%s passes the schema check and gives no facts', async (name) => {
    const path = join(pagesDir, name);
    const output = await processDocument({ path, bytes: new Uint8Array(readFileSync(path)) });
    const part = buildPart(output, 'test');
    expect(part.failed).toBeUndefined();
    expect(part.issues.filter((i) => i.rule === 'document.crash')).toEqual([]);
    // Nothing fiscal is on these pages: ID numbers, phone numbers and dates are not yuan.
    expect(part.facts.map((f) => `${f.source.columnPath.join('›')} ${f.source.text}`)).toEqual([]);
  });
});
