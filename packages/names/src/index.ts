/**
 * @govdocs/names: who published a document and about which year: region (GB/T 2260 code and
 * official name), department (official full name), fiscal year, document kind and title.
 */
import type { Diagnostic, DocumentKind, DocumentModel, DocumentRecord, StageResult, TableRecord } from '@govdocs/core';
import { documentKind, fiscalYear } from './document-facts.js';

export { documentKind, fiscalYear } from './document-facts.js';

export interface NamesInput {
  doc: DocumentModel;
  tables: TableRecord[];
}

export interface DocumentIdentity {
  kind: DocumentKind;
  fiscalYear: number | null;
  title: string | null;
  region: DocumentRecord['region'];
  department: DocumentRecord['department'];
}

/** The text lines that speak of the document as a whole, in reading order. */
export function documentTexts({ doc, tables }: NamesInput): string[] {
  const lines: string[] = [];
  if (doc.clues.title) lines.push(doc.clues.title);
  for (const b of doc.blocks) if (b.type === 'text' && b.text.trim()) lines.push(b.text.trim());
  for (const t of tables) if (t.title) lines.push(t.title);
  return lines;
}

export function resolveNames(input: NamesInput): StageResult<DocumentIdentity> {
  const texts = documentTexts(input);
  const diagnostics: Diagnostic[] = [];
  const title = input.doc.clues.title ?? texts.find((t) => t.length >= 4 && t.length <= 60) ?? null;
  return {
    value: { kind: documentKind(texts), fiscalYear: fiscalYear(texts), title, region: null, department: null },
    diagnostics,
  };
}
