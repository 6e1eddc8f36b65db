import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DocumentOutput } from '@govdocs/core';
import { processDocument } from './disclosures.js';

const fixtures = new URL('../../packages/ingest/src/doc/fixtures/', import.meta.url).pathname;

async function run(name: string): Promise<DocumentOutput> {
  return processDocument({ path: name, bytes: new Uint8Array(readFileSync(fixtures + name)) });
}

/** Facts without the ids, which come from each file's own bytes. */
const facts = (out: DocumentOutput) =>
  out.facts.map(({ documentId, tableId, ...fact }) => ({ ...fact, table: tableId.split('#')[1] }));

describe('Word 97–2003 files saved from our DOCX samples', () => {
  it.each([
    ['doc001.doc', 'doc001.docx'],
    ['doc013.wps', 'doc013.docx'],
  ])('%s gives the same facts, tables and document as %s', async (binary, source) => {
    const legacy = await run(binary);
    const docx = await run(source);
    expect(legacy.failed).toBeUndefined();
    expect(facts(legacy).length).toBeGreaterThan(100);
    expect(facts(legacy)).toEqual(facts(docx));
    expect(legacy.tables.map((t) => [t.kind, t.title, t.unit, t.rows])).toEqual(
      docx.tables.map((t) => [t.kind, t.title, t.unit, t.rows]),
    );
    const { id, source: s1, ...doc } = legacy.document;
    const { id: _id, source: s2, ...expected } = docx.document;
    expect(doc).toEqual(expected);
    expect(s1.mediaType).toBe('application/msword');
  });
});
